package dev.mediapipeline.app.bench;

import dev.mediapipeline.app.MediaPipeline;
import dev.mediapipeline.app.launch.OwnJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts this application in a new JVM the way a user would: {@code java -jar media-pipeline.jar ...} when
 * running from the jar, else the same class path (from an IDE or a test run).
 */
public final class SelfLauncher {

    private SelfLauncher() {
    }

    public static List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        Path jar = OwnJar.find();
        if (jar != null) {
            command.add("-jar");
            command.add(jar.toString());
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(MediaPipeline.class.getName());
        }
        command.addAll(args);
        return command;
    }

    /** How a person would type it, for reports: {@code java -jar app/target/media-pipeline.jar}. */
    public static String describe() {
        Path jar = OwnJar.find();
        if (jar == null) {
            return "java -cp <class path> " + MediaPipeline.class.getName();
        }
        Path cwd = Path.of("").toAbsolutePath();
        return "java -jar " + (jar.startsWith(cwd) ? cwd.relativize(jar) : jar);
    }

    /** A JDK tool beside the running java (jstat, jcmd), if this runtime has it. */
    public static Path jdkTool(String name) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", name);
        return Files.isExecutable(tool) ? tool : null;
    }
}
