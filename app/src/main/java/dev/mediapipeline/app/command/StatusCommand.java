package dev.mediapipeline.app.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mediapipeline.app.ops.queue.Ages;
import dev.mediapipeline.app.ops.queue.QueueDepth;
import dev.mediapipeline.app.ops.queue.QueueProbe;
import dev.mediapipeline.app.ops.queue.WatchedQueue;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.model.Select;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Queue depth, in flight and oldest message of the ingest queue and both DLQs, items per table, "
                + "and the index lag when --ops-url names a running worker's ops port.")
public final class StatusCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    ToolEndpoint endpoint;

    @Option(names = "--json", description = "One JSON object instead of the table.")
    boolean json;

    @Option(names = "--ops-url", paramLabel = "URL",
            description = "Ops port of a running process, e.g. http://127.0.0.1:8080: adds the index lag and the "
                    + "ingest queue's oldest-message age, which only a worker can estimate.")
    URI opsUrl;

    @Option(names = "--exact-count", description = "Count items with a Scan (reads every item) instead of "
            + "DescribeTable's ItemCount, which AWS refreshes only about every 6 hours.")
    boolean exactCount;

    @Spec
    CommandSpec spec;

    record TableCount(String name, long items, String countedBy) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Optional<JsonNode> ops = opsUrl == null ? Optional.empty() : Optional.of(summaryFrom(opsUrl));
        try (AwsClients clients = new AwsClients(endpoint.config())) {
            PipelineConfig config = clients.config();
            QueueProbe probe = new QueueProbe(clients.sqs(), Clock.systemUTC());
            List<QueueDepth> queues = new ArrayList<>();
            for (WatchedQueue q : WatchedQueue.of(config)) {
                queues.add(withOpsAge(probe.look(q).depth(), ops));
            }
            List<TableCount> tables = List.of(count(clients, config.mediaTable()),
                    count(clients, config.tagIndexTable()));
            if (json) {
                out.println(toJson(queues, tables, ops));
            } else {
                printTable(out, queues, tables, ops);
            }
        }
        out.flush();
        return 0;
    }

    private static JsonNode summaryFrom(URI opsUrl) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(opsUrl.resolve("/api/summary"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(opsUrl + "/api/summary answered HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    /** The worker knows the ingest queue's age; SQS does not (see QueueProbe). */
    private static QueueDepth withOpsAge(QueueDepth depth, Optional<JsonNode> ops) {
        if (depth.oldestAge().isPresent() || ops.isEmpty()) {
            return depth;
        }
        for (JsonNode q : ops.get().path("queues")) {
            if (depth.queue().role().equals(q.path("role").asText()) && q.path("oldestAgeSeconds").isNumber()) {
                return depth.withOldestAge(Optional.of(Duration.ofMillis(
                        (long) (q.get("oldestAgeSeconds").asDouble() * 1000))), q.path("oldestAgeSource").asText());
            }
        }
        return depth;
    }

    private TableCount count(AwsClients clients, String table) {
        if (exactCount) {
            long items = clients.dynamoDb().scanPaginator(r -> r.tableName(table).select(Select.COUNT)).stream()
                    .mapToLong(page -> page.count()).sum();
            return new TableCount(table, items, "Scan");
        }
        Long items = clients.dynamoDb().describeTable(r -> r.tableName(table)).table().itemCount();
        return new TableCount(table, items == null ? 0 : items, "DescribeTable");
    }

    private ObjectNode toJson(List<QueueDepth> queues, List<TableCount> tables, Optional<JsonNode> ops) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode qs = root.putArray("queues");
        for (QueueDepth d : queues) {
            ObjectNode q = qs.addObject().put("role", d.queue().role()).put("name", d.queue().name())
                    .put("visible", d.visible()).put("inFlight", d.inFlight());
            d.oldestAge().ifPresentOrElse(a -> q.put("oldestAgeSeconds", a.toMillis() / 1000.0),
                    () -> q.putNull("oldestAgeSeconds"));
            q.put("oldestAgeSource", d.ageSource());
        }
        ArrayNode ts = root.putArray("tables");
        tables.forEach(t -> ts.addObject().put("name", t.name()).put("items", t.items())
                .put("countedBy", t.countedBy()));
        if (ops.isPresent()) {
            ObjectNode lag = root.putObject("indexLag");
            lag.set("p50Seconds", ops.get().path("latest").path("indexLagP50"));
            lag.set("p99Seconds", ops.get().path("latest").path("indexLagP99"));
            lag.set("millisBehindLatest", ops.get().path("totals").path("indexMillisBehindLatest"));
            lag.put("from", opsUrl.toString());
        } else {
            root.putNull("indexLag");
        }
        return root;
    }

    private void printTable(PrintWriter out, List<QueueDepth> queues, List<TableCount> tables, Optional<JsonNode> ops) {
        int width = queues.stream().mapToInt(d -> d.queue().name().length()).max().orElse(10);
        out.printf("%-10s %-" + width + "s %9s %10s  %s%n", "QUEUE", "NAME", "VISIBLE", "IN FLIGHT", "OLDEST");
        boolean unknownAge = false;
        for (QueueDepth d : queues) {
            unknownAge |= d.oldestAge().isEmpty();
            out.printf("%-10s %-" + width + "s %9d %10d  %s%n", d.queue().role(), d.queue().name(), d.visible(),
                    d.inFlight(), d.oldestAge().map(a -> d.isEmpty() ? "-" : Ages.human(a)).orElse("?"));
        }
        if (unknownAge) {
            out.println("  ? = not known without receiving the messages, which would count against the queue's "
                    + "maxReceiveCount; --ops-url of a worker adds its estimate (on AWS: CloudWatch "
                    + "ApproximateAgeOfOldestMessage)");
        }
        out.println();
        int tableWidth = tables.stream().mapToInt(t -> t.name().length()).max().orElse(10);
        out.printf("%-" + tableWidth + "s %12s%n", "TABLE", "ITEMS");
        for (TableCount t : tables) {
            out.printf("%-" + tableWidth + "s %12d%n", t.name(), t.items());
        }
        out.println(exactCount ? "  counted with a Scan"
                : "  DescribeTable ItemCount: exact on the embedded stack, refreshed about every 6 hours on AWS "
                        + "(--exact-count scans)");
        out.println();
        if (ops.isEmpty()) {
            out.println("INDEX LAG  measured inside the indexer: add --ops-url of its ops port (run's is http://127.0.0.1:"
                    + RunCommand.DEFAULT_OPS_PORT + " unless --ops-port says otherwise)");
            return;
        }
        JsonNode latest = ops.get().path("latest");
        JsonNode behind = ops.get().path("totals").path("indexMillisBehindLatest");
        out.printf("INDEX LAG  p50 %s  p99 %s  (last measured window)  stream behind %s  from %s%n",
                seconds(latest.path("indexLagP50")), seconds(latest.path("indexLagP99")),
                behind.isNumber() ? behind.asLong() + " ms" : "n/a", opsUrl);
    }

    private static String seconds(JsonNode value) {
        return value.isNumber() ? String.format("%.2f s", value.asDouble()) : "n/a";
    }
}
