package dev.mediapipeline.indexer.write;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * How far {@link BatchApplier#apply} got through one shard's records.
 *
 * @param done the outcome of each leading record that was applied or parked, in stream order: the records
 *        a checkpoint may pass
 * @param firstUnapplied the first record that was neither applied nor parked, and why; empty when every
 *        record is done. Records after it may have been applied too; applying them again changes nothing.
 */
public record ApplyProgress(List<ApplyOutcome> done, Optional<Unapplied> firstUnapplied) {

    public ApplyProgress {
        done = List.copyOf(done);
    }

    /** A record that is still to be applied, and the failure or interruption that stopped it. */
    public record Unapplied(Record record, Exception cause) {
    }

    public boolean complete() {
        return firstUnapplied.isEmpty();
    }
}
