package dev.mediapipeline.extract.sniff;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * ISO base media files (MP4, MOV, 3GP, HEIF, AVIF...) by the major brand of their leading ftyp box, the
 * way Tika's magic names them: the brands its rules list ({@code ftypXXXX} at offset 4) get that type,
 * every other brand is {@code video/quicktime}, Tika's rule for a bare {@code ftyp}.
 */
final class FtypBrands {

    /** Box size (4 bytes), "ftyp", major brand (4 bytes). */
    static final int HEADER = 12;
    private static final String GENERIC = "video/quicktime";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("mp41", "video/mp4"), Map.entry("mp42", "video/mp4"),
            Map.entry("3ge6", "video/3gpp"), Map.entry("3ge7", "video/3gpp"), Map.entry("3gg6", "video/3gpp"),
            Map.entry("3gp1", "video/3gpp"), Map.entry("3gp2", "video/3gpp"), Map.entry("3gp3", "video/3gpp"),
            Map.entry("3gp4", "video/3gpp"), Map.entry("3gp5", "video/3gpp"), Map.entry("3gp6", "video/3gpp"),
            Map.entry("3gs7", "video/3gpp"),
            Map.entry("3g2a", "video/3gpp2"), Map.entry("3g2b", "video/3gpp2"), Map.entry("3g2c", "video/3gpp2"),
            Map.entry("M4A ", "audio/mp4"), Map.entry("M4B ", "audio/mp4"), Map.entry("F4A ", "audio/mp4"),
            Map.entry("F4B ", "audio/mp4"),
            Map.entry("M4V ", "video/x-m4v"), Map.entry("M4VH", "video/x-m4v"), Map.entry("M4VP", "video/x-m4v"),
            Map.entry("heic", "image/heic"), Map.entry("heix", "image/heic"),
            Map.entry("hevc", "image/heic-sequence"), Map.entry("hevx", "image/heic-sequence"),
            Map.entry("mif1", "image/heif"), Map.entry("msf1", "image/heif-sequence"),
            Map.entry("avif", "image/avif"), Map.entry("crx ", "image/x-canon-cr3"));

    private FtypBrands() {
    }

    /** The content type when {@code head} starts with an ftyp box, else null. */
    static String contentType(byte[] head, int length) {
        if (length < HEADER || head[4] != 'f' || head[5] != 't' || head[6] != 'y' || head[7] != 'p') {
            return null;
        }
        return TYPES.getOrDefault(new String(head, 8, 4, StandardCharsets.ISO_8859_1), GENERIC);
    }
}
