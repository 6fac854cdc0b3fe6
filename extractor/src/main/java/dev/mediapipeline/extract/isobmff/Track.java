package dev.mediapipeline.extract.isobmff;

import java.util.ArrayList;
import java.util.List;

/** What the moov box says about one trak, plus what fragments add to it. */
final class Track {
    long trackId;
    String handler;
    long timescale;
    /** mdhd duration of the samples described in moov (zero or small for fragmented files). */
    long mediaDuration;
    String sampleEntry;
    String codec;
    Integer width;
    Integer height;
    int rotationDegrees;
    /** Samples and their total duration from stts (moov part only). */
    long sampleCount;
    long sampleDurationTotal;
    /** From trex: the default for fragment samples that carry no duration of their own. */
    long defaultSampleDuration;
    /** The end time found in movie fragments. */
    long fragmentEnd;
    /** Durations of the fragment samples read (a bounded sample): their median is the frame duration. */
    final List<Long> fragmentSampleDurations = new ArrayList<>();

    boolean isVideo() {
        return "vide".equals(handler) && sampleEntry != null;
    }

    boolean isAudio() {
        return "soun".equals(handler) && sampleEntry != null;
    }

    /** End of the track in its own timescale, counting fragments. */
    long end() {
        return Math.max(Math.max(mediaDuration, sampleDurationTotal), fragmentEnd);
    }
}
