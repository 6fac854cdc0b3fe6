package dev.mediapipeline.app.ops.backfill;

import dev.mediapipeline.common.item.Sequencers;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

/**
 * The sequencer a synthetic backfill event carries: the smallest one that still wins, that is one above
 * the newest order the table knows for the key (the item's SequencerOrder, or for a missing item its
 * tombstone's), and {@code 1} when the table knows nothing.
 *
 * <p>Why the smallest and not, say, one derived from the object's LastModified: a backfill must never
 * override newer truth. Real S3 sequencers are opaque; a made-up large one could outrank the events of
 * later uploads of the same key, which would then be dropped as "not newer" forever. One above the known
 * order cannot: any real event for a later version of the object carries a larger sequencer than the one
 * the table holds (S3 orders events per key), and since sequencers of later writes lie far apart in
 * practice it is also larger than that plus one. The price: a real event still queued for the same
 * version is processed once more after the backfill (an identical write), and the HeadObject ETag check
 * of the worker turns a backfill event for an object that changed meanwhile into a no-op.
 */
final class BackfillSequencer {

    private BackfillSequencer() {
    }

    static String after(Optional<String> knownOrder) {
        BigInteger next = knownOrder.map(o -> new BigInteger(o, 16).add(BigInteger.ONE)).orElse(BigInteger.ONE);
        String hex = next.toString(16).toUpperCase(Locale.ROOT);
        if (hex.length() > Sequencers.ORDER_WIDTH) {
            throw new IllegalStateException("no sequencer above " + knownOrder.orElseThrow() + " fits");
        }
        return hex;
    }
}
