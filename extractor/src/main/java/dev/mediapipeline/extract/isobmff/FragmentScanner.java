package dev.mediapipeline.extract.isobmff;

import dev.mediapipeline.extract.read.BlockReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds movie fragments (moof/traf/trun) to their tracks: where each track ends, so a fragmented file's
 * duration covers the whole presentation, and the sample durations its frame rate is taken from.
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
    /** Sample durations kept per track for the median frame duration. */
    private static final int KEPT_DURATIONS = 4096;
    /** A moof is a few KB; anything near this is not a real fragment header. */
    private static final int MAX_MOOF = 16 << 20;

    private FragmentScanner() {
    }

    /** What one traf adds to its track. */
    private record TrackRun(Track track, long start, long total, List<Long> durations) {
    }

    /** Adds every track fragment of the moof. */
    static void add(BlockReader reader, TopLevelBox moof, MovieBox movie) throws IOException {
        addIf(reader, moof, movie, false);
    }

    /**
     * The end of a fragment read out of sequence, without the ones before it: only its decode times (tfdt)
     * place it, so it counts only when every track fragment has one.
     */
    static boolean addEnd(BlockReader reader, TopLevelBox moof, MovieBox movie) throws IOException {
        return addIf(reader, moof, movie, true);
    }

    private static boolean addIf(BlockReader reader, TopLevelBox moof, MovieBox movie, boolean needDecodeTimes)
            throws IOException {
        if (moof.payloadSize() > MAX_MOOF || moof.end() > reader.size()) {
            return false;
        }
        BoxCursor c = BoxCursor.of(reader.readExact(moof.payloadStart(), (int) moof.payloadSize()));
        List<TrackRun> runs = new ArrayList<>();
        for (BoxCursor.Child box : c.children()) {
            if (box.type().equals("traf")) {
                TrackRun run = trackFragment(box.payload(), movie);
                if (run == null || (needDecodeTimes && run.start() < 0)) {
                    return false;
                }
                runs.add(run);
            }
        }
        for (TrackRun run : runs) {
            Track track = run.track();
            for (long d : run.durations()) {
                if (track.fragmentSampleDurations.size() < KEPT_DURATIONS) {
                    track.fragmentSampleDurations.add(d);
                }
            }
            long start = run.start() >= 0 ? run.start() : Math.max(track.fragmentEnd, track.sampleDurationTotal);
            track.fragmentEnd = Math.max(track.fragmentEnd, start + run.total());
        }
        return !runs.isEmpty();
    }

    /** Sums one traf's trun samples; null when the traf names no known track. */
    private static TrackRun trackFragment(BoxCursor traf, MovieBox movie) {
        Track track = null;
        long defaultDuration = 0;
        long start = -1;
        long total = 0;
        List<Long> durations = new ArrayList<>();
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
                        long duration = (flags & TRUN_DURATION) != 0 ? c.u32() : defaultDuration;
                        total += duration;
                        if (durations.size() < KEPT_DURATIONS) {
                            durations.add(duration);
                        }
                        c.skip(skipAfterDuration);
                    }
                }
                default -> { }
            }
        }
        return track == null ? null : new TrackRun(track, start, total, durations);
    }
}
