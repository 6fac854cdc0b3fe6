package dev.mediapipeline.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mediapipeline.common.config.PipelineConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lambda package as built ({@code mvn -pl lambda -am package}): within its size budget, and enough on
 * its own for every handler, made as Lambda makes them, to do their work against the embedded stack. The
 * cold start measured on the way is written to target/lambda-cold-start.txt; it is a measurement, not a
 * pass mark.
 */
class LambdaPackageIT {

    /** The budget: below the 50 MB Lambda takes as a direct upload, with room for a release or two. */
    private static final long ZIP_BUDGET_BYTES = 45L * 1024 * 1024;
    /** Lambda's hard limit for a function's code once unzipped. */
    private static final long UNZIPPED_LIMIT_BYTES = 250L * 1000 * 1000;

    private static Path zip() {
        return Path.of(System.getProperty("lambda.package", "target/media-pipeline-lambda.zip"));
    }

    @Test
    void thePackageStaysWithinItsSizeBudgetWithTheHandlersAndWithoutKcl() throws IOException {
        assertThat(Files.size(zip())).isLessThanOrEqualTo(ZIP_BUDGET_BYTES);
        try (ZipFile zip = new ZipFile(zip().toFile())) {
            List<String> names = zip.stream().filter(e -> !e.isDirectory()).map(ZipEntry::getName).toList();
            assertThat(zip.stream().mapToLong(ZipEntry::getSize).sum()).isLessThanOrEqualTo(UNZIPPED_LIMIT_BYTES);
            assertThat(names).allMatch(n -> n.startsWith("lib/") && n.endsWith(".jar"))
                    .anyMatch(n -> n.startsWith("lib/lambda-"))
                    .noneMatch(n -> n.contains("amazon-kinesis-client") || n.contains("logback"));
        }
    }

    @Test
    void everyHandlerStartsFromThePackageAloneAndDoesItsWork(@TempDir Path dir) throws Exception {
        try (LambdaStack stack = LambdaStack.provision("package")) {
            stack.upload("users/package-u/iphone", "Apple iPhone 6.jpg", "beach");
            stack.upload("users/package-u/paint", "mspaint-10x10.gif", "beach", "drawing");
            unzip(dir);

            List<String> output = runProbe(dir, stack.config(), 2);

            assertThat(output).anyMatch(l -> l.contains("ingest-failures=0")).anyMatch(l -> l.contains("index-failures=0"))
                    .anyMatch(l -> l.matches(".*enrich-events=([1-9][0-9]*) records=\\1"));
            assertThat(stack.item("package-u", "iphone")).isPresent();
            assertThat(stack.tagIndex("package-u")).isEqualTo(stack.tagsOfItems("package-u")).containsKey("drawing");
            Path report = zip().resolveSibling("lambda-cold-start.txt");
            Files.write(report, output.stream().filter(l -> l.contains("-ms=")).toList());
            System.out.println("Lambda package cold start (" + report + "): " + Files.readAllLines(report));
        }
    }

    private static void unzip(Path dir) throws IOException {
        try (ZipFile zip = new ZipFile(zip().toFile())) {
            for (ZipEntry entry : zip.stream().filter(e -> !e.isDirectory()).toList()) {
                Path target = dir.resolve(entry.getName());
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The probe in a JVM whose class path is the package's lib/ and the probe's own classes, nothing else. */
    private static List<String> runProbe(Path dir, PipelineConfig config, int uploads) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", dir.resolve("lib") + "/*" + java.io.File.pathSeparator + probeClasses(),
                ColdStartProbe.class.getName(), String.valueOf(uploads)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("AWS_ENDPOINT_URL", config.endpoint().orElseThrow().toString());
        env.put("AWS_REGION", config.region());
        env.put("MEDIA_BUCKET", config.bucket());
        env.put("MEDIA_INGEST_QUEUE", config.ingestQueue());
        env.put("MEDIA_INGEST_DLQ", config.ingestDlq());
        env.put("MEDIA_INDEX_DLQ", config.indexDlq());
        env.put("MEDIA_TABLE", config.mediaTable());
        env.put("MEDIA_TAG_INDEX_TABLE", config.tagIndexTable());
        env.put("MEDIA_TOMBSTONE_TABLE", config.tombstoneTable());
        Process probe = builder.start();
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    private static Path probeClasses() throws URISyntaxException {
        return Path.of(ColdStartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
