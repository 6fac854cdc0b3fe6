package dev.mediapipeline.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/**
 * An image tarball as {@code docker load} reads it (Jib's buildTar output): manifest.json naming the
 * config and the gzipped layers, unpacked with the system's tar.
 */
final class ImageTarball {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final JsonNode manifest;
    private final JsonNode config;

    private ImageTarball(Path dir, JsonNode manifest, JsonNode config) {
        this.dir = dir;
        this.manifest = manifest;
        this.config = config;
    }

    static ImageTarball open(Path tarball, Path workDir) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(workDir);
        tar(tarball, "-xf", dir);
        JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile());
        JsonNode config = JSON.readTree(dir.resolve(manifest.path(0).path("Config").asText()).toFile());
        return new ImageTarball(dir, manifest, config);
    }

    /** One entry per image in the tarball. */
    JsonNode manifest() {
        return manifest;
    }

    /** The image configuration: architecture, os, config (Entrypoint, Cmd, Env, User, ...), rootfs. */
    JsonNode config() {
        return config;
    }

    List<String> entrypoint() {
        return strings(config.path("config").path("Entrypoint"));
    }

    List<String> cmd() {
        return strings(config.path("config").path("Cmd"));
    }

    String user() {
        return config.path("config").path("User").asText();
    }

    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : strings(config.path("config").path("Env"))) {
            int eq = entry.indexOf('=');
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return env;
    }

    List<Path> layers() {
        List<Path> layers = new ArrayList<>();
        manifest.path(0).path("Layers").forEach(l -> layers.add(dir.resolve(l.asText())));
        return layers;
    }

    List<String> diffIds() {
        return strings(config.path("rootfs").path("diff_ids"));
    }

    /** The {@code sha256:...} digest of a layer's uncompressed content, which the config's diff_ids list. */
    static String diffId(Path gzippedLayer) throws IOException {
        try (InputStream in = new DigestInputStream(new GZIPInputStream(Files.newInputStream(gzippedLayer)),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return "sha256:" + HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The layers applied in order, as a container engine builds the root file system. */
    Path unpackInto(Path root) throws IOException, InterruptedException {
        Files.createDirectories(root);
        for (Path layer : layers()) {
            tar(layer, "-xzf", root);
        }
        return root;
    }

    private static void tar(Path archive, String mode, Path into) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "--warning=no-unknown-keyword", "--same-permissions", mode,
                archive.toString(), "-C", into.toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes());
        if (!tar.waitFor(5, TimeUnit.MINUTES) || tar.exitValue() != 0) {
            throw new IOException("tar " + mode + " " + archive + " failed: " + output);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
