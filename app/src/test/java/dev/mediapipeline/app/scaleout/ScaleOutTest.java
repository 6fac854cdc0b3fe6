package dev.mediapipeline.app.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.extract.testing.SampleCorpus;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Competing consumers for ingest, KCL leases for the stream: two workers of each kind share one
 * endpoint, one of each dies by kill -9 mid-run, and still every object ends with its item and index entry.
 */
class ScaleOutTest {

    private static final int OBJECTS = 40;
    private static final String USER = "scale-" + Long.toString(System.currentTimeMillis(), 36);
    /** A killed ingest worker's messages come back after the 60 s visibility timeout; a killed indexer's
     * lease is taken over after its failover time. */
    private static final Duration RECOVERY = Duration.ofMinutes(3);

    @TempDir
    Path logs;

    @Test
    void killingOneWorkerOfEachKindLosesNothing() throws Exception {
        int port = freePort();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        List<PipelineProcess> processes = new ArrayList<>();
        try (PipelineProcess stack = PipelineProcess.start(logs, "local-aws", "local-aws", "--in-memory",
                "--port", Integer.toString(port)).awaitUp(Duration.ofMinutes(2))) {
            for (String kind : List.of("ingest-worker", "indexer-worker")) {
                for (int i = 0; i < 2; i++) {
                    processes.add(PipelineProcess.start(logs, kind + i, kind, "--endpoint", endpoint.toString(),
                            "--ops-port", "0"));
                }
            }
            processes.forEach(p -> p.awaitUp(Duration.ofMinutes(2)));
            try (AwsClients clients = new AwsClients(PipelineConfig.defaults().withEndpoint(endpoint))) {
                byte[] jpeg = SampleCorpus.bytes("Nikon D40.jpg");
                for (int i = 0; i < OBJECTS; i++) {
                    if (i == OBJECTS / 2) {
                        processes.get(0).kill();
                        processes.get(2).kill();
                    }
                    String key = "users/" + USER + "/photo " + i + ".jpg";
                    clients.s3().putObject(r -> r.bucket("media").key(key).metadata(Map.of("tags", "scale")),
                            RequestBody.fromBytes(jpeg));
                }
                List<String> expected = IntStream.range(0, OBJECTS).mapToObj(i -> "photo " + i + ".jpg").sorted()
                        .toList();
                await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> assertThat(items(clients)).isEqualTo(expected));
                await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1))
                        .untilAsserted(() -> assertThat(tagged(clients)).isEqualTo(expected));
            }
        } finally {
            processes.forEach(PipelineProcess::close);
        }
    }

    private static List<String> items(AwsClients clients) {
        return clients.dynamoDb().queryPaginator(r -> r.tableName("UserMedia").keyConditionExpression("UserId = :u")
                        .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(USER))))
                .items().stream().map(i -> i.get("MediaId").s()).sorted().collect(Collectors.toList());
    }

    private static List<String> tagged(AwsClients clients) {
        return clients.dynamoDb().queryPaginator(r -> r.tableName("MediaTagIndex")
                        .keyConditionExpression("UserTag = :k").filterExpression("attribute_not_exists(ExpiresAt)")
                        .expressionAttributeValues(Map.of(":k", AttributeValue.fromS(USER + "#scale"))))
                .items().stream().map(i -> i.get("MediaId").s()).sorted().collect(Collectors.toList());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
