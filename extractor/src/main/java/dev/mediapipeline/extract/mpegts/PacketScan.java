package dev.mediapipeline.extract.mpegts;

import dev.mediapipeline.extract.bitstream.H263Picture;
import java.io.ByteArrayOutputStream;
import java.util.Map;

/**
 * One pass over a window of transport stream packets: program tables (unless already known), PES
 * timestamps of the chosen video and audio streams, and the first bytes of each elementary stream.
 */
final class PacketScan {

    private static final int SYNC = 0x47;
    private static final int PAT_PID = 0;
    private static final int VIDEO_START_BYTES = 256 * 1024;
    private static final int AUDIO_START_BYTES = 4 * 1024;

    /** ISO/IEC 13818-1 stream_type → ffprobe codec name. */
    private static final Map<Integer, String> VIDEO_TYPES = Map.of(
            0x01, "mpeg1video", 0x02, "mpeg2video", 0x10, "mpeg4", 0x1B, "h264", 0x24, "hevc",
            0x33, "vvc", 0xEA, "vc1", 0x42, "cavs", 0xD1, "dirac");
    private static final Map<Integer, String> AUDIO_TYPES = Map.of(
            0x03, "mpeg-audio", 0x04, "mpeg-audio", 0x0F, "aac", 0x11, "aac_latm", 0x81, "ac3", 0x87, "eac3",
            0x82, "dts", 0x80, "pcm_bluray");
    /** Descriptors that name the codec of a private (0x06) stream. */
    private static final Map<Integer, String> PRIVATE_DESCRIPTORS = Map.of(0x6A, "ac3", 0x7A, "eac3", 0x7B, "dts");

    final Programs programs;
    final Timestamps videoPts = new Timestamps();
    final Timestamps audioPts = new Timestamps();
    final ByteArrayOutputStream videoStart = new ByteArrayOutputStream();
    final ByteArrayOutputStream audioStart = new ByteArrayOutputStream();

    PacketScan(Programs known) {
        this.programs = known != null ? known : new Programs();
    }

    /** Scans the whole packets of {@code data} from {@code from}, where one begins. */
    void scan(byte[] data, int from, int skip, int packetSize) {
        for (int at = from; at + packetSize <= data.length; at += packetSize) {
            int p = at + skip;
            if ((data[p] & 0xff) != SYNC) {
                continue;
            }
            boolean unitStart = (data[p + 1] & 0x40) != 0;
            int pid = ((data[p + 1] & 0x1f) << 8) | (data[p + 2] & 0xff);
            int adaptation = (data[p + 3] >> 4) & 3;
            int payload = p + 4;
            if ((adaptation & 2) != 0) {
                payload += 1 + (data[p + 4] & 0xff);
            }
            int end = p + 188;
            if ((adaptation & 1) == 0 || payload >= end) {
                continue;
            }
            if (pid == PAT_PID && unitStart && programs.pmtPid < 0) {
                patSection(data, payload, end);
            } else if (pid == programs.pmtPid && unitStart && !programs.complete()) {
                pmtSection(data, payload, end);
            } else if (pid == programs.privatePid && programs.videoPid < 0 && unitStart && isH263(data, payload, end)) {
                programs.videoPid = pid;
                programs.videoCodec = "h263";
            }
            if (pid == programs.videoPid) {
                pes(data, payload, end, unitStart, videoPts, videoStart, VIDEO_START_BYTES);
            } else if (pid == programs.audioPid) {
                pes(data, payload, end, unitStart, audioPts, audioStart, AUDIO_START_BYTES);
            }
        }
    }

    private void patSection(byte[] d, int payload, int end) {
        int s = payload + 1 + (d[payload] & 0xff);
        if (s + 8 > end || d[s] != 0) {
            return;
        }
        int sectionEnd = Math.min(end, s + 3 + (((d[s + 1] & 0x0f) << 8) | (d[s + 2] & 0xff)) - 4);
        for (int e = s + 8; e + 4 <= sectionEnd; e += 4) {
            int program = ((d[e] & 0xff) << 8) | (d[e + 1] & 0xff);
            if (program != 0) {
                programs.pmtPid = ((d[e + 2] & 0x1f) << 8) | (d[e + 3] & 0xff);
                return;
            }
        }
    }

    private void pmtSection(byte[] d, int payload, int end) {
        int s = payload + 1 + (d[payload] & 0xff);
        if (s + 12 > end || d[s] != 2) {
            return;
        }
        int sectionEnd = Math.min(end, s + 3 + (((d[s + 1] & 0x0f) << 8) | (d[s + 2] & 0xff)) - 4);
        int programInfo = ((d[s + 10] & 0x0f) << 8) | (d[s + 11] & 0xff);
        for (int e = s + 12 + programInfo; e + 5 <= sectionEnd; ) {
            int type = d[e] & 0xff;
            int pid = ((d[e + 1] & 0x1f) << 8) | (d[e + 2] & 0xff);
            int infoLength = ((d[e + 3] & 0x0f) << 8) | (d[e + 4] & 0xff);
            String video = VIDEO_TYPES.get(type);
            String audio = type == 0x06 ? privateCodec(d, e + 5, Math.min(sectionEnd, e + 5 + infoLength))
                    : AUDIO_TYPES.get(type);
            if (type == 0x06 && audio == null && programs.privatePid < 0) {
                programs.privatePid = pid;
            } else if (video != null && programs.videoPid < 0) {
                programs.videoPid = pid;
                programs.videoCodec = video;
            } else if (audio != null && programs.audioPid < 0) {
                programs.audioPid = pid;
                programs.audioCodec = audio;
            }
            e += 5 + infoLength;
        }
    }

    private static String privateCodec(byte[] d, int from, int to) {
        for (int i = from; i + 2 <= to; i += 2 + (d[i + 1] & 0xff)) {
            String codec = PRIVATE_DESCRIPTORS.get(d[i] & 0xff);
            if (codec != null) {
                return codec;
            }
            if ((d[i] & 0xff) == 0x05 && i + 6 <= to) {
                String id = new String(d, i + 2, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
                switch (id) {
                    case "AC-3": return "ac3";
                    case "EAC3": return "eac3";
                    case "Opus": return "opus";
                    default: break;
                }
            }
        }
        return null;
    }

    /** A PES packet of a video stream (stream id 0xE0-0xEF) whose data starts with an H.263 picture. */
    private static boolean isH263(byte[] d, int payload, int end) {
        if (payload + 9 > end || d[payload] != 0 || d[payload + 1] != 0 || d[payload + 2] != 1
                || (d[payload + 3] & 0xf0) != 0xE0) {
            return false;
        }
        return H263Picture.startsWithPicture(d, payload + 9 + (d[payload + 8] & 0xff), end);
    }

    private static void pes(byte[] d, int payload, int end, boolean unitStart, Timestamps pts,
                            ByteArrayOutputStream start, int keep) {
        int data = payload;
        if (unitStart) {
            if (payload + 9 > end || d[payload] != 0 || d[payload + 1] != 0 || d[payload + 2] != 1) {
                return;
            }
            int flags = d[payload + 7] & 0xff;
            int headerLength = d[payload + 8] & 0xff;
            if ((flags & 0x80) != 0 && payload + 14 <= end) {
                pts.add(Timestamps.decode(d, payload + 9));
            }
            data = payload + 9 + headerLength;
        }
        if (data < end && start.size() < keep) {
            start.write(d, data, Math.min(end - data, keep - start.size()));
        }
    }
}
