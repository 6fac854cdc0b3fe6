package dev.mediapipeline.bench.dynamodb;

import dev.mediapipeline.bench.ClosedLoop;
import dev.mediapipeline.bench.report.Machine;
import dev.mediapipeline.bench.report.Report;
import dev.mediapipeline.bench.report.Table;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the DynamoDB benchmark measured, one row per operation and thread count, as markdown and JSON. */
final class DynamoDbReport {

    /** One operation at one thread count. */
    record Case(Workloads.Workload workload, ClosedLoop.Result result) {
    }

    private final Report report;

    DynamoDbReport(String command, Machine machine) {
        report = new Report("dynamodb", "DynamoDB operations", command, machine);
    }

    /** How the cases were measured, a table of them and their JSON. */
    void cases(List<Case> cases, URI endpoint, int warmupSeconds, int seconds) {
        report.note(String.format(Locale.ROOT, "%s. Each case: %d s warm-up, then %d s measured, every thread "
                        + "calling one operation back to back with the AWS SDK v2 clients the workers use. Items of "
                        + "about 1 KB in a table with a stream (new and old images). PutItem writes a new key each "
                        + "time; GetItem reads one of them, consistently; Query reads one of %d partitions of %d "
                        + "items (Limit %d); TransactWriteItems is a guarded two-table write: a conditional Put "
                        + "of a new item and a ConditionCheck on a second table; GetRecords reads the table's whole "
                        + "stream (everything the cases before wrote) from the trim horizon with the DynamoDB "
                        + "Streams client, over and over, counting a shard's GetShardIterator into the first "
                        + "GetRecords after it. Latency is per call, as the client sees it. CPU is this whole "
                        + "process's: %s", endpoint == null ? "In-memory embedded stack (`LocalAws`) in this JVM"
                        : "Endpoint " + endpoint, warmupSeconds, seconds, BenchTables.QUERY_PARTITIONS,
                BenchTables.PARTITION_ITEMS, BenchTables.PARTITION_ITEMS,
                endpoint == null ? "client and embedded service together."
                        : "**with --endpoint, the client's only**, not the service's."));
        Table table = new Table("operation", "threads", "ops/s", "records/s", "p50 ms", "p99 ms", "CPU ms/op");
        List<Map<String, Object>> json = new ArrayList<>();
        for (Case c : cases) {
            ClosedLoop.Result r = c.result();
            Double records = c.workload().countsRecords() ? r.unitsPerSecond() : null;
            table.row(c.workload().operation(), r.threads(), r.opsPerSecond(), records, r.latencies().percentile(50),
                    r.latencies().percentile(99), r.cpuMillisPerOp());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("operation", c.workload().operation());
            row.put("threads", r.threads());
            row.put("ops", r.ops());
            row.put("opsPerSecond", r.opsPerSecond());
            row.put("recordsPerSecond", records);
            row.put("p50Ms", r.latencies().percentile(50));
            row.put("p99Ms", r.latencies().percentile(99));
            row.put("cpuMsPerOp", r.cpuMillisPerOp());
            json.add(row);
        }
        report.table("cases", "Operations", table);
        report.data("cases", json);
    }

    void write(Path dir, PrintStream out) throws IOException {
        report.write(dir, out);
    }
}
