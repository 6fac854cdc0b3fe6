package dev.mediapipeline.app.ops;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Ready means every resource the workers need answers: the queues, the tables, the stream. */
public final class Readiness {

    private final AwsClients clients;

    public Readiness(AwsClients clients) {
        this.clients = clients;
    }

    public record Report(Map<String, String> checks) {

        public boolean ready() {
            return checks.values().stream().allMatch("UP"::equals);
        }

        public String toJson() {
            return "{\"status\":\"" + (ready() ? "UP" : "DOWN") + "\",\"checks\":{"
                    + checks.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue()
                            .replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                    .collect(Collectors.joining(",")) + "}}";
        }
    }

    public Report check() {
        PipelineConfig c = clients.config();
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("queue", probe(() -> clients.sqs().getQueueUrl(r -> r.queueName(c.ingestQueue()))));
        checks.put("dlq", probe(() -> clients.sqs().getQueueUrl(r -> r.queueName(c.ingestDlq()))));
        checks.put("mediaTable", probe(() -> clients.dynamoDb().describeTable(r -> r.tableName(c.mediaTable()))));
        checks.put("tagIndexTable",
                probe(() -> clients.dynamoDb().describeTable(r -> r.tableName(c.tagIndexTable()))));
        checks.put("stream", probe(() -> {
            String arn = clients.dynamoDb().describeTable(r -> r.tableName(c.mediaTable())).table().latestStreamArn();
            clients.dynamoDbStreams().describeStream(r -> r.streamArn(arn).limit(1));
        }));
        return new Report(checks);
    }

    private static String probe(Runnable call) {
        try {
            call.run();
            return "UP";
        } catch (RuntimeException e) {
            return "DOWN: " + e.getClass().getSimpleName();
        }
    }
}
