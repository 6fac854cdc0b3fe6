package dev.mediapipeline.ingest.write;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A real JPEG whose metadata segments are replaced by hostile ones, written byte by byte: an EXIF Make of
 * ten thousand characters, an XMP packet with thousands of dc:subject keywords that points to about a
 * megabyte of extended XMP with tens of thousands more, an IPTC record with thousands of keywords and a
 * megabyte of comments. The image itself stays valid.
 */
final class HostileJpeg {

    static final int EXIF_MAKE_CHARS = 10_000;
    static final int XMP_KEYWORDS = 2_400;
    static final int EXTENDED_XMP_KEYWORDS = 30_000;
    static final int IPTC_KEYWORDS = 3_000;
    static final int COMMENT_BYTES = 1 << 20;

    private static final int SOS = 0xDA;
    private static final int MAX_PAYLOAD = 65_533;
    private static final String XMP_NS = "http://ns.adobe.com/xap/1.0/\0";
    private static final String EXTENDED_XMP_NS = "http://ns.adobe.com/xmp/extension/\0";

    private HostileJpeg() {
    }

    /** The image of {@code jpeg} (its tables, frame and scan) under the hostile segments. */
    static byte[] from(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4 << 20);
        out.write(0xFF);
        out.write(0xD8);
        segment(out, 0xE1, exif());
        byte[] extended = xmp("e", EXTENDED_XMP_KEYWORDS, "", "x".repeat(450_000));
        String guid = HexFormat.of().withUpperCase().formatHex(md5(extended));
        segment(out, 0xE1, concat(ascii(XMP_NS), xmp("k", XMP_KEYWORDS,
                " xmlns:xmpNote=\"http://ns.adobe.com/xmp/note/\" xmpNote:HasExtendedXMP=\"" + guid + "\"", "")));
        int chunk = MAX_PAYLOAD - EXTENDED_XMP_NS.length() - guid.length() - 8;
        for (int offset = 0; offset < extended.length; offset += chunk) {
            int length = Math.min(chunk, extended.length - offset);
            byte[] header = ByteBuffer.allocate(8).putInt(extended.length).putInt(offset).array();
            segment(out, 0xE1, concat(ascii(EXTENDED_XMP_NS + guid), header,
                    Arrays.copyOfRange(extended, offset, offset + length)));
        }
        segment(out, 0xED, photoshopIptc());
        byte[] comment = ascii("a comment nobody needs ".repeat(MAX_PAYLOAD / 23));
        for (int written = 0; written < COMMENT_BYTES; written += comment.length) {
            segment(out, 0xFE, comment);
        }
        copyImageSegments(jpeg, out);
        return out.toByteArray();
    }

    /** Everything of the original but its APPn and COM segments, from the first segment after SOI to the end. */
    private static void copyImageSegments(byte[] jpeg, ByteArrayOutputStream out) {
        int at = 2;
        while (at + 4 <= jpeg.length) {
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == SOS) {
                out.write(jpeg, at, jpeg.length - at);
                return;
            }
            int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
            boolean metadata = (marker >= 0xE1 && marker <= 0xEF) || marker == 0xFE;
            if (!metadata) {
                out.write(jpeg, at, 2 + length);
            }
            at += 2 + length;
        }
        throw new IllegalArgumentException("no start of scan in the JPEG");
    }

    /** TIFF, big-endian, one IFD0 entry: Make (ASCII) of {@value #EXIF_MAKE_CHARS} characters. */
    private static byte[] exif() {
        byte[] make = ascii("Make".repeat(EXIF_MAKE_CHARS / 4) + "\0");
        ByteBuffer tiff = ByteBuffer.allocate(26 + make.length)
                .put(ascii("MM")).putShort((short) 42).putInt(8)
                .putShort((short) 1)
                .putShort((short) 0x010F).putShort((short) 2).putInt(make.length).putInt(26)
                .putInt(0)
                .put(make);
        return concat(ascii("Exif\0\0"), tiff.array());
    }

    private static byte[] xmp(String prefix, int keywords, String extraNamespaces, String description) {
        StringBuilder x = new StringBuilder("<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"" + extraNamespaces + ">"
                + "<dc:subject><rdf:Bag>");
        for (int i = 0; i < keywords; i++) {
            x.append("<rdf:li>").append(prefix).append(i).append("</rdf:li>");
        }
        x.append("</rdf:Bag></dc:subject>");
        if (!description.isEmpty()) {
            x.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(description)
                    .append("</rdf:li></rdf:Alt></dc:description>");
        }
        x.append("</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>");
        return ascii(x.toString());
    }

    /** Photoshop APP13: one 8BIM resource 0x0404 holding IPTC record 2 keywords (dataset 25). */
    private static byte[] photoshopIptc() {
        ByteArrayOutputStream iptc = new ByteArrayOutputStream();
        for (int i = 0; i < IPTC_KEYWORDS; i++) {
            byte[] keyword = ascii("iptc" + i);
            iptc.write(0x1C);
            iptc.write(2);
            iptc.write(25);
            iptc.write(keyword.length >> 8);
            iptc.write(keyword.length);
            iptc.writeBytes(keyword);
        }
        if (iptc.size() % 2 == 1) {
            iptc.write(0);
        }
        byte[] data = iptc.toByteArray();
        ByteBuffer resource = ByteBuffer.allocate(12 + data.length)
                .put(ascii("8BIM")).putShort((short) 0x0404).putShort((short) 0).putInt(data.length).put(data);
        return concat(ascii("Photoshop 3.0\0"), resource.array());
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("segment payload of " + payload.length + " bytes");
        }
        out.write(0xFF);
        out.write(marker);
        out.write((payload.length + 2) >> 8);
        out.write(payload.length + 2);
        out.writeBytes(payload);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
