package dev.mediapipeline.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mediapipeline.app.ops.metrics.MetricsExport;
import dev.mediapipeline.app.ops.queue.QueueProbe;
import dev.mediapipeline.app.ops.queue.QueueWatcher;
import dev.mediapipeline.app.ops.queue.WatchedQueue;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.indexer.metrics.IndexMetrics;
import dev.mediapipeline.ingest.handle.IngestMetrics;
import dev.mediapipeline.ingest.handle.IngestObserver;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboards under deploy/ ask only for metrics the pipeline really publishes, under those names. */
@ExtendWith(OpsStack.Resolver.class)
class DashboardsAsCodeTest {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyGrafanaQueryNamesAMetricThatMetricsExposes(OpsStack stack) throws Exception {
        String user = OpsStack.user("grafana");
        stack.put("users/" + user + "/fine.png", OpsStack.image("png", 40));
        stack.put("users/" + user + "/broken.png", OpsStack.corruptPng());
        stack.awaitItem(user, "fine.png");
        stack.awaitItem(user, "broken.png");
        Set<String> queried = new TreeSet<>();
        Matcher names = Pattern.compile("media_[a-z_]+").matcher(JSON.readTree(DEPLOY.resolve("grafana/media-pipeline.json")
                .toFile()).toString());
        while (names.find()) {
            queried.add(names.group());
        }
        assertThat(queried).hasSizeGreaterThan(10);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String metrics = OpsHttpTest.get(stack, "/metrics").body();
            Set<String> exposed = metrics.lines().filter(l -> !l.startsWith("#"))
                    .map(l -> l.replaceAll("[{ ].*", "")).collect(Collectors.toSet());
            assertThat(exposed).containsAll(queried);
        });
    }

    @Test
    void everyCloudWatchMetricOfOurNamespaceIsOneTheCloudWatchRegistryPublishes(OpsStack stack) throws Exception {
        JsonNode body = JSON.readTree(DEPLOY.resolve("cloudwatch/media-pipeline-dashboard.json").toFile());
        Set<String> asked = new TreeSet<>();
        Matcher names = Pattern.compile("\"(media\\.[a-z.]+)\"|MetricName=\\\\?\"(media\\.[a-z.]+)\\\\?\"")
                .matcher(body.toString());
        while (names.find()) {
            asked.add(names.group(1) != null ? names.group(1) : names.group(2));
        }
        assertThat(asked).hasSizeGreaterThan(8);

        try (AwsClients clients = new AwsClients(stack.config);
             MetricsExport export = MetricsExport.create(clients,
                     Map.of(MetricsExport.NAMESPACE_VARIABLE, "MediaPipelineTest"))) {
            new IngestMetrics(export.registry(), IngestObserver.NONE);
            new IndexMetrics(export.registry());
            new QueueWatcher(new QueueProbe(clients.sqs(), Clock.systemUTC()), Clock.systemUTC(),
                    WatchedQueue.of(stack.config), export.registry());
            export.registry().counter("media.ingest.processed", "type", "image", "status", "READY");
            export.registry().counter("media.ingest.failures", "errorClass", "corrupt");
            export.registry().counter("media.ingest.messages", "outcome", "dead-lettered");
            CloudWatchMeterRegistry cloudWatch = ((CompositeMeterRegistry) export.registry()).getRegistries().stream()
                    .filter(CloudWatchMeterRegistry.class::isInstance).map(CloudWatchMeterRegistry.class::cast)
                    .findFirst().orElseThrow();
            Set<String> published = cloudWatch.getMeters().stream().flatMap(DashboardsAsCodeTest::cloudWatchNames)
                    .collect(Collectors.toSet());

            assertThat(published).containsAll(asked);
            assertThat(published).as("no per-bucket metrics on CloudWatch").noneMatch(n -> n.contains(".histogram"));
        }
    }

    /** The names Micrometer's CloudWatch registry gives a meter's statistics. */
    private static Stream<String> cloudWatchNames(Meter meter) {
        String name = meter.getId().getName();
        return switch (meter.getId().getType()) {
            case COUNTER -> Stream.of(name + ".count");
            case GAUGE -> Stream.of(name + ".value");
            case TIMER, DISTRIBUTION_SUMMARY -> Stream.of(name + ".count", name + ".sum",
                    name + ".avg", name + ".max");
            default -> Stream.of(name);
        };
    }
}
