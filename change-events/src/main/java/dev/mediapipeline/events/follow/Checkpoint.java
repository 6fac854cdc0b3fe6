package dev.mediapipeline.events.follow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How far a reader got in one stream: per shard the last sequence number handed on, the shards read
 * to their end, and the shards placed at their tip before they had anything to hand on. Kept in a JSON file when one is given, replaced atomically, so a stop at any moment leaves
 * either the old or the new position and never half a file.
 */
public final class Checkpoint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<Path> file;
    private final Map<String, String> lastSequence = new TreeMap<>();
    private final Set<String> finished = new HashSet<>();
    /** Shards a LATEST reader placed at their tip and read nothing from yet: since when it reads them. */
    private final Map<String, Instant> tips = new TreeMap<>();
    private String streamArn;
    private boolean dirty;

    private Checkpoint(Optional<Path> file) {
        this.file = file;
    }

    public static Checkpoint inMemory() {
        return new Checkpoint(Optional.empty());
    }

    /** The checkpoint in {@code file}, or an empty one that will be written there. */
    public static Checkpoint file(Path file) {
        Checkpoint checkpoint = new Checkpoint(Optional.of(file));
        if (Files.exists(file)) {
            try {
                JsonNode saved = JSON.readTree(file.toFile());
                checkpoint.streamArn = saved.path("streamArn").asText(null);
                saved.path("shards").fields().forEachRemaining(e -> checkpoint.lastSequence.put(e.getKey(),
                        e.getValue().asText()));
                saved.path("finished").forEach(s -> checkpoint.finished.add(s.asText()));
                saved.path("tips").fields().forEachRemaining(e -> checkpoint.tips.put(e.getKey(),
                        Instant.parse(e.getValue().asText())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the checkpoint " + file + ": " + e.getMessage(), e);
            }
        }
        return checkpoint;
    }

    /**
     * Binds the checkpoint to the stream it is used on. A checkpoint of another stream (the table was
     * re-created, or another table) would skip or repeat at random, so it is refused.
     */
    void bind(String arn) {
        if (streamArn != null && !streamArn.equals(arn)) {
            throw new IllegalStateException("the checkpoint " + file.map(Path::toString).orElse("")
                    + " belongs to the stream " + streamArn + ", not to " + arn
                    + ": remove it to read this stream from --from");
        }
        streamArn = arn;
    }

    Optional<String> lastSequence(String shardId) {
        return Optional.ofNullable(lastSequence.get(shardId));
    }

    boolean isFinished(String shardId) {
        return finished.contains(shardId);
    }

    boolean knows(String shardId) {
        return finished.contains(shardId) || lastSequence.containsKey(shardId) || tips.containsKey(shardId);
    }

    /**
     * Records that reading of the shard starts at its tip, now. A stream has no position to store for a tip,
     * so a reader that stops before the shard's first record reads it from its start on resume and skips
     * what was written before this time (whole seconds, as the stream's record times).
     */
    void placeAtTip(String shardId, Instant since) {
        tips.put(shardId, since);
        dirty = true;
    }

    Optional<Instant> tipSince(String shardId) {
        return Optional.ofNullable(tips.get(shardId));
    }

    void advance(String shardId, String sequenceNumber) {
        lastSequence.put(shardId, sequenceNumber);
        tips.remove(shardId);
        dirty = true;
    }

    void finish(String shardId) {
        finished.add(shardId);
        dirty = true;
    }

    /** Drops shards the stream no longer lists (trimmed after 24 hours), so the file does not grow forever. */
    void forgetAllBut(Set<String> listed) {
        dirty |= lastSequence.keySet().retainAll(listed) | finished.retainAll(listed) | tips.keySet().retainAll(listed);
    }

    /** Writes the file when anything moved since the last save. */
    void save() {
        if (!dirty || file.isEmpty()) {
            return;
        }
        ObjectNode root = JSON.createObjectNode().put("streamArn", streamArn);
        ObjectNode shards = root.putObject("shards");
        lastSequence.forEach(shards::put);
        finished.stream().sorted().forEach(root.putArray("finished")::add);
        ObjectNode tipsNode = root.putObject("tips");
        tips.forEach((shard, since) -> tipsNode.put(shard, since.toString()));
        Path target = file.get().toAbsolutePath();
        try {
            Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), root);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + target + ": " + e.getMessage(), e);
        }
        dirty = false;
    }
}
