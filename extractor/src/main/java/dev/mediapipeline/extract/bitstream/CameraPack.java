package dev.mediapipeline.extract.bitstream;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The camera's Modified DV Pack Metadata (MDPM) that AVCHD cameras put in the H.264 stream: an SEI message of
 * unregistered user data with UUID 17ee8c60-f84d-11d9-8cd6-0800200c9a66 followed by "MDPM", then a count and
 * that many 5-byte packs (a tag, 4 bytes). Decoded as exiftool decodes it (Image::ExifTool::H264): the
 * recording time in BCD with its zone (tags 0x18-0x19), the maker's code (0xe0) and, on Sony cameras, the
 * model name (0xe4-0xe6).
 *
 * @param make             the maker's name, or null for a code exiftool does not know
 * @param model            the model name (Sony only), or null
 * @param dateTimeOriginal "yyyy:MM:dd HH:mm:ss", or null
 * @param offset           the zone of that time, "+hh:mm", or null
 */
public record CameraPack(String make, String model, String dateTimeOriginal, String offset) {

    private static final int SEI = 6;
    private static final int USER_DATA_UNREGISTERED = 5;
    /** The end of an SEI payload list (rbsp trailing bits), as exiftool treats it. */
    private static final int TRAILING = 0x80;
    private static final byte[] MDPM_UUID = {0x17, (byte) 0xee, (byte) 0x8c, 0x60, (byte) 0xf8, 0x4d, 0x11, (byte) 0xd9,
            (byte) 0x8c, (byte) 0xd6, 0x08, 0x00, 0x20, 0x0c, (byte) 0x9a, 0x66, 'M', 'D', 'P', 'M'};
    private static final int DATE = 0x18;
    private static final int TIME = 0x19;
    private static final int MAKE = 0xe0;
    private static final int MODEL = 0xe4;
    private static final int MODEL_PACKS = 3;
    private static final Map<Integer, String> MAKERS = Map.of(
            0x0103, "Panasonic", 0x0108, "Sony", 0x1011, "Canon", 0x1104, "JVC");

    /** The first MDPM in the SEI units of an H.264 byte stream (Annex B), or null. */
    public static CameraPack find(byte[] annexB) {
        for (byte[] sei : ElementaryStreams.nals(annexB, header -> (header & 0x1f) == SEI)) {
            Map<Integer, byte[]> packs = packs(BitReader.unescape(sei, 1, sei.length));
            if (packs != null) {
                return decode(packs);
            }
        }
        return null;
    }

    /** The packs of the MDPM message among this SEI unit's messages, by tag; null when it has none. */
    private static Map<Integer, byte[]> packs(byte[] sei) {
        int at = 0;
        while (at < sei.length) {
            int type = 0;
            int t;
            do {
                t = sei[at++] & 0xff;
                type += t;
            } while (t == 0xff && at < sei.length);
            if (type == TRAILING || at >= sei.length) {
                return null;
            }
            int size = 0;
            do {
                t = sei[at++] & 0xff;
                size += t;
            } while (t == 0xff && at < sei.length);
            if (at + size > sei.length) {
                return null;
            }
            if (type == USER_DATA_UNREGISTERED && size > MDPM_UUID.length && isMdpm(sei, at)) {
                return entries(sei, at + MDPM_UUID.length, at + size);
            }
            at += size;
        }
        return null;
    }

    private static boolean isMdpm(byte[] d, int at) {
        for (int i = 0; i < MDPM_UUID.length; i++) {
            if (d[at + i] != MDPM_UUID[i]) {
                return false;
            }
        }
        return true;
    }

    /** The packs in tag order; like exiftool, the walk stops at a tag out of order. */
    private static Map<Integer, byte[]> entries(byte[] d, int at, int end) {
        Map<Integer, byte[]> packs = new HashMap<>();
        int count = d[at++] & 0xff;
        int last = -1;
        for (int i = 0; i < count && at + 5 <= end; i++, at += 5) {
            int tag = d[at] & 0xff;
            if (tag <= last) {
                break;
            }
            last = tag;
            packs.put(tag, new byte[] {d[at + 1], d[at + 2], d[at + 3], d[at + 4]});
        }
        return packs;
    }

    private static CameraPack decode(Map<Integer, byte[]> packs) {
        String date = null;
        String offset = null;
        byte[] d = packs.get(DATE);
        byte[] t = packs.get(TIME);
        if (d != null && t != null) {
            date = String.format("%02x%02x:%02x:%02x %02x:%02x:%02x", d[1], d[2], d[3], t[0], t[1], t[2], t[3]);
            // The zone byte: 0x20 west of UTC, hours in 0x1e, 0x01 half an hour (0x40 daylight saving time).
            int zone = d[0] & 0xff;
            offset = String.format("%s%02d:%s", (zone & 0x20) != 0 ? "-" : "+", (zone >> 1) & 0x0f,
                    (zone & 0x01) != 0 ? "30" : "00");
        }
        byte[] make = packs.get(MAKE);
        String maker = make == null ? null : MAKERS.get(((make[0] & 0xff) << 8) | (make[1] & 0xff));
        return new CameraPack(maker, "Sony".equals(maker) ? model(packs) : null, date, offset);
    }

    /** Up to 12 characters over consecutive packs 0xe4-0xe6, ending at the first NUL. */
    private static String model(Map<Integer, byte[]> packs) {
        StringBuilder name = new StringBuilder();
        for (int tag = MODEL; tag < MODEL + MODEL_PACKS && packs.containsKey(tag); tag++) {
            name.append(new String(packs.get(tag), StandardCharsets.ISO_8859_1));
        }
        int nul = name.indexOf("\0");
        String model = (nul >= 0 ? name.substring(0, nul) : name.toString()).trim();
        return model.isEmpty() ? null : model;
    }
}
