package dev.mediapipeline.extract.isobmff;

import dev.mediapipeline.extract.read.BlockReader;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The movie fragment random access box (mfra, found through the mfro box that ends the file): its tfra
 * tables point at each track's last fragment, so a long fragmented recording needs two moof boxes read,
 * not thousands.
 */
final class FragmentRandomAccess {

    private static final int MFRO_SIZE = 16;
    private static final int MAX_MFRA = 16 << 20;

    private FragmentRandomAccess() {
    }

    /** Offsets of the last moof of every track, empty when the file has no usable mfra. */
    static Set<Long> lastFragments(BlockReader reader) throws IOException {
        if (reader.size() < MFRO_SIZE) {
            return Set.of();
        }
        BoxCursor mfro = BoxCursor.of(reader.readExact(reader.size() - MFRO_SIZE, MFRO_SIZE));
        if (mfro.u32() != MFRO_SIZE || !mfro.fourCc().equals("mfro")) {
            return Set.of();
        }
        mfro.skip(4);
        long mfraSize = mfro.u32();
        long mfraStart = reader.size() - mfraSize;
        if (mfraSize < 8 + MFRO_SIZE || mfraSize > MAX_MFRA || mfraStart < 0) {
            return Set.of();
        }
        TopLevelBox mfra = TopLevelBox.at(reader, mfraStart);
        if (mfra == null || !mfra.type().equals("mfra") || mfra.size() != mfraSize) {
            return Set.of();
        }
        try {
            Map<Long, Long> lastByTrack = new HashMap<>();
            // The mfro read above is mfra's last child: only the boxes before it are fetched.
            BoxCursor tables = BoxCursor.of(reader.readExact(mfra.payloadStart(), (int) mfra.payloadSize() - MFRO_SIZE));
            for (BoxCursor.Child box : tables.children()) {
                if (box.type().equals("tfra")) {
                    lastEntry(box.payload(), lastByTrack);
                }
            }
            return new TreeSet<>(lastByTrack.values());
        } catch (BufferUnderflowException e) {
            return Set.of();
        }
    }

    /** tfra: entries of (time, moof offset, traf/trun/sample numbers) in time order; keep the last moof. */
    private static void lastEntry(BoxCursor tfra, Map<Long, Long> lastByTrack) {
        int version = tfra.u8();
        tfra.skip(3);
        long trackId = tfra.u32();
        int sizes = (int) tfra.u32();
        int numberBytes = ((sizes >> 4) & 3) + 1 + ((sizes >> 2) & 3) + 1 + (sizes & 3) + 1;
        long entries = tfra.u32();
        for (long i = 0; i < entries; i++) {
            tfra.skip(version == 1 ? 8 : 4);
            long moof = version == 1 ? tfra.u64() : tfra.u32();
            tfra.skip(numberBytes);
            lastByTrack.merge(trackId, moof, Math::max);
        }
    }
}
