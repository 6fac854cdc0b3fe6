package dev.mediapipeline.ingest.queue;

import java.util.Set;

/**
 * The ErrorClass values the ingest worker gives the messages it dead-letters, and the attribute a redrive
 * marks its copies with. Shared with the tools that list and redrive dead letters.
 */
public final class DeadLetterReasons {

    /** The body is not an S3 event notification. */
    public static final String MALFORMED_EVENT = "malformed-event";
    /** The key is outside {@code users/<UserId>/<MediaId>}. */
    public static final String INVALID_KEY = "invalid-key";
    /** Failed on every delivery up to the queue's maxReceiveCount. */
    public static final String RETRIES_EXHAUSTED = "retries-exhausted";
    /** Reasons that the same message meets again on every delivery: redriving it cannot help. */
    public static final Set<String> PERMANENT = Set.of(MALFORMED_EVENT, INVALID_KEY);
    /** Message attribute naming the redrive that last moved a message back; the worker keeps it. */
    public static final String REDRIVE_ID = "RedriveId";

    private DeadLetterReasons() {
    }
}
