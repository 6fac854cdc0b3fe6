package dev.mediapipeline.examples.monthlycounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many media each user has per month, kept from media-pipeline's change events.
 *
 * <p>Idempotent under replay, because it keeps state per media rather than adding and subtracting: for
 * each subject (S3 key) the month it counts in and the stream sequence of the event that said so. An event
 * whose sequence is not newer than the one kept is a repeat (a replay, a restart before the checkpoint
 * moved) and changes nothing. A deletion is kept as well, so replaying the creation before it cannot bring
 * the media back. Stream sequences of one item only grow, as DynamoDB keeps an item's changes in order.
 *
 * <p>The month is the capture month (TakenAt, as the camera's wall time), else the upload month.
 */
public final class MonthlyCounts {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** subject → what we know of it; a deleted one has no month. */
    private final Map<String, Media> media = new TreeMap<>();

    record Media(String user, String month, BigInteger sequence) {
    }

    /** Applies one change event; answers whether it changed anything. */
    public boolean apply(JsonNode event) {
        String subject = event.path("subject").asText();
        BigInteger sequence = new BigInteger(event.path("streamsequence").asText());
        Media known = media.get(subject);
        if (known != null && known.sequence().compareTo(sequence) >= 0) {
            return false;
        }
        String user = event.path("userid").asText();
        String month = event.path("type").asText().equals("media.deleted") ? null : month(event.path("data"));
        media.put(subject, new Media(user, month, sequence));
        return true;
    }

    /** user → month (yyyy-MM) → media. */
    public Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (Media m : media.values()) {
            if (m.month() != null) {
                counts.computeIfAbsent(m.user(), u -> new TreeMap<>()).merge(m.month(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String month(JsonNode item) {
        String when = item.hasNonNull("TakenAt") ? item.get("TakenAt").asText() : item.path("UploadDate").asText();
        return when.substring(0, 7);
    }

    public static MonthlyCounts load(Path file) throws IOException {
        MonthlyCounts counts = new MonthlyCounts();
        if (Files.exists(file)) {
            JSON.readTree(file.toFile()).fields().forEachRemaining(e -> counts.media.put(e.getKey(), new Media(
                    e.getValue().path("user").asText(), e.getValue().path("month").asText(null),
                    new BigInteger(e.getValue().path("sequence").asText()))));
        }
        return counts;
    }

    /** Writes the state beside the file and moves it over, so a crash leaves the old or the new state. */
    public void save(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        media.forEach((subject, m) -> root.putObject(subject).put("user", m.user()).put("month", m.month())
                .put("sequence", m.sequence().toString()));
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        JSON.writeValue(temp.toFile(), root);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
