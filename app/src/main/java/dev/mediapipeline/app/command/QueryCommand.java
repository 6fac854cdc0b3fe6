package dev.mediapipeline.app.command;

import static dev.mediapipeline.common.item.ItemAttributes.DURATION;
import static dev.mediapipeline.common.item.ItemAttributes.ERROR_CLASS;
import static dev.mediapipeline.common.item.ItemAttributes.HEIGHT;
import static dev.mediapipeline.common.item.ItemAttributes.MEDIA_ID;
import static dev.mediapipeline.common.item.ItemAttributes.STATUS;
import static dev.mediapipeline.common.item.ItemAttributes.STATUS_FAILED;
import static dev.mediapipeline.common.item.ItemAttributes.TAGS;
import static dev.mediapipeline.common.item.ItemAttributes.TAKEN_AT;
import static dev.mediapipeline.common.item.ItemAttributes.TIMELINE_AT;
import static dev.mediapipeline.common.item.ItemAttributes.TIMELINE_SOURCE;
import static dev.mediapipeline.common.item.ItemAttributes.TYPE;
import static dev.mediapipeline.common.item.ItemAttributes.USER_ID;
import static dev.mediapipeline.common.item.ItemAttributes.WIDTH;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.item.Timeline;
import dev.mediapipeline.indexer.count.TagCounts;
import dev.mediapipeline.indexer.projection.IndexAttributes;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = "A user's media, the media with one tag, the user's tags with counts, or the media taken "
                + "between two dates (newest first): each is one DynamoDB Query.")
public final class QueryCommand implements Callable<Integer> {

    private static final String ITEM_ROW = "%-50s %-6s %-18s %-11s %-9s %-25s %s%n";
    private static final String TAG_ROW = "%-50s %-6s %-11s %-9s %-25s %s%n";
    private static final String COUNT_ROW = "%-40s %s%n";

    @Mixin
    ToolEndpoint endpoint;

    @Mixin
    UserIdOption user;

    @Option(names = "--tag", paramLabel = "TAG")
    String tag;

    @Option(names = "--from", paramLabel = "WHEN", converter = TimelineBound.From.class,
            description = "Timeline from this capture time on: a date (2024-07-01) or a date-time with an offset.")
    String from;

    @Option(names = "--to", paramLabel = "WHEN", converter = TimelineBound.To.class,
            description = "Timeline up to this capture time (a date includes its whole day, UTC).")
    String to;

    @Option(names = "--tags", description = "List the user's tags, each with how many media carry it.")
    boolean listTags;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (listTags && tag != null) {
            throw new ParameterException(spec.commandLine(), "--tag and --tags do not go together");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (from != null || to != null) {
            if (tag != null || listTags) {
                throw new ParameterException(spec.commandLine(), "--tag/--tags and --from/--to are different queries");
            }
            return timeline(out);
        }
        if (listTags) {
            return tagCounts(out);
        }
        try (AwsClients clients = new AwsClients(endpoint.config())) {
            List<Map<String, AttributeValue>> items = clients.dynamoDb().queryPaginator(request(clients.config()))
                    .items().stream().toList();
            if (tag == null) {
                out.printf(ITEM_ROW, "MediaId", "Type", "Status", "Dimensions", "Duration", "TakenAt", "Tags");
                for (Map<String, AttributeValue> item : items) {
                    out.printf(ITEM_ROW, text(item, MEDIA_ID), text(item, TYPE), status(item), dimensions(item),
                            text(item, DURATION), text(item, TAKEN_AT), tags(item));
                }
            } else {
                // The tag index copies what a listing shows, but not Status: FAILED items are indexed too.
                out.printf(TAG_ROW, "MediaId", "Type", "Dimensions", "Duration", "TakenAt", "Tag");
                for (Map<String, AttributeValue> item : items) {
                    out.printf(TAG_ROW, text(item, MEDIA_ID), text(item, TYPE), dimensions(item),
                            text(item, DURATION), text(item, TAKEN_AT), text(item, IndexAttributes.TAG));
                }
            }
            out.println(items.size() + " item(s)" + (tag == null ? " of user " : " tagged " + tag + " of user ")
                    + user.get());
        }
        out.flush();
        return 0;
    }

    /** The user's tags with their counts summed over each tag's count items; a tag no media carries is left out. */
    private int tagCounts(PrintWriter out) {
        try (AwsClients clients = new AwsClients(endpoint.config())) {
            Map<String, Long> counts = TagCounts.read(clients.dynamoDb(), clients.config().tagIndexTable(), user.get());
            counts.values().removeIf(count -> count == 0);
            out.printf(COUNT_ROW, "Tag", "Media");
            counts.forEach((tag, count) -> out.printf(COUNT_ROW, tag, count));
            out.println(counts.size() + " tag(s) of user " + user.get());
        }
        out.flush();
        return 0;
    }

    /**
     * The UserTimeline index, newest first. Media without a capture time sit at their upload time, marked
     * "(uploaded)"; a capture time without an offset sits as if it were UTC (TimelineSource taken-local).
     */
    private int timeline(PrintWriter out) {
        try (AwsClients clients = new AwsClients(endpoint.config())) {
            List<Map<String, AttributeValue>> items = clients.dynamoDb()
                    .queryPaginator(TimelineBound.query(clients.config().mediaTable(), user.get(), from, to))
                    .items().stream().toList();
            out.printf(ITEM_ROW, "MediaId", "Type", "Status", "Dimensions", "Duration", "TakenAt", "Tags");
            for (Map<String, AttributeValue> item : items) {
                String when = Timeline.UPLOAD.equals(text(item, TIMELINE_SOURCE))
                        ? text(item, TIMELINE_AT) + " (uploaded)" : text(item, TAKEN_AT);
                out.printf(ITEM_ROW, text(item, MEDIA_ID), text(item, TYPE), status(item), dimensions(item),
                        text(item, DURATION), when, tags(item));
            }
            out.println(items.size() + " item(s) of user " + user.get() + " taken " + (from == null ? "" : "from "
                    + from + " ") + (to == null ? "" : "to " + to));
        }
        out.flush();
        return 0;
    }

    private QueryRequest request(PipelineConfig config) {
        if (tag == null) {
            return QueryRequest.builder().tableName(config.mediaTable())
                    .keyConditionExpression(USER_ID + " = :u")
                    .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user.get()))).build();
        }
        return QueryRequest.builder().tableName(config.tagIndexTable())
                .keyConditionExpression(IndexAttributes.USER_TAG + " = :k")
                .filterExpression(IndexAttributes.LIVE_ONLY)
                .expressionAttributeValues(Map.of(":k",
                        AttributeValue.fromS(user.get() + "#" + tag.strip().toLowerCase(Locale.ROOT)))).build();
    }

    /** READY, or FAILED with its ErrorClass, e.g. {@code FAILED corrupt}. */
    private static String status(Map<String, AttributeValue> item) {
        String status = text(item, STATUS);
        return STATUS_FAILED.equals(status) ? status + " " + text(item, ERROR_CLASS) : status;
    }

    private static String dimensions(Map<String, AttributeValue> item) {
        return item.containsKey(WIDTH) ? text(item, WIDTH) + "x" + text(item, HEIGHT) : "";
    }

    private static String tags(Map<String, AttributeValue> item) {
        return item.containsKey(TAGS) ? String.join(",", item.get(TAGS).ss()) : "";
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? "" : v.s() != null ? v.s() : v.n() != null ? v.n() : v.toString();
    }
}
