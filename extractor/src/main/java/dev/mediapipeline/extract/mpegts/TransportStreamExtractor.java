package dev.mediapipeline.extract.mpegts;

import dev.mediapipeline.extract.CaptureTime;
import dev.mediapipeline.extract.CorruptMediaException;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.MetadataExtractor;
import dev.mediapipeline.extract.bitstream.CameraPack;
import dev.mediapipeline.extract.bitstream.ElementaryStreams;
import dev.mediapipeline.extract.bitstream.H263Picture;
import dev.mediapipeline.extract.bitstream.MpegVideoSequence;
import dev.mediapipeline.extract.read.BlockReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * MPEG transport streams (.ts, .m2ts). Reads a window at the start (PAT, PMT, the first video and audio
 * PES payloads, their timestamps) and one at the end (the last timestamps): duration is the span of
 * presentation timestamps plus one frame, frame rate the typical step between video timestamps. Both
 * windows start small and grow only while what they are read for is missing, so a long recording costs
 * its first and last few frames.
 */
public final class TransportStreamExtractor implements MetadataExtractor {

    /** The most either window grows to: enough for the tables, a parameter set and a few dozen frames. */
    private static final int WINDOW_CAP = 1 << 20;
    /**
     * Video timestamps the head needs for the frame rate: B-frames arrive out of order, and frames decoded
     * after the window leave gaps at its end, so the median step is one frame only with a few more frames.
     */
    private static final int HEAD_VIDEO_TIMESTAMPS = 8;
    /**
     * Video timestamps the tail needs: with B-frames the last picture shown is among the last few decoded.
     */
    private static final int TAIL_VIDEO_TIMESTAMPS = 5;
    private static final long PTS_CLOCK = 90_000;
    /** The codecs whose parameter sets or picture headers give the coded picture size, and how. */
    private static final Map<String, Function<byte[], int[]>> PICTURE_SIZE = Map.of(
            "h264", ElementaryStreams::avcPictureSize, "hevc", ElementaryStreams::hevcPictureSize,
            "mpeg2video", TransportStreamExtractor::mpegVideoSize, "mpeg1video", TransportStreamExtractor::mpegVideoSize,
            "h263", H263Picture::pictureSize);
    /** Stream type 0x02 is written for MPEG-1 video too; the sequence header tells which it is. */
    private static final Set<String> MPEG_VIDEO = Set.of("mpeg1video", "mpeg2video");

    @Override
    public boolean accepts(String contentType) {
        return contentType.equals("video/mp2t");
    }

    @Override
    public void extract(BlockReader reader, MediaMetadata.Builder out) throws IOException {
        PacketWindow head = PacketWindow.head(reader, WINDOW_CAP);
        head.growForward();
        byte[] h = head.bytes();
        int packetSize = h.length > 192 * 2 && h[4] == 0x47 && h[196] == 0x47 ? 192 : 188;
        PacketScan first = scan(head, packetSize, null);
        while (!headIsEnough(first) && head.growForward()) {
            first = scan(head, packetSize, null);
        }
        if (first.programs.videoPid < 0 && first.programs.audioPid < 0) {
            throw new CorruptMediaException("no program with audio or video found");
        }
        PacketScan last = first;
        PacketWindow tail = PacketWindow.tail(reader, head.end(), WINDOW_CAP);
        if (tail.growBackward()) {
            last = scan(tail, packetSize, first.programs);
            while (!tailIsEnough(last) && tail.growBackward()) {
                last = scan(tail, packetSize, first.programs);
            }
        }
        describe(first, last, out);
    }

    /** A fresh scan of the window's whole packets (a TS file is whole packets from its first byte). */
    private static PacketScan scan(PacketWindow window, int packetSize, Programs known) {
        PacketScan scan = new PacketScan(known);
        int from = (int) ((packetSize - window.start() % packetSize) % packetSize);
        scan.scan(window.bytes(), from, packetSize - 188, packetSize);
        return scan;
    }

