package dev.mediapipeline.extract.riff;

import dev.mediapipeline.extract.CodecNames;
import dev.mediapipeline.extract.CorruptMediaException;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.MetadataExtractor;
import dev.mediapipeline.extract.read.BlockReader;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * AVI: everything is in the hdrl list at the start of the file (avih, then per stream strh + strf); the
 * movi list with the frames is never read.
 */
public final class AviExtractor implements MetadataExtractor {

    private static final Set<String> TYPES = Set.of("video/x-msvideo", "video/avi", "video/msvideo");
    private static final int MAX_HEADER_LIST = 1 << 20;
    /** WAVEFORMATEX wFormatTag → ffprobe codec name. */
    private static final Map<Integer, String> AUDIO_FORMATS = Map.ofEntries(
            Map.entry(0x0001, "pcm_s16le"), Map.entry(0x0002, "adpcm_ms"), Map.entry(0x0003, "pcm_f32le"),
            Map.entry(0x0006, "pcm_alaw"), Map.entry(0x0007, "pcm_mulaw"), Map.entry(0x0011, "adpcm_ima_wav"),
            Map.entry(0x0050, "mp2"), Map.entry(0x0055, "mp3"), Map.entry(0x00FF, "aac"), Map.entry(0x706D, "aac"),
            Map.entry(0x0160, "wmav1"), Map.entry(0x0161, "wmav2"), Map.entry(0x2000, "ac3"), Map.entry(0x2001, "dts"),
            Map.entry(0x566F, "vorbis"), Map.entry(0xF1AC, "flac"));

    @Override
    public boolean accepts(String contentType) {
        return TYPES.contains(contentType);
    }

    @Override
    public void extract(BlockReader reader, MediaMetadata.Builder out) throws IOException {
        try {
            ByteBuffer riff = ByteBuffer.wrap(reader.readFully(0, 24)).order(ByteOrder.LITTLE_ENDIAN);
            if (!fourCc(riff, 0).equals("RIFF") || !fourCc(riff, 8).equals("AVI ") || !fourCc(riff, 12).equals("LIST")
                    || !fourCc(riff, 20).equals("hdrl")) {
                throw new CorruptMediaException("no AVI header list");
            }
            int size = (int) Math.min(MAX_HEADER_LIST, Math.min(riff.getInt(16) & 0xffffffffL, reader.size() - 24) + 4);
            ByteBuffer hdrl = ByteBuffer.wrap(reader.readFully(20, size)).order(ByteOrder.LITTLE_ENDIAN);
            hdrl.position(4);
            headerList(hdrl, out);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new CorruptMediaException("AVI chunk extends past its list");
        }
    }

    private static void headerList(ByteBuffer list, MediaMetadata.Builder out) {
        while (list.remaining() >= 8) {
            String id = fourCc(list, list.position());
            int size = list.getInt(list.position() + 4);
            int start = list.position() + 8;
            if (size < 0 || start + size > list.limit()) {
                break;
            }
            ByteBuffer chunk = list.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            chunk.position(start).limit(start + size);
            if (id.equals("avih") && size >= 40) {
                long microsPerFrame = chunk.getInt(start) & 0xffffffffL;
                long frames = chunk.getInt(start + 16) & 0xffffffffL;
                out.storedDimensions(chunk.getInt(start + 32), chunk.getInt(start + 36));
                if (microsPerFrame > 0 && out.durationMillis() == null) {
                    out.durationMillis(Math.round(frames * microsPerFrame / 1000.0));
                }
            } else if (id.equals("LIST") && size >= 4 && fourCc(chunk, start).equals("strl")) {
                chunk.position(start + 4);
                stream(chunk.slice().order(ByteOrder.LITTLE_ENDIAN), out);
            }
            list.position(start + size + (size & 1));
        }
    }

    /** One strl list: strh says what the stream is and its rate, strf its format. */
    private static void stream(ByteBuffer strl, MediaMetadata.Builder out) {
        String type = null;
        long scale = 0;
        long rate = 0;
        long length = 0;
        while (strl.remaining() >= 8) {
            String id = fourCc(strl, strl.position());
            int size = strl.getInt(strl.position() + 4);
            int start = strl.position() + 8;
            if (size < 0 || start + size > strl.limit()) {
                break;
            }
            if (id.equals("strh") && size >= 36) {
                type = fourCc(strl, start);
                scale = strl.getInt(start + 20) & 0xffffffffL;
                rate = strl.getInt(start + 24) & 0xffffffffL;
                length = strl.getInt(start + 32) & 0xffffffffL;
            } else if (id.equals("strf") && "vids".equals(type) && size >= 20 && out.videoCodec() == null) {
                out.videoCodec(CodecNames.fromFourCc(fourCc(strl, start + 16)));
                if (scale > 0 && rate > 0) {
                    out.frameRate(rate / (double) scale);
                    // The video stream's own length is what players show; avih is only the fallback.
                    out.durationMillis(Math.round(length * scale * 1000.0 / rate));
                }
            } else if (id.equals("strf") && "auds".equals(type) && size >= 2) {
                int format = strl.getShort(start) & 0xffff;
                out.audioCodec(AUDIO_FORMATS.getOrDefault(format, String.format("0x%04x", format)));
            }
            strl.position(start + size + (size & 1));
        }
    }

    private static String fourCc(ByteBuffer b, int at) {
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = b.get(at + i);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
