package dev.mediapipeline.app.command;

import static dev.mediapipeline.common.item.ItemAttributes.DURATION;
import static dev.mediapipeline.common.item.ItemAttributes.HEIGHT;
import static dev.mediapipeline.common.item.ItemAttributes.MEDIA_ID;
import static dev.mediapipeline.common.item.ItemAttributes.STATUS;
import static dev.mediapipeline.common.item.ItemAttributes.TAGS;
import static dev.mediapipeline.common.item.ItemAttributes.TAKEN_AT;
import static dev.mediapipeline.common.item.ItemAttributes.TYPE;
import static dev.mediapipeline.common.item.ItemAttributes.USER_ID;
import static dev.mediapipeline.common.item.ItemAttributes.WIDTH;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "A user's media, or the media with one tag: each is one DynamoDB Query.")
public final class QueryCommand implements Callable<Integer> {

    /** Hash key of MediaTagIndex: one partition per user and tag. */
    static final String USER_TAG = "UserTag";

    @Mixin
    ToolEndpoint endpoint;

    @Option(names = "--user", required = true, paramLabel = "USER")
    String user;

    @Option(names = "--tag", paramLabel = "TAG")
    String tag;

    @Override
    public Integer call() {
        try (AwsClients clients = new AwsClients(endpoint.config())) {
            List<Map<String, AttributeValue>> items = clients.dynamoDb().queryPaginator(request(clients.config()))
                    .items().stream().toList();
            System.out.printf("%-50s %-6s %-11s %-9s %-25s %s%n", "MediaId", "Type", "Size", "Duration", "TakenAt",
                    "Tags");
            for (Map<String, AttributeValue> item : items) {
                System.out.printf("%-50s %-6s %-11s %-9s %-25s %s%n", text(item, MEDIA_ID),
                        text(item, TYPE) + (tag == null && "FAILED".equals(text(item, STATUS)) ? "!" : ""),
                        size(item), text(item, DURATION), text(item, TAKEN_AT),
                        item.containsKey(TAGS) ? String.join(",", item.get(TAGS).ss()) : "");
            }
            System.out.println(items.size() + " item(s)");
        }
        return 0;
    }

    private QueryRequest request(PipelineConfig config) {
        if (tag == null) {
            return QueryRequest.builder().tableName(config.mediaTable())
                    .keyConditionExpression(USER_ID + " = :u")
                    .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user))).build();
        }
        return QueryRequest.builder().tableName(config.tagIndexTable())
                .keyConditionExpression(USER_TAG + " = :k")
                .expressionAttributeValues(Map.of(":k",
                        AttributeValue.fromS(user + "#" + tag.strip().toLowerCase(Locale.ROOT)))).build();
    }

    private static String size(Map<String, AttributeValue> item) {
        return item.containsKey(WIDTH) ? text(item, WIDTH) + "x" + text(item, HEIGHT) : "";
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? "" : v.s() != null ? v.s() : v.n() != null ? v.n() : v.toString();
    }
}
