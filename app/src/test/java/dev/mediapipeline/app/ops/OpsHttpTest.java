package dev.mediapipeline.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ops port as Prometheus, a load balancer and the dashboard see it, with real uploads behind it. */
@ExtendWith(OpsStack.Resolver.class)
class OpsHttpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void metricsHaveTheLatencyHistogramAProcessedCounterAndQueueGaugesIncludingTheDlq(OpsStack stack) {
        String user = OpsStack.user("metrics");
        stack.put("users/" + user + "/a.png", OpsStack.image("png", 1));
        stack.awaitItem(user, "a.png");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String metrics = get(stack, "/metrics").body();
            assertThat(metrics).contains("media_ingest_latency_seconds_bucket{le=");
            assertThat(metrics).containsPattern("media_ingest_processed_total\\{status=\"READY\",type=\"image\"} [1-9]");
            assertThat(metrics).containsPattern(
                    "media_queue_messages_visible\\{name=\"media-ingest-dlq\",queue=\"dlq\"} \\d");
            assertThat(metrics).containsPattern(
                    "media_queue_messages_inflight\\{name=\"media-ingest\",queue=\"ingest\"} \\d");
            assertThat(metrics).containsPattern(
                    "media_queue_oldest_age_seconds\\{name=\"media-ingest-dlq\",queue=\"dlq\"} ");
        });
    }

    @Test
    void theIndexLagOfAHandfulOfUploadsIsBelowOneSecond(OpsStack stack) throws Exception {
        String user = OpsStack.user("lag");
        // Items written before the indexer first holds its lease wait for it: a start-up cost, not the lag.
        long seen = lag(get(stack, "/metrics").body(), "_count");
        stack.put("users/" + user + "/warm-up.png", OpsStack.image("png", 39));
        await().atMost(Duration.ofSeconds(60)).until(() -> lag(get(stack, "/metrics").body(), "_count") > seen);
        String before = get(stack, "/metrics").body();
        for (int i = 0; i < 5; i++) {
            stack.put("users/" + user + "/" + i + ".png", OpsStack.image("png", 40 + i));
        }
        for (int i = 0; i < 5; i++) {
            stack.awaitItem(user, i + ".png");
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String after = get(stack, "/metrics").body();
            long measured = lag(after, "_count") - lag(before, "_count");
            assertThat(measured).as("index writes measured").isGreaterThanOrEqualTo(5);
            assertThat(lag(after, "_bucket{le=\"1.0\"}") - lag(before, "_bucket{le=\"1.0\"}"))
                    .as("of them within a second, in%n%s", after).isEqualTo(measured);
        });
    }

    /** A sample of the index lag histogram, 0 before it has one. */
    private static long lag(String metrics, String sample) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote("media_index_lag_seconds" + sample) + " (\\d+)")
                .matcher(metrics);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Test
    void healthAnswersAndReadyChecksQueuesTablesAndStream(OpsStack stack) throws Exception {
        HttpResponse<String> health = get(stack, "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("UP");

        HttpResponse<String> ready = get(stack, "/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        JsonNode checks = JSON.readTree(ready.body()).path("checks");
        assertThat(checks.path("queue").asText()).isEqualTo("UP");
        assertThat(checks.path("dlq").asText()).isEqualTo("UP");
        assertThat(checks.path("mediaTable").asText()).isEqualTo("UP");
        assertThat(checks.path("stream").asText()).isEqualTo("UP");
    }

    @Test
    void aFailedItemShowsInTheSummaryWithItsKeyErrorClassAndError(OpsStack stack) {
        String user = OpsStack.user("broken");
        String key = "users/" + user + "/broken.png";
        stack.put(key, OpsStack.corruptPng());
        assertThat(stack.awaitItem(user, "broken.png").get("Status").s()).isEqualTo("FAILED");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode summary = JSON.readTree(get(stack, "/api/summary").body());
            assertThat(summary.path("totals").path("failuresByClass").path("corrupt").asLong()).isPositive();
            assertThat(StreamSupport.stream(summary.path("recentFailures").spliterator(), false))
                    .anySatisfy(f -> {
                        assertThat(f.path("key").asText()).isEqualTo(key);
                        assertThat(f.path("errorClass").asText()).isEqualTo("corrupt");
                        assertThat(f.path("error").asText()).isNotBlank();
                    });
        });
    }

    @Test
    void theRedriveActionMovesDeadLettersBackAndTheirItemsReturn(OpsStack stack) throws Exception {
        String user = OpsStack.user("page-redrive");
        stack.put("users/" + user + "/again.png", OpsStack.image("png", 2));
        stack.loseItemAndDeadLetterItsEvent(user, "again.png", "timeout");
        URI redrive = stack.opsUrl().resolve("/api/dlq/redrive");

        assertThat(get(stack, "/api/dlq/redrive").statusCode()).isEqualTo(405);
        assertThat(HTTP.send(HttpRequest.newBuilder(redrive).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).as("a POST without the action header").isEqualTo(403);
        HttpResponse<String> moved = HTTP.send(HttpRequest.newBuilder(redrive).header(OpsServer.ACTION_HEADER, "test")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(moved.body()).path("redriven").asInt()).isPositive();
        assertThat(stack.awaitItem(user, "again.png").get("Status").s()).isEqualTo("READY");
    }

    static HttpResponse<String> get(OpsStack stack, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(stack.opsUrl().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
