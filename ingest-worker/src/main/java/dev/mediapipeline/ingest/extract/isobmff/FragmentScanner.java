package dev.mediapipeline.ingest.extract.isobmff;

import dev.mediapipeline.ingest.read.BlockReader;
import java.io.IOException;

/**
 * Adds the samples of movie fragments (moof/traf/trun) to their tracks, so a fragmented file's duration
 * and frame rate cover the whole presentation, not just the part described in moov.
 */
final class FragmentScanner {

    private static final int TFHD_BASE_DATA_OFFSET = 0x01;
    private static final int TFHD_SAMPLE_DESCRIPTION = 0x02;
    private static final int TFHD_DEFAULT_DURATION = 0x08;
    private static final int TRUN_DATA_OFFSET = 0x01;
    private static final int TRUN_FIRST_SAMPLE_FLAGS = 0x04;
    private static final int TRUN_DURATION = 0x100;
    private static final int TRUN_SIZE = 0x200;
    private static final int TRUN_FLAGS = 0x400;
    private static final int TRUN_CTO = 0x800;
    /** A moof is a few KB; anything near this is not a real fragment header. */
    private static final int MAX_MOOF = 16 << 20;

    private FragmentScanner() {
    }

    static void add(BlockReader reader, TopLevelBox moof, MovieBox movie) throws IOException {
        if (moof.payloadSize() > MAX_MOOF || moof.end() > reader.size()) {
            return;
        }
        BoxCursor c = BoxCursor.of(reader.readExact(moof.payloadStart(), (int) moof.payloadSize()));
        for (BoxCursor.Child box : c.children()) {
            if (box.type().equals("traf")) {
                trackFragment(box.payload(), movie);
            }
        }
    }

    private static void trackFragment(BoxCursor traf, MovieBox movie) {
        Track track = null;
        long defaultDuration = 0;
        long start = -1;
        long count = 0;
        long total = 0;
        for (BoxCursor.Child box : traf.children()) {
            BoxCursor c = box.payload();
            switch (box.type()) {
                case "tfhd" -> {
                    int flags = c.s32() & 0xffffff;
                    track = movie.track(c.u32());
                    if ((flags & TFHD_BASE_DATA_OFFSET) != 0) {
                        c.skip(8);
                    }
                    if ((flags & TFHD_SAMPLE_DESCRIPTION) != 0) {
                        c.skip(4);
                    }
                    defaultDuration = (flags & TFHD_DEFAULT_DURATION) != 0 ? c.u32()
                            : track == null ? 0 : track.defaultSampleDuration;
                }
                case "tfdt" -> {
                    int version = c.u8();
                    c.skip(3);
                    start = version == 1 ? c.u64() : c.u32();
                }
                case "trun" -> {
                    int flags = c.s32() & 0xffffff;
                    long samples = c.u32();
                    if ((flags & TRUN_DATA_OFFSET) != 0) {
                        c.skip(4);
                    }
                    if ((flags & TRUN_FIRST_SAMPLE_FLAGS) != 0) {
                        c.skip(4);
                    }
                    int skipAfterDuration = ((flags & TRUN_SIZE) != 0 ? 4 : 0) + ((flags & TRUN_FLAGS) != 0 ? 4 : 0)
                            + ((flags & TRUN_CTO) != 0 ? 4 : 0);
                    for (long i = 0; i < samples; i++) {
                        total += (flags & TRUN_DURATION) != 0 ? c.u32() : defaultDuration;
                        c.skip(skipAfterDuration);
                    }
                    count += samples;
                }
                default -> { }
            }
        }
        if (track == null) {
            return;
        }
        track.fragmentSampleCount += count;
        track.fragmentSampleDurationTotal += total;
        long fragmentStart = start >= 0 ? start : Math.max(track.fragmentEnd, track.sampleDurationTotal);
        track.fragmentEnd = Math.max(track.fragmentEnd, fragmentStart + total);
    }
}
