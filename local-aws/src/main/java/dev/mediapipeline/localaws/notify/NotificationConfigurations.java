package dev.mediapipeline.localaws.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Every bucket's notification configuration, kept as {@code <bucket>.xml} files under a directory when
 * the stack has a data dir, so notifications keep flowing after a restart without re-provisioning.
 */
public final class NotificationConfigurations {

    private static final String SUFFIX = ".xml";

    private final Map<String, NotificationConfiguration> byBucket = new ConcurrentHashMap<>();
    private final Optional<Path> dir;

    private NotificationConfigurations(Optional<Path> dir) {
        this.dir = dir;
    }

    public static NotificationConfigurations inMemory() {
        return new NotificationConfigurations(Optional.empty());
    }

    /** Loads what an earlier run stored under {@code dir} (created if missing). */
    public static NotificationConfigurations persistentIn(Path dir) {
        NotificationConfigurations configurations = new NotificationConfigurations(Optional.of(dir));
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                    String name = file.getFileName().toString();
                    String bucket = name.substring(0, name.length() - SUFFIX.length());
                    configurations.byBucket.put(bucket,
                            NotificationConfigurationXml.parse(Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read notification configurations in " + dir, e);
        }
        return configurations;
    }

    public NotificationConfiguration get(String bucket) {
        return byBucket.getOrDefault(bucket, NotificationConfiguration.EMPTY);
    }

    /** Replaces the bucket's configuration, as S3 does: an empty configuration turns notifications off. */
    public void put(String bucket, NotificationConfiguration configuration) {
        if (configuration.queues().isEmpty()) {
            remove(bucket);
            return;
        }
        dir.ifPresent(d -> write(d.resolve(bucket + SUFFIX), NotificationConfigurationXml.write(configuration)));
        byBucket.put(bucket, configuration);
    }

    /** A deleted bucket loses its configuration; a new bucket of the same name starts without one. */
    public void remove(String bucket) {
        byBucket.remove(bucket);
        dir.ifPresent(d -> {
            try {
                Files.deleteIfExists(d.resolve(bucket + SUFFIX));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete notification configuration of " + bucket, e);
            }
        });
    }

    private static void write(Path file, String xml) {
        try {
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(temp, xml, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store notification configuration " + file, e);
        }
    }
}
