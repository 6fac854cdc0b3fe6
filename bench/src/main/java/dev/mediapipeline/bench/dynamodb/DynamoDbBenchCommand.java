package dev.mediapipeline.bench.dynamodb;

import dev.mediapipeline.bench.BenchCommand;
import dev.mediapipeline.bench.ClosedLoop;
import dev.mediapipeline.bench.OutputOptions;
import dev.mediapipeline.bench.report.Machine;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.localaws.LocalAws;
import dev.mediapipeline.localaws.LocalAwsOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    @Override
    public Integer call() throws Exception {
        DynamoDbReport report = new DynamoDbReport(BenchCommand.reproduce(spec), Machine.current());
        List<DynamoDbReport.Case> cases;
        if (endpoint != null) {
            cases = measure(endpoint);
        } else {
            try (LocalAws aws = LocalAws.start(LocalAwsOptions.inMemoryOnFreePort())) {
                cases = measure(aws.endpoint());
            }
        }
        report.cases(cases, endpoint, warmupSeconds, seconds);
        report.write(output.dir(), System.out);
        return 0;
    }

    private List<DynamoDbReport.Case> measure(URI at) throws InterruptedException {
        List<DynamoDbReport.Case> cases = new ArrayList<>();
        try (AwsClients clients = new AwsClients(PipelineConfig.defaults().withEndpoint(at));
             BenchTables tables = BenchTables.create(clients.dynamoDb())) {
            for (Workloads.Workload workload : new Workloads(clients, tables).all()) {
                for (int n : threads) {
                    ClosedLoop.run(n, Duration.ofSeconds(warmupSeconds), 0, workload.perThread());
                    cases.add(new DynamoDbReport.Case(workload, ClosedLoop.run(n, Duration.ofSeconds(seconds), 0,
                            workload.perThread())));
                }
            }
        }
        return cases;
    }
}
