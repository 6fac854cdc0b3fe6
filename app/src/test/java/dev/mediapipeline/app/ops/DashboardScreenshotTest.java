package dev.mediapipeline.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard as a browser renders it: headless Chromium runs its script against the live ops port.
 * The screenshot is kept at app/target/ops-dashboard.png for a human to look at.
 */
@ExtendWith(OpsStack.Resolver.class)
class DashboardScreenshotTest {

    static final Path SCREENSHOT = Path.of("target", "ops-dashboard.png");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDashboardDrawsItsChartsNamesTheDlqAndListsTheLatestFailure(OpsStack stack) throws Exception {
        String user = OpsStack.user("dashboard");
        stack.put("users/" + user + "/fine.png", OpsStack.image("png", 30));
        stack.put("users/" + user + "/broken.png", OpsStack.corruptPng());
        stack.awaitItem(user, "fine.png");
        stack.awaitItem(user, "broken.png");
        await().atMost(Duration.ofSeconds(30)).until(() -> JSON.readTree(OpsHttpTest.get(stack, "/api/summary").body())
                .path("history").path("t").size() >= 3);
        String url = stack.opsUrl().resolve("/").toString();

        String dom = chromium("--dump-dom", url);

        assertThat(dom).contains("media-ingest-dlq").contains("Recent failures")
                .contains("users/" + user + "/broken.png").contains("corrupt");
        assertThat(dom.split("<svg", -1)).as("one SVG per time chart").hasSizeGreaterThanOrEqualTo(6);
        assertThat(dom.split("<path", -1).length - 1).as("drawn lines").isGreaterThanOrEqualTo(5);

        Files.createDirectories(SCREENSHOT.getParent());
        Files.deleteIfExists(SCREENSHOT);
        chromium("--screenshot=" + SCREENSHOT.toAbsolutePath(), url);
        byte[] png = Files.readAllBytes(SCREENSHOT);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).as("a rendered page, not a blank one").isGreaterThan(30_000);
    }

    /** Runs headless Chromium on {@code url} with virtual time, so the page's fetch and drawing complete. */
    private static String chromium(String action, String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        List<String> command = new ArrayList<>(List.of(browser(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1400,1000", "--virtual-time-budget=5000", action, url));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        assertThat(process.exitValue()).as("chromium exit code").isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String browser() {
        return Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst()
                .orElseThrow(() -> new IllegalStateException("headless Chromium is needed: apt-get install chromium"));
    }
}
