package dev.mediapipeline.common.key;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The identity an object key gives: {@code users/<UserId>/<rest>} with MediaId = rest exactly. The
 * user comes from the key alone, so nobody can write into another user's partition through metadata.
 */
public record MediaKey(String userId, String mediaId) {

    public static final String PREFIX = "users/";
    public static final int MAX_KEY_BYTES = 1024;
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** Parses a decoded S3 key, or says why it breaks the layout. */
    public static MediaKey parse(String key) throws KeyLayoutException {
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new KeyLayoutException("key is longer than " + MAX_KEY_BYTES + " bytes");
        }
        if (CONTROL.matcher(key).find()) {
            throw new KeyLayoutException("key contains control characters");
        }
        if (!key.startsWith(PREFIX)) {
            throw new KeyLayoutException("key is outside users/<UserId>/");
        }
        String afterPrefix = key.substring(PREFIX.length());
        int slash = afterPrefix.indexOf('/');
        if (slash < 0) {
            throw new KeyLayoutException("key has no media path after the user id");
        }
        String userId = afterPrefix.substring(0, slash);
        checkUserId(userId);
        String mediaId = afterPrefix.substring(slash + 1);
        for (String segment : mediaId.split("/", -1)) {
            if (segment.isEmpty() || segment.equals("..") || segment.equals(".")) {
                throw new KeyLayoutException("media path has an empty, '.' or '..' segment");
            }
        }
        return new MediaKey(userId, mediaId);
    }

    /** Says why {@code userId} cannot be a user id, if it cannot. */
    public static void checkUserId(String userId) throws KeyLayoutException {
        if (!USER_ID.matcher(userId).matches()) {
            throw new KeyLayoutException("user id must match [A-Za-z0-9_-]{1,128}");
        }
    }

    public String s3Key() {
        return PREFIX + userId + "/" + mediaId;
    }
}
