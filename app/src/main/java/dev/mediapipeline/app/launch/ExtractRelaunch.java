package dev.mediapipeline.app.launch;

import dev.mediapipeline.common.launch.ChildJvm;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code java -jar media-pipeline.jar extract ...} runs the extraction in a second JVM started with options
 * that suit a short batch job, which a jar cannot ask of the JVM that opens it: C1 only (C2 compiles cost
 * more CPU than they save in a run of seconds), the serial collector (one small heap, no GC threads to
 * start) and an application class-data archive ({@link ClassArchive}) so that the few thousand classes of a
 * run are mapped instead of loaded and verified. The first JVM only waits and passes on the exit code.
 *
 * <p>The user's system properties ({@code -D}) and memory sizes ({@code -Xmx}, {@code -Xms}, {@code -Xss})
 * are passed on; other options of the first JVM (agents, debuggers, recordings) are not, since they would
 * clash with the first JVM's. {@code -Dmedia-pipeline.extract.inProcess=true} runs {@code extract} in the
 * JVM the user started, with all of that JVM's options, e.g. to measure other options.
 */
public final class ExtractRelaunch {

    private static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            // JVM warnings (a stale archive, say) go to stderr, never into the JSON lines on stdout; the
            // archive's own notes (classes it cannot hold) are not the user's business.
            "-Xlog:disable", "-Xlog:all=warning:stderr", "-Xlog:cds*=off:stderr");

    private ExtractRelaunch() {
    }

    /**
     * Runs {@code args} in a second JVM and returns its exit code; empty when extraction should run here:
     * this is that second JVM, the user said so, or the application is not running from its jar.
     */
    public static OptionalInt run(String[] args) {
        if (Boolean.getBoolean(ChildJvm.EXTRACT_IN_PROCESS)) {
            return OptionalInt.empty();
        }
        Path jar = ChildJvm.ownJar();
        if (jar == null) {
            return OptionalInt.empty();
        }
        ClassArchive archive = ClassArchive.beside(jar);
        List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
        jvmOptions.addAll(archive.jvmOptions());
        jvmOptions.addAll(passedOn(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        jvmOptions.add("-D" + ChildJvm.EXTRACT_IN_PROCESS + "=true");
        List<String> command = ChildJvm.command(jvmOptions, List.of(args));
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            return OptionalInt.empty();
        }
        // A SIGTERM to this JVM must not leave the extraction running on its own.
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
        int exit = waitFor(child);
        archive.publish();
        return OptionalInt.of(exit);
    }

    static List<String> passedOn(List<String> firstJvmOptions) {
        return firstJvmOptions.stream().filter(o -> o.startsWith("-D") || o.startsWith("-Xmx") || o.startsWith("-Xms")
                || o.startsWith("-Xss")).toList();
    }

    private static int waitFor(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // Nothing interrupts the main thread on purpose; keep waiting for the child's exit code.
            }
        }
    }
}
