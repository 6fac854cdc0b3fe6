package dev.mediapipeline.extract.mpegts;

/** What the PAT and PMT say: the PMT's PID and the first video and audio stream with their codecs. */
final class Programs {
    int pmtPid = -1;
    int videoPid = -1;
    String videoCodec;
    int audioPid = -1;
    /** An ffprobe codec name, or "mpeg-audio" until the frame header tells the layer. */
    String audioCodec;

    boolean complete() {
        return pmtPid >= 0 && (videoPid >= 0 || audioPid >= 0);
    }
}
