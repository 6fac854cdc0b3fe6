package dev.mediapipeline.extract;

import java.util.Locale;
import java.util.Map;

/**
 * Codec identifiers of every container, mapped to the short names ffprobe prints (codec_name), so the
 * VideoCodec/AudioCodec attributes read the same whatever the container.
 */
public final class CodecNames {

    /** ISO-BMFF / QuickTime sample entry four-character codes. */
    private static final Map<String, String> FOURCC = Map.ofEntries(
            Map.entry("avc1", "h264"), Map.entry("avc2", "h264"), Map.entry("avc3", "h264"), Map.entry("avc4", "h264"),
            Map.entry("h264", "h264"), Map.entry("x264", "h264"), Map.entry("davc", "h264"),
            Map.entry("hvc1", "hevc"), Map.entry("hev1", "hevc"), Map.entry("dvh1", "hevc"), Map.entry("dvhe", "hevc"),
            Map.entry("hevc", "hevc"), Map.entry("h265", "hevc"), Map.entry("x265", "hevc"),
            Map.entry("vvc1", "vvc"), Map.entry("vvi1", "vvc"),
            Map.entry("av01", "av1"), Map.entry("dav1", "av1"),
            Map.entry("vp08", "vp8"), Map.entry("vp80", "vp8"), Map.entry("vp09", "vp9"), Map.entry("vp90", "vp9"),
            Map.entry("mp4v", "mpeg4"), Map.entry("xvid", "mpeg4"), Map.entry("fmp4", "mpeg4"), Map.entry("divx", "mpeg4"),
            Map.entry("dx50", "mpeg4"), Map.entry("mp4s", "mpeg4"), Map.entry("m4s2", "mpeg4"),
            Map.entry("div3", "msmpeg4v3"), Map.entry("mp43", "msmpeg4v3"), Map.entry("mp42", "msmpeg4v2"),
            Map.entry("s263", "h263"), Map.entry("h263", "h263"), Map.entry("u263", "h263"),
            Map.entry("jpeg", "mjpeg"), Map.entry("mjpa", "mjpeg"), Map.entry("mjpg", "mjpeg"), Map.entry("avdj", "mjpeg"),
            Map.entry("apch", "prores"), Map.entry("apcn", "prores"), Map.entry("apcs", "prores"),
            Map.entry("apco", "prores"), Map.entry("ap4h", "prores"), Map.entry("ap4x", "prores"),
            Map.entry("mp2v", "mpeg2video"), Map.entry("mpg2", "mpeg2video"), Map.entry("hdv2", "mpeg2video"),
            Map.entry("xdv7", "mpeg2video"), Map.entry("mx5p", "mpeg2video"), Map.entry("mpg1", "mpeg1video"),
            Map.entry("wmv3", "wmv3"), Map.entry("wvc1", "vc1"), Map.entry("cvid", "cinepak"), Map.entry("png ", "png"),
            Map.entry("mjp2", "jpeg2000"), Map.entry("dvsd", "dvvideo"), Map.entry("dvcp", "dvvideo"),
            Map.entry("dvc ", "dvvideo"), Map.entry("rle ", "qtrle"), Map.entry("svq3", "svq3"), Map.entry("svq1", "svq1"),
            Map.entry("ac-3", "ac3"), Map.entry("ec-3", "eac3"), Map.entry("ac-4", "ac4"), Map.entry("opus", "opus"),
            Map.entry("samr", "amr_nb"), Map.entry("sawb", "amr_wb"), Map.entry("alac", "alac"), Map.entry("flac", "flac"),
            Map.entry(".mp3", "mp3"), Map.entry("mp3 ", "mp3"), Map.entry("ulaw", "pcm_mulaw"), Map.entry("alaw", "pcm_alaw"),
            Map.entry("sowt", "pcm_s16le"), Map.entry("twos", "pcm_s16be"), Map.entry("in24", "pcm_s24be"),
            Map.entry("in32", "pcm_s32be"), Map.entry("fl32", "pcm_f32be"), Map.entry("fl64", "pcm_f64be"),
            Map.entry("raw ", "pcm_u8"), Map.entry("lpcm", "pcm_s16le"), Map.entry("ima4", "adpcm_ima_qt"),
            Map.entry("dtsc", "dts"), Map.entry("dtsh", "dts"), Map.entry("dtsl", "dts"), Map.entry("dtse", "dts"),
            Map.entry("mha1", "mpegh_3d_audio"), Map.entry("mhm1", "mpegh_3d_audio"), Map.entry("qdm2", "qdm2"),
            Map.entry("qdmc", "qdmc"), Map.entry("mac3", "mace3"), Map.entry("mac6", "mace6"));

