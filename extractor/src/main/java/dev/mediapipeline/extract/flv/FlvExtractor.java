package dev.mediapipeline.extract.flv;

import dev.mediapipeline.extract.CorruptMediaException;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.MetadataExtractor;
import dev.mediapipeline.extract.bitstream.AvcSps;
import dev.mediapipeline.extract.bitstream.BitReader;
import dev.mediapipeline.extract.read.BlockReader;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flash Video. Reads the tags in the first window: onMetaData (duration, size), the codec ids of the first
 * audio and video tags, the H.264 decoder configuration (real picture size) and the video timestamps
 * (frame rate). Without a metadata duration, the last tag's timestamp gives it.
 */
public final class FlvExtractor implements MetadataExtractor {

    private static final int WINDOW = 1 << 20;
    private static final int AUDIO_TAG = 8;
    private static final int VIDEO_TAG = 9;
    private static final int SCRIPT_TAG = 18;
    private static final int VIDEO_TIMESTAMPS = 64;
    /** FLV CodecID → ffprobe codec name (video, then audio SoundFormat). */
    private static final Map<Integer, String> VIDEO_CODECS = Map.of(2, "flv1", 3, "flashsv", 4, "vp6f", 5, "vp6a",
            6, "flashsv2", 7, "h264", 12, "hevc", 13, "av1");
    private static final Map<Integer, String> AUDIO_CODECS = Map.of(0, "pcm_s16le", 1, "adpcm_swf", 2, "mp3",
            3, "pcm_s16le", 4, "nellymoser", 5, "nellymoser", 6, "nellymoser", 7, "pcm_alaw", 8, "pcm_mulaw",
            10, "aac");

    @Override
    public boolean accepts(String contentType) {
        return contentType.equals("video/x-flv");
    }

    @Override
    public void extract(BlockReader reader, MediaMetadata.Builder out) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(reader.readFully(0, (int) Math.min(WINDOW, reader.size())));
        try {
            if (b.get(0) != 'F' || b.get(1) != 'L' || b.get(2) != 'V') {
                throw new CorruptMediaException("no FLV header");
            }
            b.position((int) (b.getInt(5) & 0xffffffffL) + 4);
            tags(b, reader, out);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new CorruptMediaException("FLV tag extends past the file");
        }
    }

    private static void tags(ByteBuffer b, BlockReader reader, MediaMetadata.Builder out) throws IOException {
        Map<String, Object> metadata = Map.of();
        List<Long> videoTimes = new ArrayList<>();
        boolean media = false;
        while (b.remaining() >= 11 && videoTimes.size() < VIDEO_TIMESTAMPS) {
            int type = b.get() & 0x1f;
            int size = ((b.get() & 0xff) << 16) | ((b.get() & 0xff) << 8) | (b.get() & 0xff);
            long time = ((b.get() & 0xffL) << 16) | ((b.get() & 0xffL) << 8) | (b.get() & 0xffL) | ((b.get() & 0xffL) << 24);
            b.position(b.position() + 3);
            if (size > b.remaining()) {
                break;
            }
            ByteBuffer data = b.slice();
            data.limit(size);
            if (type == SCRIPT_TAG && metadata.isEmpty()) {
                metadata = onMetaData(data);
            } else if (type == VIDEO_TAG && size > 0) {
                media = true;
                videoTimes.add(time);
                video(data, out);
            } else if (type == AUDIO_TAG && size > 0) {
                media = true;
                out.audioCodec(AUDIO_CODECS.get((data.get(0) & 0xff) >> 4));
            }
            b.position(b.position() + size + 4);
        }
        fromMetadata(metadata, out);
        if (out.durationMillis() == null) {
            out.durationMillis(lastTimestamp(reader));
        }
        out.frameRate(frameRate(videoTimes));
        if (!media) {
            throw new CorruptMediaException("no audio or video tags");
        }
    }

    private static Map<String, Object> onMetaData(ByteBuffer data) {
        if (!"onMetaData".equals(Amf0.value(data))) {
            return Map.of();
        }
        Object value = Amf0.value(data);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = value instanceof Map ? (Map<String, Object>) value : Map.of();
        return map;
    }

    private static void video(ByteBuffer data, MediaMetadata.Builder out) {
        int codecId = data.get(0) & 0x0f;
        out.videoCodec(VIDEO_CODECS.getOrDefault(codecId, "flv-" + codecId));
        // AVC sequence header: AVCPacketType 0, then an AVCDecoderConfigurationRecord with the SPS.
        if (codecId == 7 && !out.hasDimensions() && data.limit() > 13 && data.get(1) == 0) {
            int spsCount = data.get(10) & 0x1f;
            int spsLength = data.getShort(11) & 0xffff;
            if (spsCount > 0 && 13 + spsLength <= data.limit()) {
                byte[] sps = new byte[spsLength];
                data.get(13, sps);
                int[] size = AvcSps.pictureSize(BitReader.unescape(sps, 1, sps.length));
                out.storedDimensions(size[0], size[1]);
            }
        }
    }

    private static void fromMetadata(Map<String, Object> metadata, MediaMetadata.Builder out) {
        if (metadata.get("duration") instanceof Double d && d > 0) {
            out.durationSeconds(d);
        }
        if (metadata.get("width") instanceof Double w && metadata.get("height") instanceof Double h) {
            out.storedDimensions(w.intValue(), h.intValue());
        }
    }

    /** The last tag's timestamp: the file ends with that tag's size (PreviousTagSize). */
    private static Long lastTimestamp(BlockReader reader) throws IOException {
        if (reader.size() < 15) {
            return null;
        }
        long tagSize = ByteBuffer.wrap(reader.readExact(reader.size() - 4, 4)).getInt() & 0xffffffffL;
        long tagStart = reader.size() - 4 - tagSize;
        if (tagSize < 11 || tagStart < 9) {
            return null;
        }
        byte[] h = reader.readExact(tagStart, 8);
        return ((h[4] & 0xffL) << 16) | ((h[5] & 0xffL) << 8) | (h[6] & 0xffL) | ((h[7] & 0xffL) << 24);
    }

    /** Average over distinct video timestamps (milliseconds); decode order is not presentation order. */
    private static Double frameRate(List<Long> times) {
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        if (sorted.length < 3) {
            return null;
        }
        long span = sorted[sorted.length - 1] - sorted[0];
        return span > 0 ? (sorted.length - 1) * 1000.0 / span : null;
    }
}
