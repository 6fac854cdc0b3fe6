package dev.mediapipeline.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.localaws.testing.PipelineNames;
import dev.mediapipeline.localaws.testing.SharedLocalAws;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The worker images {@code mvn -Pimages package} leaves in target/ (run by failsafe in that profile):
 * loadable tarballs whose layers match their digests, the documented entrypoint, and a file system in
 * which that entrypoint really runs. Both images run together, each in its own unpacked root, against
 * the embedded stack, and turn an upload into an indexed item.
 */
class ContainerImageIT {

    private static final Path IMAGE_DIR = Path.of(System.getProperty("image.dir", "target"));
    private static final String TAG = System.getProperty("image.tag", "latest");
    private static final boolean SCRATCH_BASE = System.getProperty("image.base", "scratch").equals("scratch");
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final Duration START_WAIT = Duration.ofMinutes(3);
    private static final Map<String, ImageTarball> IMAGES = new HashMap<>();
    private static final Map<String, Path> ROOTS = new HashMap<>();

    private static Path work;
    private static final List<Process> running = new ArrayList<>();

    @BeforeAll
    static void unpackImages(@TempDir Path dir) throws Exception {
        work = dir;
        for (String worker : List.of("ingest-worker", "indexer-worker")) {
            Path tarball = IMAGE_DIR.resolve(worker + "-image.tar");
            assertThat(tarball).as("built by mvn -Pimages package").isRegularFile();
            ImageTarball image = ImageTarball.open(tarball, dir.resolve(worker + "-tar"));
            IMAGES.put(worker, image);
            ROOTS.put(worker, image.unpackInto(dir.resolve(worker + "-root")));
        }
    }

