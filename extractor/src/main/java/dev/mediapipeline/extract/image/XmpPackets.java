package dev.mediapipeline.extract.image;

import com.drew.imaging.png.PngChunk;
import com.drew.imaging.png.PngChunkReader;
import com.drew.imaging.png.PngChunkType;
import com.drew.imaging.png.PngProcessingException;
import com.drew.lang.StreamReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.xmp.XmpDirectory;
import com.drew.metadata.xmp.XmpReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * XMP packets with bytes after their end (tools that rewrite a packet in place leave the old tail behind)
 * make the XML parser reject the whole packet. Cutting at the packet's end marker recovers them.
 */
final class XmpPackets {

    private static final String PACKET_END = "<?xpacket end=";
    private static final String XMPMETA_END = "</x:xmpmeta>";
    private static final String PNG_XMP_KEYWORD = "XML:com.adobe.xmp";
    private static final int MAX_PACKET = 4 << 20;

    private XmpPackets() {
    }

    /** The packet up to its end marker ({@code <?xpacket end="w"?>}, else {@code </x:xmpmeta>}). */
    static String trim(String xmp) {
        int end = xmp.indexOf(PACKET_END);
        if (end >= 0) {
            int close = xmp.indexOf("?>", end);
            return close >= 0 ? xmp.substring(0, close + 2) : xmp;
        }
        end = xmp.indexOf(XMPMETA_END);
        return end >= 0 ? xmp.substring(0, end + XMPMETA_END.length()) : xmp;
    }

    /** metadata-extractor's XMP reader for JPEG APP1 segments, trimming each packet first. */
    static final class TrimmingReader extends XmpReader {
        @Override
        public void extract(byte[] xmpBytes, int offset, int length, Metadata metadata, Directory parentDirectory) {
            super.extract(trim(new String(xmpBytes, offset, length, StandardCharsets.UTF_8)), metadata, parentDirectory);
        }
    }

    /**
     * metadata-extractor reads PNG XMP (iTXt) itself, with no hook: when it failed, read the iTXt chunk again
     * and parse the trimmed packet into a directory of its own.
     */
    /** Opens the PNG chunks to search again. */
    interface ChunkSource {
        InputStream open() throws IOException;
    }

    static void retryPng(Metadata metadata, ChunkSource chunks) throws IOException {
        XmpDirectory failed = metadata.getFirstDirectoryOfType(XmpDirectory.class);
        if (failed == null || !failed.hasErrors()) {
            return;
        }
        try {
            for (PngChunk chunk : new PngChunkReader().extract(new StreamReader(chunks.open()),
                    Set.of(PngChunkType.iTXt))) {
                String text = internationalText(chunk.getBytes());
                if (text != null) {
                    new XmpReader().extract(trim(text), metadata);
                    return;
                }
            }
        } catch (PngProcessingException | DataFormatException e) {
            failed.addError("XMP packet could not be recovered: " + e.getMessage());
        }
    }

    /** The text of an iTXt chunk with the XMP keyword: keyword, flags, language, translated keyword, text. */
    private static String internationalText(byte[] chunk) throws DataFormatException {
        int keywordEnd = indexOfNul(chunk, 0);
        if (keywordEnd < 0 || keywordEnd + 3 > chunk.length
                || !new String(chunk, 0, keywordEnd, StandardCharsets.ISO_8859_1).equals(PNG_XMP_KEYWORD)) {
            return null;
        }
        boolean compressed = chunk[keywordEnd + 1] != 0;
        int languageEnd = indexOfNul(chunk, keywordEnd + 3);
        int translatedEnd = languageEnd < 0 ? -1 : indexOfNul(chunk, languageEnd + 1);
        if (translatedEnd < 0) {
            return null;
        }
        int start = translatedEnd + 1;
        byte[] text = compressed ? inflate(chunk, start) : java.util.Arrays.copyOfRange(chunk, start, chunk.length);
        return new String(text, StandardCharsets.UTF_8);
    }

    private static byte[] inflate(byte[] data, int from) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data, from, data.length - from);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished() && out.size() < MAX_PACKET) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    private static int indexOfNul(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
