package dev.mediapipeline.app.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class path of the extraction JVM: the build writes the libraries as a list ({@value #RESOURCE}) and a
 * copy of the application classes without a manifest class path ({@code media-pipeline-classes.jar}), so the
 * class-data archive is made for exactly the files named, never for whatever a library's manifest adds (one
 * that names a directory, as DynamoDB Local did, makes archives refuse the class path). Without them (a jar
 * copied alone) the jar itself is used, unarchived.
 */
final class ExtractClassPath {

    static final String RESOURCE = "/META-INF/media-pipeline/extract.classpath";
    private static final String CLASSES_JAR = "media-pipeline-classes.jar";

    private final List<Path> entries;
    private final boolean archivable;

    private ExtractClassPath(List<Path> entries, boolean archivable) {
        this.entries = entries;
        this.archivable = archivable;
    }

    static ExtractClassPath beside(Path jar) {
        Path dir = jar.toAbsolutePath().getParent();
        Path classes = dir.resolve(CLASSES_JAR);
        List<String> libraries = libraries();
        if (!Files.isRegularFile(classes) || libraries.isEmpty()) {
            return new ExtractClassPath(List.of(jar), false);
        }
        List<Path> entries = new ArrayList<>();
        entries.add(classes);
        for (String library : libraries) {
            entries.add(dir.resolve(library));
        }
        return new ExtractClassPath(entries, true);
    }

    /** Whether a class-data archive can be made and used with this class path. */
    boolean archivable() {
        return archivable;
    }

    /** The files a class-data archive depends on: a rebuilt jar needs a new archive. */
    List<Path> entries() {
        return entries;
    }

    @Override
    public String toString() {
        return String.join(java.io.File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    private static List<String> libraries() {
        try (InputStream in = ExtractClassPath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            String list = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            return list.isEmpty() ? List.of() : List.of(list.split(":"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
