package dev.mediapipeline.extract.sniff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mediapipeline.extract.read.BlockReader;
import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.read.FileByteSource;
import dev.mediapipeline.extract.testing.Encoder;
import dev.mediapipeline.extract.testing.SampleCorpus;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signature fast path must never change a content type: on real files (the sample corpus, media
 * encoded here by ffmpeg and ImageIO) and on byte-built edge cases, {@link Sniffer#sniff} must say exactly
 * what Tika's magic alone says. The fast path must also actually answer for the formats we extract, or
 * every file would still pay for Tika.
 */
class SnifferAgreesWithTikaTest {

    @TempDir
    Path dir;

    @Test
    void everyCorpusFileGetsTikasAnswerAndEveryExtractableOneWithoutTika() throws IOException {
        List<Path> files = SampleCorpus.list();
        assertThat(files).as("every file reference.jsonl lists").hasSize(SampleCorpus.references().size());
        Map<String, String> leftToTika = new LinkedHashMap<>();
        for (Path file : files) {
            Sniffed tika = assertAgreesWithTika(file);
            if (!tika.contentType().equals("application/octet-stream")) {
                byte[] head = head(file, Signatures.HEAD_BYTES);
                if (Signatures.contentType(head, head.length) == null) {
                    leftToTika.put(file.getFileName().toString(), tika.contentType());
                }
            }
        }
        assertThat(leftToTika).as("corpus files of known formats that still go through Tika").isEmpty();
    }

    @Test
    void freshlyEncodedContainersGetTikasAnswer() throws Exception {
        assumeTrue(Encoder.ffmpegAvailable(), "no /usr/bin/ffmpeg");
        List<String> input = List.of("-f", "lavfi", "-i", "testsrc=size=64x48:rate=10", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=8000", "-t", "0.3");
        Map<String, List<String>> outputs = new LinkedHashMap<>();
        outputs.put("isom.mp4", List.of("-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac"));
        outputs.put("mp42.mp4", List.of("-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-brand", "mp42"));
        outputs.put("fragmented.mp4", List.of("-c:v", "libx264", "-preset", "ultrafast", "-an", "-movflags",
                "+frag_keyframe+empty_moov"));
        outputs.put("video.mov", List.of("-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac"));
        outputs.put("video.3gp", List.of("-c:v", "h263", "-s", "176x144", "-c:a", "aac", "-ar", "8000", "-ac", "1"));
        outputs.put("video.3g2", List.of("-c:v", "h263", "-s", "176x144", "-c:a", "aac", "-ar", "8000", "-ac", "1"));
        outputs.put("audio.m4a", List.of("-vn", "-c:a", "aac"));
        outputs.put("video.mkv", List.of("-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac"));
        outputs.put("video.webm", List.of("-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-c:a",
                "libopus"));
        outputs.put("video.avi", List.of("-c:v", "mpeg4", "-c:a", "libmp3lame"));
        outputs.put("video.flv", List.of("-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac"));
        outputs.put("video.ts", List.of("-c:v", "libx264", "-preset", "ultrafast", "-c:a", "mp2"));
        outputs.put("video.m2ts", List.of("-c:v", "libx264", "-preset", "ultrafast", "-c:a", "mp2", "-f", "mpegts",
                "-mpegts_m2ts_mode", "1"));
        outputs.put("still.webp", List.of("-frames:v", "1", "-an", "-c:v", "libwebp"));
        outputs.put("video.mpg", List.of("-c:v", "mpeg2video", "-c:a", "mp2", "-f", "mpeg"));
        outputs.put("video.m2v", List.of("-c:v", "mpeg2video", "-an"));
        Map<String, String> sniffed = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> o : outputs.entrySet()) {
            List<String> args = new ArrayList<>(input);
            args.addAll(o.getValue());
            Path file = Encoder.ffmpeg(dir.resolve(o.getKey()), args);
            sniffed.put(o.getKey(), assertAgreesWithTika(file).contentType());
        }
        // the answers themselves, so that a fast path and a Tika that both went wrong cannot pass
        assertThat(sniffed).containsEntry("isom.mp4", "video/quicktime").containsEntry("mp42.mp4", "video/mp4")
                .containsEntry("video.3gp", "video/3gpp").containsEntry("video.3g2", "video/3gpp2")
                .containsEntry("audio.m4a", "audio/mp4").containsEntry("video.mkv", "application/x-matroska")
                .containsEntry("video.webm", "application/x-matroska").containsEntry("video.avi", "video/x-msvideo")
                .containsEntry("video.flv", "video/x-flv").containsEntry("video.ts", "video/mp2t")
                .containsEntry("video.m2ts", "video/mp2t").containsEntry("still.webp", "image/webp")
                .containsEntry("video.mpg", "video/mpeg").containsEntry("video.m2v", "video/mpeg");
    }

    @Test
    void imagesWrittenByImageIoGetTikasAnswer() throws IOException {
        BufferedImage image = new BufferedImage(33, 17, BufferedImage.TYPE_3BYTE_BGR);
        image.setRGB(5, 5, 0x336699);
        Map<String, String> sniffed = new LinkedHashMap<>();
        for (String format : List.of("jpeg", "png", "gif", "bmp", "tiff")) {
            Path file = dir.resolve("image." + format);
            assertThat(ImageIO.write(image, format, file.toFile())).as(format).isTrue();
            sniffed.put(format, assertAgreesWithTika(file).contentType());
        }
        assertThat(sniffed).containsEntry("jpeg", "image/jpeg").containsEntry("png", "image/png")
                .containsEntry("gif", "image/gif").containsEntry("bmp", "image/bmp").containsEntry("tiff", "image/tiff");
    }

    @Test
    void everyTruncationOfEverySignatureGetsTikasAnswer() throws IOException {
        List<byte[]> headers = List.of(
                bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0),
                bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'),
                ascii("GIF89a\u0001\u0000\u0001\u0000"),
                ascii("RIFF\u0010\u0000\u0000\u0000WEBPVP8 "),
                ascii("RIFF\u0010\u0000\u0000\u0000AVI LIST"),
                ascii("II*\u0000\u0008\u0000\u0000\u0000\u0000\u0000"),
                ascii("MM\u0000*\u0000\u0000\u0000\u0008\u0000\u0000"),
                bmp(24),
                ascii("FLV\u0001\u0005\u0000\u0000\u0000\u0009"),
                bytes(0x1A, 0x45, 0xDF, 0xA3, 0x93, 0x42, 0x82, 0x88, 'm', 'a', 't', 'r', 'o', 's', 'k', 'a', 0x42),
                ftyp("heic"), ftyp("isom"), ftyp("mp42"), transportStream(3),
                bytes(0, 0, 1, 0xBA, 0x44, 0, 4, 0, 4, 1), bytes(0, 0, 1, 0xB3, 0x14, 0, 0xF0, 0x13));
        for (byte[] header : headers) {
            for (int n = 0; n <= header.length; n++) {
                assertAgreesWithTika(write("truncated.bin", Arrays.copyOf(header, n)));
            }
        }
    }

    @Test
    void everyFtypBrandInTikasRulesGetsTikasAnswer() throws IOException {
        TreeSet<String> brands = new TreeSet<>(List.of("isom", "iso6", "avc1", "qt  ", "dash", "XAVC", "mp71"));
        Matcher m = Pattern.compile("value=\"ftyp(.{4})\"").matcher(tikaRules());
        while (m.find()) {
            brands.add(m.group(1));
        }
        assertThat(brands).contains("mp41", "3gp5", "heic", "avif", "M4A ");
        for (String brand : brands) {
            assertAgreesWithTika(write("brand.bin", ftyp(brand)));
        }
    }

    @Test
    void contentWinsOverTheNameAndLookAlikesAreLeftToTika() throws IOException {
        byte[] jpeg = bytes(0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10, 'E', 'x', 'i', 'f', 0, 0);
        assertThat(assertAgreesWithTika(write("photo.mkv", jpeg)).contentType()).isEqualTo("image/jpeg");

        // a Canon CR2 is a TIFF to the eye but not to Tika
        byte[] cr2 = ascii("II*\u0000\u0010\u0000\u0000\u0000CR\u0002\u0000");
        assertThat(Signatures.contentType(cr2, cr2.length)).isNull();
        assertThat(assertAgreesWithTika(write("raw.cr2", cr2)).contentType()).isEqualTo("image/x-canon-cr2");

        assertAgreesWithTika(write("sound.wav", ascii("RIFF\u0024\u0000\u0000\u0000WAVEfmt ")));
        assertAgreesWithTika(write("doc.webm", ascii("\u001AE\u00DF\u00A3\u009FB\u0086\u0081\u0001B\u0082\u0084webm")));
        assertAgreesWithTika(write("bad-plane.bmp", Arrays.copyOf(bmp(24), 26)));
        byte[] odd = bmp(24);
        odd[28] = 12;
        assertAgreesWithTika(write("odd-bits.bmp", odd));
        // sync bytes where a TS has them, but nothing else of a TS: Tika's text fallback decides
        byte[] text = new byte[600];
        Arrays.fill(text, (byte) 'a');
        text[0] = text[188] = text[376] = 0x47;
        assertAgreesWithTika(write("text.ts", text));
    }

    /** Asserts that the sniffer's answer for {@code file} is Tika's, and returns it. */
    private static Sniffed assertAgreesWithTika(Path file) throws IOException {
        Sniffed tika = Sniffer.fromTika(head(file, TikaMagic.HEAD_BYTES));
        try (FileByteSource source = new FileByteSource(file)) {
            Sniffed sniffed = new Sniffer().sniff(new BlockReader(source, ExtractionLimits.defaults()));
            assertThat(sniffed).as("%s (%d bytes)", file.getFileName(), Files.size(file)).isEqualTo(tika);
        }
        return tika;
    }

    private static byte[] head(Path file, int max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        }
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static String tikaRules() throws IOException {
        try (InputStream in = MimeTypes.class.getResourceAsStream("tika-mimetypes.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] ftyp(String brand) {
        byte[] box = new byte[24];
        box[3] = 24;
        System.arraycopy(ascii("ftyp" + brand + "\u0000\u0000\u0000\u0000" + brand), 0, box, 4, 12);
        return box;
    }

    /** A BITMAPFILEHEADER + BITMAPINFOHEADER of a 1x1 image with this bit count. */
    private static byte[] bmp(int bits) {
        byte[] b = new byte[58];
        b[0] = 'B';
        b[1] = 'M';
        b[2] = 58;
        b[10] = 54;
        b[14] = 40;
        b[18] = 1;
        b[22] = 1;
        b[26] = 1;
        b[28] = (byte) bits;
        return b;
    }

    /** Packets of PID 0 with payload only, as a TS starts (a PAT). */
    private static byte[] transportStream(int packets) {
        byte[] ts = new byte[packets * 188];
        for (int p = 0; p < packets; p++) {
            ts[p * 188] = 0x47;
            ts[p * 188 + 1] = 0x40;
            ts[p * 188 + 3] = 0x10;
            Arrays.fill(ts, p * 188 + 4 + 20, (p + 1) * 188, (byte) 0xFF);
        }
        return ts;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
