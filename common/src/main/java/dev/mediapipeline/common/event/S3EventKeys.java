package dev.mediapipeline.common.event;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Object keys as S3 writes them into event JSON: form-URL-encoded UTF-8 (space becomes '+', '+' becomes
 * %2B, non-ASCII becomes %XX per byte) with '/' left as is.
 */
public final class S3EventKeys {

    private S3EventKeys() {
    }

    public static String encode(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
