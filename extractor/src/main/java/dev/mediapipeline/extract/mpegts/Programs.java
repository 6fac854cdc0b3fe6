package dev.mediapipeline.extract.mpegts;

/** What the PAT and PMT say: the PMT's PID and the first video and audio stream with their codecs. */
final class Programs {
    int pmtPid = -1;
    int videoPid = -1;
    String videoCodec;
    int audioPid = -1;
    /** An ffprobe codec name, or "mpeg-audio" until the frame header tells the layer. */
    String audioCodec;
    /**
     * A private stream (type 0x06) no descriptor names: H.263 video when its PES packets turn out to carry
     * it (ffmpeg muxes H.263 that way; ffprobe then calls it a data stream).
     */
    int privatePid = -1;

    boolean complete() {
        return pmtPid >= 0 && (videoPid >= 0 || audioPid >= 0);
    }
}
