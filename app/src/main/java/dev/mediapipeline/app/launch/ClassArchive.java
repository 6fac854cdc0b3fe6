package dev.mediapipeline.app.launch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes.Name;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.CRC32;

/**
 * The application class-data archive of the extraction JVM (AppCDS), kept beside the jar. The first run
 * writes it as it exits (that run is slower); later runs map it. Its name carries the JVM build and the
 * size and time of every class path entry, because an archive is valid only for exactly those: a new build
 * or a new JDK gets a new archive and the old ones are removed. Each run writes to a file of its own and
 * renames it into place, so concurrent first runs never see a half-written archive.
 */
final class ClassArchive {

    private static final String PREFIX = "media-pipeline-extract-";
    private static final String SUFFIX = ".jsa";

    private final Path archive;
    private final Path pending;

    private ClassArchive(Path archive, Path pending) {
        this.archive = archive;
        this.pending = pending;
    }

    static ClassArchive beside(Path jar) {
        Path dir = jar.toAbsolutePath().getParent();
        Path archive = dir.resolve(PREFIX + key(classPath(jar)) + SUFFIX);
        return new ClassArchive(archive, dir.resolve(archive.getFileName() + "." + ProcessHandle.current().pid()
                + ".tmp"));
    }

    /** Use the archive when it exists; otherwise write it at exit, if this directory takes new files. */
    List<String> jvmOptions() {
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        if (Files.isWritable(archive.getParent())) {
            return List.of("-XX:ArchiveClassesAtExit=" + pending);
        }
        return List.of();
    }

    /** After the JVM has exited: move a newly written archive into place and drop outdated ones. */
    void publish() {
        if (!Files.isRegularFile(pending)) {
            return;
        }
        try {
            Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(archive.getParent(), PREFIX + "*" + SUFFIX)) {
                for (Path p : old) {
                    if (!p.equals(archive)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(pending);
            } catch (IOException ignored) {
                // a leftover temporary file costs disk space only; the next run writes its own
            }
        }
    }

    /** The jar and the libraries its manifest names: the files an archive is valid for. */
    private static List<Path> classPath(Path jar) {
        List<Path> entries = new ArrayList<>(List.of(jar));
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String libraries = manifest == null ? null : manifest.getMainAttributes().getValue(Name.CLASS_PATH);
            if (libraries != null) {
                for (String library : libraries.strip().split("\\s+")) {
                    entries.add(jar.toAbsolutePath().getParent().resolve(library));
                }
            }
        } catch (IOException e) {
            // an unreadable jar does not start either; the key then covers the jar alone
        }
        return entries;
    }

    private static String key(List<Path> classPath) {
        CRC32 crc = new CRC32();
        update(crc, System.getProperty("java.vm.version") + System.getProperty("java.home"));
        for (Path entry : classPath) {
            try {
                update(crc, entry + ":" + Files.size(entry) + ":" + Files.getLastModifiedTime(entry).toMillis());
            } catch (IOException e) {
                update(crc, entry + ":missing");
            }
        }
        return Long.toHexString(crc.getValue());
    }

    private static void update(CRC32 crc, String s) {
        crc.update(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