    /** MPEG-4 Systems objectTypeIndication (esds), ISO/IEC 14496-1 table 5 plus registered values. */
    private static final Map<Integer, String> OBJECT_TYPE = Map.ofEntries(
            Map.entry(0x20, "mpeg4"), Map.entry(0x21, "h264"), Map.entry(0x23, "hevc"),
            Map.entry(0x40, "aac"), Map.entry(0x66, "aac"), Map.entry(0x67, "aac"), Map.entry(0x68, "aac"),
            Map.entry(0x60, "mpeg2video"), Map.entry(0x61, "mpeg2video"), Map.entry(0x62, "mpeg2video"),
            Map.entry(0x63, "mpeg2video"), Map.entry(0x64, "mpeg2video"), Map.entry(0x65, "mpeg2video"),
            Map.entry(0x6A, "mpeg1video"), Map.entry(0x6C, "mjpeg"), Map.entry(0x6E, "jpeg2000"),
            Map.entry(0x69, "mp3"), Map.entry(0x6B, "mp3"), Map.entry(0xA5, "ac3"), Map.entry(0xA6, "eac3"),
            Map.entry(0xA9, "dts"), Map.entry(0xAD, "opus"), Map.entry(0xDD, "vorbis"), Map.entry(0xE1, "qcelp"));

    /** Matroska CodecID prefixes (longest match wins; "V_MPEG4/ISO/AVC" before "V_MPEG4/ISO/"). */
    private static final Map<String, String> MATROSKA = Map.ofEntries(
            Map.entry("V_MPEG4/ISO/AVC", "h264"), Map.entry("V_MPEGH/ISO/HEVC", "hevc"), Map.entry("V_AV1", "av1"),
            Map.entry("V_VP8", "vp8"), Map.entry("V_VP9", "vp9"), Map.entry("V_MPEG4/ISO/", "mpeg4"),
            Map.entry("V_MPEG4/MS/V3", "msmpeg4v3"), Map.entry("V_MPEG2", "mpeg2video"), Map.entry("V_MPEG1", "mpeg1video"),
            Map.entry("V_MJPEG", "mjpeg"), Map.entry("V_THEORA", "theora"), Map.entry("V_PRORES", "prores"),
            Map.entry("V_MPEGI/ISO/VVC", "vvc"), Map.entry("V_FFV1", "ffv1"),
            Map.entry("A_AAC", "aac"), Map.entry("A_AC3", "ac3"), Map.entry("A_EAC3", "eac3"), Map.entry("A_DTS", "dts"),
            Map.entry("A_OPUS", "opus"), Map.entry("A_VORBIS", "vorbis"), Map.entry("A_FLAC", "flac"),
            Map.entry("A_MPEG/L3", "mp3"), Map.entry("A_MPEG/L2", "mp2"), Map.entry("A_MPEG/L1", "mp1"),
            Map.entry("A_PCM/INT/LIT", "pcm_s16le"), Map.entry("A_PCM/INT/BIG", "pcm_s16be"),
            Map.entry("A_PCM/FLOAT/IEEE", "pcm_f32le"), Map.entry("A_ALAC", "alac"), Map.entry("A_TRUEHD", "truehd"));

    private CodecNames() {
    }

    /** A sample entry type; unknown codes are returned trimmed as they are, so a video track is never nameless. */
    public static String fromFourCc(String fourCc) {
        String name = FOURCC.get(fourCc.toLowerCase(Locale.ROOT));
        return name != null ? name : fourCc.strip().toLowerCase(Locale.ROOT);
    }

    /** An esds objectTypeIndication, or null when unknown. */
    public static String fromObjectType(int objectType) {
        return OBJECT_TYPE.get(objectType);
    }

    /** A Matroska CodecID; unknown ids come back lower-cased without their V_/A_ prefix. */
    public static String fromMatroska(String codecId) {
        String best = null;
        for (Map.Entry<String, String> e : MATROSKA.entrySet()) {
            if (codecId.startsWith(e.getKey()) && (best == null || e.getKey().length() > best.length())) {
                best = e.getKey();
            }
        }
        if (best != null) {
            return MATROSKA.get(best);
        }
        return codecId.replaceFirst("^[VAS]_", "").toLowerCase(Locale.ROOT);
    }
}
