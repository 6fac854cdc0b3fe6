package dev.mediapipeline.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a command inside an unpacked image root the way a container engine would, without one: its own
 * mount and PID namespaces with /proc and /dev mounted, chroot into the root, the image's user and
 * environment, the host's network (so it reaches the embedded stack on loopback). Needs root, as the
 * CI machines run the build.
 */
final class UnpackedContainer {

    /** Mounts the kernel file systems the JVM reads (/proc/self/exe locates the runtime), then enters the root. */
    private static final String ENTER = """
            mount -t proc proc "$0/proc" && mount --rbind /dev "$0/dev" && exec chroot --userspec="$1" "$0" "${@:2}"
            """;

    private final Path root;
    private final String user;
    private final Map<String, String> env;

    UnpackedContainer(Path root, String user, Map<String, String> env) throws IOException {
        this.root = root;
        this.user = user.contains(":") ? user : user + ":" + user;
        this.env = Map.copyOf(env);
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));
    }

    /** Starts the command; its output goes to the given file. Destroying the process ends everything in it. */
    Process start(List<String> command, Path output) throws IOException {
        List<String> argv = new ArrayList<>(List.of("/usr/bin/unshare", "--mount", "--pid", "--fork", "--kill-child",
                "/bin/bash", "-c", ENTER, root.toString(), user));
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Runs the command to its end and returns its exit code. */
    int run(List<String> command, Path output) throws IOException, InterruptedException {
        return start(command, output).waitFor();
    }
}
