package dev.mediapipeline.extract.mpegts;

import dev.mediapipeline.extract.CorruptMediaException;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.MetadataExtractor;
import dev.mediapipeline.extract.bitstream.ElementaryStreams;
import dev.mediapipeline.extract.bitstream.MpegVideoSequence;
import dev.mediapipeline.extract.read.BlockReader;
import java.io.IOException;

/**
 * MPEG program streams (.mpg, .mpeg, .vob: MPEG-1 system streams and MPEG-2 program streams) and bare
 * MPEG-1/2 video elementary streams (.m1v, .m2v), all sniffed as video/mpeg. The video's sequence header gives
 * the codec, picture size and frame rate; a program stream's duration is the span of its presentation
 * timestamps, read from a window at the start and one at the end as for transport streams, plus one frame.
 * An elementary stream has no timestamps, so no duration (ffprobe and exiftool give none either).
 */
public final class ProgramStreamExtractor implements MetadataExtractor {

    private static final int WINDOW_CAP = 1 << 20;
    private static final long PTS_CLOCK = 90_000;

    @Override
    public boolean accepts(String contentType) {
        return contentType.equals("video/mpeg");
    }

    @Override
    public void extract(BlockReader reader, MediaMetadata.Builder out) throws IOException {
        PacketWindow head = PacketWindow.head(reader, WINDOW_CAP);
        head.growForward();
        if (MpegVideoSequence.startsElementaryStream(head.bytes())) {
            video(MpegVideoSequence.find(head.bytes()), out);
            return;
        }
        PackScan first = scan(head, null);
        while (!headIsEnough(first) && head.growForward()) {
            first = scan(head, null);
        }
        if (first.videoId < 0 && first.audioId < 0) {
            throw new CorruptMediaException("no MPEG program stream pack with audio or video found");
        }
        PackScan last = first;
        PacketWindow tail = PacketWindow.tail(reader, head.end(), WINDOW_CAP);
        if (tail.growBackward()) {
            last = scan(tail, first);
            while (last.videoPts.count() + last.audioPts.count() == 0 && tail.growBackward()) {
                last = scan(tail, first);
            }
        }
        MpegVideoSequence sequence = first.videoId >= 0 ? MpegVideoSequence.find(first.videoStart.toByteArray()) : null;
        video(sequence, out);
        if (first.audioId >= 0) {
            out.audioCodec(audioCodec(first));
        }
        duration(first, last, sequence, out);
    }

    private static PackScan scan(PacketWindow window, PackScan known) {
        PackScan scan = new PackScan(known);
        scan.scan(window.bytes());
        return scan;
    }

    /**
     * The video's sequence header and the audio's first frame, of the streams the system header announces;
     * without a system header, both or every byte the window may hold.
     */
    private static boolean headIsEnough(PackScan s) {
        boolean video = s.videoBound == 0 || s.videoId >= 0 && MpegVideoSequence.find(s.videoStart.toByteArray()) != null;
        boolean audio = s.audioBound == 0 || s.audioId >= 0 && s.audioStart.size() > 0;
        return video && audio;
    }

    private static void video(MpegVideoSequence sequence, MediaMetadata.Builder out) {
        if (sequence == null) {
            return;
        }
        out.videoCodec(sequence.codec()).storedDimensions(sequence.width(), sequence.height())
                .frameRate(sequence.frameRate());
    }

    private static String audioCodec(PackScan s) {
        if (s.audioSubId >= 0xA0) {
            return "pcm_dvd";
        }
        if (s.audioSubId >= 0x88) {
            return "dts";
        }
        if (s.audioSubId >= 0x80) {
            return "ac3";
        }
        String layer = ElementaryStreams.mpegAudioLayer(s.audioStart.toByteArray());
        return layer != null ? layer : "mp2";
    }

    /**
     * From the first timestamp to the end of the last frame of either stream, as ffprobe estimates it. An MPEG
     * muxer stamps only the PES packets a frame starts in, so the last stamped frame is the end we know.
     */
    private static void duration(PackScan first, PackScan last, MpegVideoSequence sequence, MediaMetadata.Builder out) {
        long start = Math.min(first.videoPts.min(), first.audioPts.min());
        long videoFrame = sequence != null && sequence.frameRate() != null ? Math.round(PTS_CLOCK / sequence.frameRate()) : 0;
        long audioFrame = first.audioSubId < 0
                ? Math.round(PTS_CLOCK * ElementaryStreams.mpegAudioFrameSeconds(first.audioStart.toByteArray())) : 0;
        long end = Math.max(end(first.videoPts, last.videoPts, videoFrame), end(first.audioPts, last.audioPts, audioFrame));
        if (start != Long.MAX_VALUE && end > start) {
            out.durationSeconds((end - start) / (double) PTS_CLOCK);
        }
    }

    private static long end(Timestamps head, Timestamps tail, long frame) {
        long lastStamped = Math.max(head.max(), tail.max());
        return lastStamped == Long.MIN_VALUE ? Long.MIN_VALUE : lastStamped + frame;
    }
}