    @AfterAll
    static void stopContainers() {
        running.forEach(Process::destroyForcibly);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-worker", "indexer-worker"})
    void tarballIsOneLoadableImageWhoseLayersMatchTheirDigests(String worker) throws IOException {
        ImageTarball image = IMAGES.get(worker);

        assertThat(image.manifest()).hasSize(1);
        assertThat(image.manifest().path(0).path("RepoTags").path(0).asText())
                .isEqualTo("media-pipeline/" + worker + ":" + TAG);
        assertThat(image.config().path("os").asText()).isEqualTo("linux");
        assertThat(image.config().path("architecture").asText()).isEqualTo("amd64");
        List<String> digests = new ArrayList<>();
        for (Path layer : image.layers()) {
            digests.add(ImageTarball.diffId(layer));
        }
        assertThat(digests).isNotEmpty().isEqualTo(image.diffIds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-worker", "indexer-worker"})
    void entrypointRunsTheWorkerAsANonRootUser(String worker) throws IOException {
        ImageTarball image = IMAGES.get(worker);
        Path root = ROOTS.get(worker);

        assertThat(image.entrypoint()).startsWith("java").endsWith("-cp", "@/app/jib-classpath-file",
                "dev.mediapipeline.images.Workers", worker);
        assertThat(image.cmd()).containsExactly("--ops-port", "8080");
        assertThat(image.user()).isEqualTo("65532");
        assertThat(image.env()).containsEntry("JAVA_HOME", "/opt/java/openjdk")
                .hasEntrySatisfying("PATH", p -> assertThat(p).startsWith("/opt/java/openjdk/bin:"));
        assertThat(root.resolve("opt/java/openjdk/bin/java")).isExecutable();
        String classpath = Files.readString(root.resolve("app/jib-classpath-file")).trim();
        assertThat(classpath.split(":")).allSatisfy(entry ->
                assertThat(root.resolve(entry.substring(1).replace("*", ""))).exists());
        assertThat(classpath).contains("/app/libs/common-", "/app/libs/ingest-worker-", "/app/libs/indexer-worker-");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest-worker", "indexer-worker"})
    void imageCarriesNoBenchmarkChartOrEmulatorCode(String worker) throws IOException {
        Path root = ROOTS.get(worker);

        String classpath = Files.readString(root.resolve("app/jib-classpath-file"));
        assertThat(classpath).contains("/app/libs/extractor-")
                .doesNotContain("/bench-", "/local-aws-", "/s3proxy-", "/elasticmq-", "/jfreechart-", "/jetty-");
        if (SCRATCH_BASE) {
            assertThat(runtimeModules(root)).contains("java.base", "jdk.httpserver")
                    .doesNotContain("java.rmi", "java.compiler", "java.scripting");
        }
    }

    /** The indexer's runtime keeps java.desktop only for KCL's java.beans; the ingest worker's has none of it. */
    @Test
    void onlyTheIndexerRuntimeHasTheDesktopModule() throws IOException {
        assumeTrue(SCRATCH_BASE, "the jlink'ed runtime is added on the scratch base only");

        assertThat(runtimeModules(ROOTS.get("ingest-worker"))).doesNotContain("java.desktop");
        assertThat(runtimeModules(ROOTS.get("indexer-worker"))).contains("java.desktop");
    }

    @Test
    void bothImagesTogetherTurnAnUploadIntoAnIndexedItem() throws Exception {
        PipelineConfig config = PipelineNames.prefixed("img-" + RUN + "-").withEndpoint(SharedLocalAws.endpoint());
        try (AwsClients clients = new AwsClients(config)) {
            new Provisioner(clients).provision();
            int indexerPort = start("indexer-worker", config);
            int ingestPort = start("ingest-worker", config);
            awaitHealthy("indexer-worker", indexerPort);
            awaitHealthy("ingest-worker", ingestPort);

            String user = "img-" + RUN;
            clients.s3().putObject(r -> r.bucket(config.bucket()).key("users/" + user + "/dock.jpg")
                    .contentType("image/jpeg").metadata(Map.of("tags", "Harbour, boats")), RequestBody.fromBytes(jpeg()));

            Map<String, AttributeValue> item = await("the item written by the ingest worker image").atMost(START_WAIT)
                    .until(() -> clients.dynamoDb().getItem(r -> r.tableName(config.mediaTable()).consistentRead(true)
                            .key(Map.of("UserId", s(user), "MediaId", s("dock.jpg")))).item(), i -> !i.isEmpty());
            assertThat(item.get("Status").s()).isEqualTo("READY");
            assertThat(item.get("Type").s()).isEqualTo("image");
            assertThat(item.get("Width").n()).isEqualTo("64");
            assertThat(item.get("Height").n()).isEqualTo("48");
            await("the tag index entry written by the indexer worker image").atMost(START_WAIT)
                    .until(() -> clients.dynamoDb().query(r -> r.tableName(config.tagIndexTable())
                            .keyConditionExpression("UserTag = :t").filterExpression("attribute_not_exists(ExpiresAt)")
                            .expressionAttributeValues(Map.of(":t", s(user + "#harbour")))).items(),
                            items -> items.size() == 1 && items.get(0).get("MediaId").s().equals("dock.jpg"));
        }
    }

    /** As `docker run -e ... IMAGE --ops-port N`: the image's entrypoint, its command replaced. */
    private static int start(String worker, PipelineConfig config) throws IOException {
        ImageTarball image = IMAGES.get(worker);
        int port = freePort();
        Map<String, String> env = new HashMap<>(image.env());
        env.putAll(PipelineNames.environment(config));
        env.putAll(Map.of(
                "AWS_ENDPOINT_URL", config.endpoint().orElseThrow().toString(),
                "AWS_REGION", config.region(),
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test"));
        List<String> command = new ArrayList<>(image.entrypoint());
        command.addAll(List.of("--ops-port", Integer.toString(port)));
        UnpackedContainer container = new UnpackedContainer(ROOTS.get(worker), image.user(), env);
        running.add(container.start(command, work.resolve(worker + ".log")));
        return port;
    }

    /** The compose and ECS health check: the probe inside the image, against the worker's /health. */
    private static void awaitHealthy(String worker, int port) {
        ImageTarball image = IMAGES.get(worker);
        Path probeLog = work.resolve(worker + "-probe.log");
        await(worker + " healthy (log: " + work.resolve(worker + ".log") + ")").atMost(START_WAIT)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> new UnpackedContainer(ROOTS.get(worker), image.user(), image.env()).run(List.of(
                        "java", "-cp", "/opt/media-pipeline/probe", "HealthProbe",
                        "http://127.0.0.1:" + port + "/health"), probeLog) == 0);
    }

    private static byte[] jpeg() throws IOException {
        BufferedImage picture = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 64, 24);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture, "jpg", out);
        return out.toByteArray();
    }

    /** The MODULES line of the runtime's release file, as jlink wrote it. */
    private static List<String> runtimeModules(Path root) throws IOException {
        String modules = Files.readAllLines(root.resolve("opt/java/openjdk/release")).stream()
                .filter(line -> line.startsWith("MODULES=")).findFirst().orElseThrow();
        return List.of(modules.substring("MODULES=".length()).replace("\"", "").split(" "));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
