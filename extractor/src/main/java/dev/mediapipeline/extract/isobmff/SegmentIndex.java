package dev.mediapipeline.extract.isobmff;

import dev.mediapipeline.extract.read.BlockReader;
import java.io.IOException;

/** The sidx box of DASH/CMAF files: the durations of every subsegment, i.e. the whole presentation. */
final class SegmentIndex {

    private static final int MAX_SIDX = 4 << 20;

    private SegmentIndex() {
    }

    static long durationMillis(BlockReader reader, TopLevelBox sidx) throws IOException {
        if (sidx.payloadSize() > MAX_SIDX || sidx.end() > reader.size()) {
            return 0;
        }
        BoxCursor c = BoxCursor.of(reader.readExact(sidx.payloadStart(), (int) sidx.payloadSize()));
        int version = c.u8();
        c.skip(3 + 4);
        long timescale = c.u32();
        c.skip(version == 0 ? 8 : 16);
        c.skip(2);
        int references = c.u16();
        long total = 0;
        for (int i = 0; i < references && c.remaining() >= 12; i++) {
            c.skip(4);
            total += c.u32();
            c.skip(4);
        }
        return timescale > 0 ? Math.round(total * 1000.0 / timescale) : 0;
    }
}
