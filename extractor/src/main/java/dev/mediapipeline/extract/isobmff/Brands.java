package dev.mediapipeline.extract.isobmff;

/**
 * The content type an ftyp major brand announces. Tika's magic only knows the mp41/mp42 brands as MP4, so
 * the most common brand ffmpeg and phones write ("isom") would otherwise read as QuickTime.
 */
final class Brands {

    private Brands() {
    }

    /** The content type for a major brand, or null to keep the sniffed one. */
    static String contentType(String majorBrand) {
        if (majorBrand.equals("qt  ")) {
            return "video/quicktime";
        }
        if (majorBrand.startsWith("3g2")) {
            return "video/3gpp2";
        }
        if (majorBrand.startsWith("3g")) {
            return "video/3gpp";
        }
        return switch (majorBrand) {
            case "M4A ", "M4B ", "M4P " -> "audio/mp4";
            case "M4V ", "M4VH", "M4VP" -> "video/x-m4v";
            case "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso8", "iso9", "mp41", "mp42", "avc1", "dash",
                 "msnv", "cmfc", "cmf2", "MSNV", "f4v ", "mmp4", "XAVC" -> "video/mp4";
            default -> null;
        };
    }
}
