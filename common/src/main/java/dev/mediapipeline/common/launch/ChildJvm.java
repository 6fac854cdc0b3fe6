package dev.mediapipeline.common.launch;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way to start this application in a new JVM (the extract command's second JVM, the benchmarks'
 * workers, tests that run the executable): {@code java -jar media-pipeline.jar ...} when running from the
 * jar, else the same class path (from an IDE or a test run).
 */
public final class ChildJvm {

    /**
     * The executable's entry point, named rather than imported: the module that holds it depends on every
     * other module, so the ones below it can only name it.
     */
    public static final String MAIN_CLASS = "dev.mediapipeline.app.MediaPipeline";
    /**
     * {@code -D} this {@code =true} runs {@code extract} in the JVM it was started in rather than in a second
     * JVM of its own; set on that second JVM, or by whoever measures other JVM options.
     */
    public static final String EXTRACT_IN_PROCESS = "media-pipeline.extract.inProcess";

    private ChildJvm() {
    }

    /** {@code java OPTIONS -jar JAR ARGS}, or {@code -cp <this class path> MAIN_CLASS} when not in a jar. */
    public static List<String> command(List<String> jvmOptions, List<String> args) {
        Path jar = ownJar();
        if (jar == null) {
            return command(System.getProperty("java.class.path"), jvmOptions, args);
        }
        List<String> command = java(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        return command;
    }

    /** {@code java OPTIONS -cp CLASSPATH MAIN_CLASS ARGS}. */
    public static List<String> command(String classPath, List<String> jvmOptions, List<String> args) {
        List<String> command = java(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(MAIN_CLASS);
        command.addAll(args);
        return command;
    }

    /** The application's jar, or null when its classes come from elsewhere (an IDE, a test's class path). */
    public static Path ownJar() {
        try {
            Class<?> main = Class.forName(MAIN_CLASS, false, ChildJvm.class.getClassLoader());
            Path location = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) && location.toString().endsWith(".jar") ? location : null;
        } catch (ClassNotFoundException | URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    /** How a person would type it, for reports: {@code java -jar app/target/media-pipeline.jar}. */
    public static String describe() {
        Path jar = ownJar();
        if (jar == null) {
            return "java -cp <class path> " + MAIN_CLASS;
        }
        Path cwd = Path.of("").toAbsolutePath();
        return "java -jar " + (jar.startsWith(cwd) ? cwd.relativize(jar) : jar);
    }

    /** A JDK tool beside the running java (jstat, jcmd), if this runtime has it. */
    public static Path jdkTool(String name) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", name);
        return Files.isExecutable(tool) ? tool : null;
    }

    private static List<String> java(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        return command;
    }
}
