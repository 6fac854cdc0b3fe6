package dev.mediapipeline.lambda;

import software.amazon.awssdk.services.dynamodb.model.Record;

/** A function error of the index handler: not even the batch's first record could be applied or parked. */
public final class UnappliedRecordsException extends RuntimeException {

    UnappliedRecordsException(Record first, Exception cause) {
        super("stream record " + first.dynamodb().sequenceNumber() + " (" + first.dynamodb().keys()
                + ") neither applied nor parked: " + cause, cause);
    }
}
