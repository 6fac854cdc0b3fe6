package dev.mediapipeline.localaws.s3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renames objects that a data dir holds from before keys were {@link StoredNames encoded} (a key's path
 * was the key itself) to their stored names, once: the objects directory then carries a mark. Renames keep
 * each object's metadata, which lives in extended attributes. A key that ended in {@code /} was a directory
 * with those attributes; they move to the file that now holds it. A file beside the objects directory,
 * {@code s3.layout}, says the names are stored names.
 *
 * <p>Left as they were: archived versions of versioned buckets and parts of multipart uploads still open,
 * which S3Proxy files under names of its own.
 */
public final class KeyLayoutMigration {

    private static final Logger LOG = LoggerFactory.getLogger(KeyLayoutMigration.class);
    /** Beside the objects directory: {@code s3.layout}. */
    private static final String MARK_SUFFIX = ".layout";
    private static final String LAYOUT = "stored-names 1\n";
    /** S3Proxy's own entries in a bucket (multipart parts, versions), not objects. */
    private static final List<String> S3PROXY_PREFIXES = List.of(".mpus-", ".s3proxy-versions", ".s3proxy-slash");
    private static final String CONTENT_MD5 = "user.content-md5";

    private KeyLayoutMigration() {
    }

    /** Brings {@code objectsDir} (one directory per bucket) to the stored-name layout, if it is not already. */
    public static void migrate(Path objectsDir) throws IOException {
        Path mark = objectsDir.resolveSibling(objectsDir.getFileName() + MARK_SUFFIX);
        if (Files.exists(mark)) {
            return;
        }
        int[] renamed = {0};
        try (Stream<Path> buckets = Files.list(objectsDir)) {
            for (Path bucket : buckets.filter(Files::isDirectory).toList()) {
                migrateChildren(bucket, true, renamed);
            }
        }
        Files.writeString(mark, LAYOUT);
        if (renamed[0] > 0) {
            LOG.info("S3 objects in {}: {} names brought to the layout that holds keys which are prefixes of others",
                    objectsDir, renamed[0]);
        }
    }

    private static void migrateChildren(Path dir, boolean bucket, int[] renamed) throws IOException {
        List<Path> children;
        try (Stream<Path> listing = Files.list(dir)) {
            children = listing.filter(child -> !bucket || !isS3ProxyOwn(child)).toList();
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (Files.isDirectory(child)) {
                migrateChildren(child, false, renamed);
                if (isObject(child)) {
                    moveAttributes(child, Files.createFile(child.resolve(StoredNames.file(""))));
                }
                renamed[0] += renamed(child, StoredNames.directory(name));
            } else {
                renamed[0] += renamed(child, StoredNames.file(name));
            }
        }
    }

    private static int renamed(Path path, String storedName) throws IOException {
        if (path.getFileName().toString().equals(storedName)) {
            return 0;
        }
        Files.move(path, path.resolveSibling(storedName));
        return 1;
    }

    private static void moveAttributes(Path from, Path to) throws IOException {
        UserDefinedFileAttributeView source = view(from);
        UserDefinedFileAttributeView target = view(to);
        for (String name : source.list()) {
            ByteBuffer value = ByteBuffer.allocate(source.size(name));
            source.read(name, value);
            target.write(name, value.flip());
            source.delete(name);
        }
    }

    /** A directory with an ETag held a key ending in {@code /}; without extended attributes there are none. */
    private static boolean isObject(Path dir) {
        UserDefinedFileAttributeView attributes = view(dir);
        try {
            return attributes != null && attributes.list().contains(CONTENT_MD5);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean isS3ProxyOwn(Path child) {
        String name = child.getFileName().toString();
        return S3PROXY_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static UserDefinedFileAttributeView view(Path path) {
        return Files.getFileAttributeView(path, UserDefinedFileAttributeView.class);
    }
}
