package dev.mediapipeline.localaws.s3;

/**
 * How an S3 key becomes a path in a file-system blob store, so that keys that are prefixes of other keys
 * ({@code users/alice} and {@code users/alice/x.jpg}) are both stored, as on S3. A file system cannot have a
 * file and a directory of one name, so the segments that become directories end in {@code %}, which no
 * object's file name does:
 *
 * <pre>
 *   users/alice          →  users%/alice
 *   users/alice/x.jpg    →  users%/alice%/x.jpg
 *   users/alice/         →  users%/alice%/%00      (a key ending in / is an object too)
 * </pre>
 *
 * Within a segment {@code %} is written {@code %25} and a leading {@code .} as {@code %2E}, so that no key
 * becomes {@code .} or {@code ..} or one of the store's own hidden names. Bucket names are not touched.
 */
final class StoredNames {

    private static final String DIRECTORY_MARK = "%";
    private static final String EMPTY_NAME = "%00";

    private StoredNames() {
    }

    /** The stored name of {@code key}. */
    static String encode(String key) {
        return encodePrefix(key, true);
    }

    /**
     * A stored-name prefix that every key starting with {@code prefix} has: its last, unfinished segment
     * may still become a file or a directory, so it gets no ending.
     */
    static String encodePrefix(String prefix) {
        return encodePrefix(prefix, false);
    }

    /** The key a stored name holds. */
    static String decode(String stored) {
        StringBuilder key = new StringBuilder(stored.length());
        int start = 0;
        int slash;
        while ((slash = stored.indexOf('/', start)) >= 0) {
            String directory = stored.substring(start, slash);
            if (!directory.endsWith(DIRECTORY_MARK)) {
                throw new IllegalArgumentException("not a stored name: " + stored);
            }
            key.append(unescape(directory.substring(0, directory.length() - 1))).append('/');
            start = slash + 1;
        }
        String name = stored.substring(start);
        return name.equals(EMPTY_NAME) ? key.toString() : key.append(unescape(name)).toString();
    }

    /** The stored name of a directory that was named {@code segment} before keys were encoded. */
    static String directory(String segment) {
        return escape(segment) + DIRECTORY_MARK;
    }

    /** The stored name of a file that was named {@code segment} before keys were encoded. */
    static String file(String segment) {
        return segment.isEmpty() ? EMPTY_NAME : escape(segment);
    }

    private static String encodePrefix(String key, boolean whole) {
        StringBuilder stored = new StringBuilder(key.length() + 8);
        int start = 0;
        int slash;
        while ((slash = key.indexOf('/', start)) >= 0) {
            stored.append(directory(key.substring(start, slash))).append('/');
            start = slash + 1;
        }
        String last = key.substring(start);
        return stored.append(whole ? file(last) : escape(last)).toString();
    }

    private static String escape(String segment) {
        String escaped = segment.replace("%", "%25");
        return escaped.startsWith(".") ? "%2E" + escaped.substring(1) : escaped;
    }

    private static String unescape(String segment) {
        String unescaped = segment.startsWith("%2E") ? "." + segment.substring(3) : segment;
        return unescaped.replace("%25", "%");
    }
}
