package dev.mediapipeline.localaws;

import java.io.IOException;
import java.nio.file.Path;

/** Another embedded stack (in this process or another) holds the data dir's lock. */
public final class DataDirInUseException extends IOException {

    private final Path dataDir;

    DataDirInUseException(Path dataDir) {
        super("data dir " + dataDir + " is in use by another embedded AWS stack");
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
