package dev.mediapipeline.events.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The published JSON Schema documents, shipped in this jar under {@code schemas/<name>/<version>.json} and
 * named by URN, e.g. {@code urn:media-pipeline:schema:user-media:1}: a change event's {@code dataschema}.
 */
public final class Schemas {

    public static final String USER_MEDIA = "user-media";
    public static final String MEDIA_TAG_INDEX = "media-tag-index";
    public static final String CHANGE_EVENT = "change-event";

    private static final String PREFIX = "urn:media-pipeline:schema:";

    private Schemas() {
    }

    public static String id(String name, int version) {
        return PREFIX + name + ":" + version;
    }

    /** The document a schema id names, if this jar publishes it. */
    public static Optional<String> document(String id) {
        if (!id.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] nameAndVersion = id.substring(PREFIX.length()).split(":");
        if (nameAndVersion.length != 2) {
            return Optional.empty();
        }
        String resource = "/schemas/" + nameAndVersion[0] + "/" + nameAndVersion[1] + ".json";
        try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
