package dev.mediapipeline.app.launch;

import dev.mediapipeline.app.MediaPipeline;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where this application's jar is, when it runs from one (not from an IDE or a test's class path). */
public final class OwnJar {

    private OwnJar() {
    }

    /** The jar, or null when the classes come from elsewhere. */
    public static Path find() {
        try {
            Path location = Path.of(MediaPipeline.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) && location.toString().endsWith(".jar") ? location : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}
