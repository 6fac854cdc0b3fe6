package dev.mediapipeline.localaws.dynamodb.streams;

/** A table's current stream as DescribeTable shows it: LatestStreamArn, LatestStreamLabel and view type. */
public record StreamInfo(String streamArn, String streamLabel, String viewType) {
}
