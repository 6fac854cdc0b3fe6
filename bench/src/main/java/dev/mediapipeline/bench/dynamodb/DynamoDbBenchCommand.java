package dev.mediapipeline.bench.dynamodb;

import dev.mediapipeline.bench.BenchCommand;
import dev.mediapipeline.bench.ClosedLoop;
import dev.mediapipeline.bench.OutputOptions;
import dev.mediapipeline.bench.report.Machine;
import dev.mediapipeline.bench.report.Report;
import dev.mediapipeline.bench.report.Table;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.localaws.LocalAws;
import dev.mediapipeline.localaws.LocalAwsOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "dynamodb", mixinStandardHelpOptions = true,
        description = "PutItem, consistent GetItem, Query, TransactWriteItems and stream GetRecords in closed loops "
                + "on 1 and 8 threads: operations/s, p50/p99 latency and process CPU per operation, against an "
                + "in-memory embedded stack in this JVM or --endpoint.")
public final class DynamoDbBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "A running DynamoDB + Streams endpoint to measure. Default: an in-memory embedded stack "
                    + "started in this JVM.")
    URI endpoint;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
            description = "Measured duration of each case. Default: ${DEFAULT-VALUE}.")
    int seconds;

    @Option(names = "--warmup-seconds", paramLabel = "S", defaultValue = "1",
            description = "Unmeasured run before each case. Default: ${DEFAULT-VALUE}.")
    int warmupSeconds;

    @Option(names = "--threads", paramLabel = "N[,N...]", split = ",", defaultValue = "1,8",
            description = "Thread counts, each a case of every operation. Default: ${DEFAULT-VALUE}.")
    List<Integer> threads;

    /** One operation at one thread count. */
    private record Case(Workloads.Workload workload, ClosedLoop.Result result) {
    }

    @Override
    public Integer call() throws Exception {
        Report report = new Report("dynamodb", "DynamoDB operations", BenchCommand.reproduce(spec),
                Machine.current());
        List<Case> cases;
        if (endpoint != null) {
            cases = measure(endpoint);
        } else {
            try (LocalAws aws = LocalAws.start(LocalAwsOptions.inMemoryOnFreePort())) {
                cases = measure(aws.endpoint());
            }
        }
        describe(report, cases);
        report.write(output.dir(), System.out);
        return 0;
    }

    private List<Case> measure(URI at) throws InterruptedException {
        List<Case> cases = new ArrayList<>();
        try (AwsClients clients = new AwsClients(PipelineConfig.defaults().withEndpoint(at));
             BenchTables tables = BenchTables.create(clients.dynamoDb())) {
            for (Workloads.Workload workload : new Workloads(clients, tables).all()) {
                for (int n : threads) {
                    ClosedLoop.run(n, Duration.ofSeconds(warmupSeconds), 0, workload.perThread());
                    cases.add(new Case(workload, ClosedLoop.run(n, Duration.ofSeconds(seconds), 0,
                            workload.perThread())));
                }
            }
        }
        return cases;
    }

    private void describe(Report report, List<Case> cases) {
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
}
