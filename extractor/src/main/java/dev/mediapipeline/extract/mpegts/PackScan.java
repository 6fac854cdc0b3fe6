package dev.mediapipeline.extract.mpegts;

import java.io.ByteArrayOutputStream;

/**
 * One pass over a window of an MPEG program stream (ISO/IEC 11172-1 or 13818-1: .mpg, .vob): from the first
 * pack header on, the PES packets of the first video and the first audio stream, their timestamps and the
 * first bytes of each elementary stream. MPEG-1 and MPEG-2 PES headers both occur.
 */
final class PackScan {

    private static final int PACK = 0xBA;
    private static final int SYSTEM_HEADER = 0xBB;
    private static final int PRIVATE_1 = 0xBD;
    private static final int VIDEO_START_BYTES = 256 * 1024;
    private static final int AUDIO_START_BYTES = 4 * 1024;

    int videoId = -1;
    int audioId = -1;
    /** The DVD sub-stream of private stream 1 that holds the audio, or -1. */
    int audioSubId = -1;
    /** How many audio and video streams the first system header announces, or -1 before one is seen. */
    int audioBound = -1;
    int videoBound = -1;
    final Timestamps videoPts = new Timestamps();
    final Timestamps audioPts = new Timestamps();
    final ByteArrayOutputStream videoStart = new ByteArrayOutputStream();
    final ByteArrayOutputStream audioStart = new ByteArrayOutputStream();

    /** A scan that takes the streams a previous scan chose (for the tail), or chooses them (null). */
    PackScan(PackScan known) {
        if (known != null) {
            videoId = known.videoId;
            audioId = known.audioId;
            audioSubId = known.audioSubId;
        }
    }

    void scan(byte[] d) {
        int at = nextPack(d, 0);
        while (at >= 0 && at + 6 <= d.length) {
            if (d[at] != 0 || d[at + 1] != 0 || d[at + 2] != 1) {
                // Lost sync (a damaged pack): pick up again at the next pack header.
                at = nextPack(d, at + 1);
                continue;
            }
            int code = d[at + 3] & 0xff;
            if (code == PACK) {
                at += packHeaderLength(d, at);
                continue;
            }
            if (code < SYSTEM_HEADER) {
                // A program end code or a stray elementary stream start code.
                at = nextPack(d, at + 4);
                continue;
            }
            int end = at + 6 + (((d[at + 4] & 0xff) << 8) | (d[at + 5] & 0xff));
            if (code == SYSTEM_HEADER) {
                systemHeader(d, at);
            } else {
                pes(d, at, Math.min(end, d.length), code);
            }
            at = end;
        }
    }

    /** After the start code and length: the rate bound (3 bytes), then audio_bound (6 bits) and video_bound (5). */
    private void systemHeader(byte[] d, int at) {
        if (audioBound < 0 && at + 11 <= d.length) {
            audioBound = (d[at + 9] & 0xff) >> 2;
            videoBound = d[at + 10] & 0x1f;
        }
    }

    private void pes(byte[] d, int at, int end, int streamId) {
        int p = at + 6;
        long pts = -1;
        if (p < end && (d[p] & 0xC0) == 0x80) {
            // MPEG-2 PES header: flags, header length, then the PTS when its flag is set.
            if (p + 3 > end) {
                return;
            }
            if ((d[p + 1] & 0x80) != 0 && p + 8 <= end) {
                pts = Timestamps.decode(d, p + 3);
            }
            p += 3 + (d[p + 2] & 0xff);
        } else {
            // MPEG-1: stuffing, an optional STD buffer size, then a PTS (and DTS) or 0x0F.
            while (p < end && (d[p] & 0xff) == 0xFF) {
                p++;
            }
            if (p < end && (d[p] & 0xC0) == 0x40) {
                p += 2;
            }
            if (p < end && (d[p] & 0xE0) == 0x20) {
                pts = p + 5 <= end ? Timestamps.decode(d, p) : -1;
                p += (d[p] & 0x10) != 0 ? 10 : 5;
            } else {
                p++;
            }
        }
        if (p >= end) {
            return;
        }
        if (isVideo(streamId)) {
            if (videoId < 0) {
                videoId = streamId;
            }
            if (streamId == videoId) {
                keep(d, p, end, pts, videoPts, videoStart, VIDEO_START_BYTES);
            }
        } else if (isAudio(streamId, d[p] & 0xff)) {
            int sub = streamId == PRIVATE_1 ? d[p] & 0xff : -1;
            if (audioId < 0) {
                audioId = streamId;
                audioSubId = sub;
            }
            if (streamId == audioId && sub == audioSubId) {
                keep(d, p, end, pts, audioPts, audioStart, AUDIO_START_BYTES);
            }
        }
    }

    private static void keep(byte[] d, int from, int end, long pts, Timestamps timestamps, ByteArrayOutputStream start,
                             int max) {
        if (pts >= 0) {
            timestamps.add(pts);
        }
        if (start.size() < max) {
            start.write(d, from, Math.min(end - from, max - start.size()));
        }
    }

    static boolean isVideo(int streamId) {
        return (streamId & 0xF0) == 0xE0;
    }

    /** MPEG audio streams, and the AC-3, DTS and LPCM sub-streams of DVD's private stream 1. */
    private static boolean isAudio(int streamId, int subId) {
        return (streamId & 0xE0) == 0xC0 || streamId == PRIVATE_1 && (subId >= 0x80 && subId <= 0x8F
                || subId >= 0xA0 && subId <= 0xA7);
    }

    /** A pack header: 12 bytes in MPEG-1; 14 plus stuffing in MPEG-2 (marked by '01' in its fifth byte). */
    private static int packHeaderLength(byte[] d, int at) {
        if (at + 5 > d.length) {
            return d.length - at;
        }
        if ((d[at + 4] & 0xC0) != 0x40) {
            return 12;
        }
        return at + 14 <= d.length ? 14 + (d[at + 13] & 0x07) : d.length - at;
    }

    private static int nextPack(byte[] d, int from) {
        for (int i = from; i + 3 < d.length; i++) {
            if (d[i] == 0 && d[i + 1] == 0 && d[i + 2] == 1 && (d[i + 3] & 0xff) == PACK) {
                return i;
            }
        }
        return -1;
    }
}
