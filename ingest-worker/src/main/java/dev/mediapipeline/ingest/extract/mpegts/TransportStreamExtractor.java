package dev.mediapipeline.ingest.extract.mpegts;

import dev.mediapipeline.ingest.extract.CorruptMediaException;
import dev.mediapipeline.ingest.extract.MediaMetadata;
import dev.mediapipeline.ingest.extract.MetadataExtractor;
import dev.mediapipeline.ingest.extract.bitstream.ElementaryStreams;
import dev.mediapipeline.ingest.read.BlockReader;
import java.io.IOException;
import java.util.Arrays;

/**
 * MPEG transport streams (.ts, .m2ts). Reads a window at the start (PAT, PMT, the first video and audio
 * PES payloads, their timestamps) and one at the end (the last timestamps): duration is the span of
 * presentation timestamps plus one frame, frame rate the typical step between video timestamps.
 */
public final class TransportStreamExtractor implements MetadataExtractor {

    /** Enough packets for the tables, a parameter set and a few dozen frames' timestamps. */
    private static final int WINDOW = 1 << 20;
    private static final long PTS_CLOCK = 90_000;

    @Override
    public boolean accepts(String contentType) {
        return contentType.equals("video/mp2t");
    }

    @Override
    public void extract(BlockReader reader, MediaMetadata.Builder out) throws IOException {
        int headWindow = (int) Math.min(WINDOW, reader.size());
        byte[] head = reader.readFully(0, headWindow);
        int packetSize = head.length > 192 * 2 && head[4] == 0x47 && head[196] == 0x47 ? 192 : 188;
        int skip = packetSize - 188;
        PacketScan first = new PacketScan(null);
        first.scan(head, skip, packetSize);
        if (first.programs.videoPid < 0 && first.programs.audioPid < 0) {
            throw new CorruptMediaException("no program with audio or video found");
        }
        PacketScan last = first;
        // The tail window starts after the head window, on a packet boundary (a TS file is whole packets).
        long tailStart = Math.max(headWindow, reader.size() - WINDOW);
        tailStart += (packetSize - tailStart % packetSize) % packetSize;
        if (tailStart < reader.size()) {
            last = new PacketScan(first.programs);
            last.scan(reader.readFully(tailStart, (int) (reader.size() - tailStart)), skip, packetSize);
        }
        describe(first, last, out);
    }

    private static void describe(PacketScan first, PacketScan last, MediaMetadata.Builder out) {
        Programs p = first.programs;
        if (p.videoPid >= 0) {
            out.videoCodec(p.videoCodec);
            byte[] es = first.videoStart.toByteArray();
            int[] size = switch (p.videoCodec) {
                case "h264" -> ElementaryStreams.avcPictureSize(es);
                case "hevc" -> ElementaryStreams.hevcPictureSize(es);
                case "mpeg2video", "mpeg1video" -> ElementaryStreams.mpegVideoSize(es);
                default -> null;
            };
            if (size != null) {
                out.storedDimensions(size[0], size[1]);
            }
            out.frameRate(frameRate(first.videoPts));
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