    /** The tables, the picture size, enough video timestamps for the frame rate, the audio's first frame. */
    private static boolean headIsEnough(PacketScan s) {
        Programs p = s.programs;
        if (!p.complete()) {
            return false;
        }
        boolean video = p.videoPid < 0 || s.videoPts.count() >= HEAD_VIDEO_TIMESTAMPS
                && (pictureSize(p, s) != null || !PICTURE_SIZE.containsKey(p.videoCodec));
        boolean audio = p.audioPid < 0 || s.audioPts.count() > 0
                && (!p.audioCodec.equals("mpeg-audio") || ElementaryStreams.mpegAudioLayer(s.audioStart.toByteArray()) != null);
        return video && audio;
    }

    /** The last timestamps of each stream; audio is never reordered, video needs a few frames. */
    private static boolean tailIsEnough(PacketScan s) {
        Programs p = s.programs;
        return (p.videoPid < 0 || s.videoPts.count() >= TAIL_VIDEO_TIMESTAMPS) && (p.audioPid < 0 || s.audioPts.count() > 0);
    }

    private static void describe(PacketScan first, PacketScan last, MediaMetadata.Builder out) {
        Programs p = first.programs;
        if (p.videoPid >= 0) {
            byte[] es = first.videoStart.toByteArray();
            MpegVideoSequence sequence = MPEG_VIDEO.contains(p.videoCodec) ? MpegVideoSequence.find(es) : null;
            out.videoCodec(sequence != null ? sequence.codec() : p.videoCodec);
            int[] size = pictureSize(p, first);
            if (size != null) {
                out.storedDimensions(size[0], size[1]);
            }
            out.frameRate(frameRate(first.videoPts));
            if (p.videoCodec.equals("h264")) {
                cameraPack(es, out);
            }
        }
        if (p.audioPid >= 0) {
            String codec = p.audioCodec;
            if (codec.equals("mpeg-audio")) {
                String layer = ElementaryStreams.mpegAudioLayer(first.audioStart.toByteArray());
                // Layer II is what broadcast streams carry when no frame header was in the window.
                codec = layer != null ? layer : "mp2";
            }
            out.audioCodec(codec);
        }
        long start = Math.min(first.videoPts.min(), first.audioPts.min());
        long frame = frameTicks(first.videoPts);
        long end = Math.max(Math.max(first.videoPts.max(), last.videoPts.max()) + frame,
                Math.max(first.audioPts.max(), last.audioPts.max()));
        if (start != Long.MAX_VALUE && end > start) {
            out.durationSeconds((end - start) / (double) PTS_CLOCK);
        }
    }

    /** The coded picture size from the first parameter set, for the codecs in {@link #PICTURE_SIZE}. */
    private static int[] pictureSize(Programs p, PacketScan scan) {
        Function<byte[], int[]> decoder = PICTURE_SIZE.get(p.videoCodec);
        return decoder == null ? null : decoder.apply(scan.videoStart.toByteArray());
    }

    /** AVCHD cameras (.mts) name themselves and the recording time only in the H.264 stream's MDPM. */
    private static void cameraPack(byte[] es, MediaMetadata.Builder out) {
        CameraPack pack = CameraPack.find(es);
        if (pack != null) {
            out.cameraMake(pack.make()).cameraModel(pack.model());
            CaptureTime.parse(pack.dateTimeOriginal(), null, pack.offset())
                    .ifPresent(time -> out.takenAtIfAbsent(time, "H264:DateTimeOriginal"));
        }
    }

    private static int[] mpegVideoSize(byte[] es) {
        MpegVideoSequence sequence = MpegVideoSequence.find(es);
        return sequence == null ? null : new int[] {sequence.width(), sequence.height()};
    }

    private static Double frameRate(Timestamps video) {
        long step = frameTicks(video);
        return step > 0 ? PTS_CLOCK / (double) step : null;
    }

    /** The median step between distinct sorted video timestamps (B-frames arrive out of order). */
    private static long frameTicks(Timestamps video) {
        long[] sorted = video.sortedDistinct();
        if (sorted.length < 2) {
            return 0;
        }
        long[] steps = new long[sorted.length - 1];
        for (int i = 1; i < sorted.length; i++) {
            steps[i - 1] = sorted[i] - sorted[i - 1];
        }
        Arrays.sort(steps);
        return steps[steps.length / 2];
    }
}
