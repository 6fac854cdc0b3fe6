package dev.mediapipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mediapipeline.extract.read.ExtractionLimits;
import dev.mediapipeline.extract.read.FileByteSource;
import dev.mediapipeline.extract.testing.SampleCorpus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Extracts every file of the sample corpus ({@link SampleCorpus}: the repository's own, or the set
 * {@code -Dcorpus.dir} names) and compares with what exiftool and ffprobe say (reference.jsonl). Prints which set
 * it scored and a per-field agreement table, and fails when any field agrees on fewer than 98 % of the files
 * where either side has a value. Rows with caveats are scored as the caveat says.
 */
class CorpusAccuracyTest {

    private static final double REQUIRED = 0.98;

    /** One field's verdict on one file. */
    private enum Verdict { MATCH, MISMATCH, NOT_SCORED }

    private record Row(JsonNode ref, MediaMetadata actual) {
        boolean caveat(String prefix) {
            for (JsonNode c : ref.path("caveats")) {
                if (c.asText().startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        String text(String field) {
            JsonNode n = ref.get(field);
            return n == null || n.isNull() ? null : n.asText();
        }

        Double number(String field) {
            JsonNode n = ref.get(field);
            return n == null || n.isNull() ? null : n.asDouble();
        }
    }

    private interface Field {
        Verdict score(Row row, StringBuilder detail);
    }

    @Test
    void agreesWithExiftoolAndFfprobe() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (JsonNode ref : SampleCorpus.references()) {
            try (FileByteSource source = new FileByteSource(SampleCorpus.file(ref))) {
                rows.add(new Row(ref, MediaExtraction.extract(source, ExtractionLimits.defaults())));
            }
        }
        assertThat(rows).as("a reference for every file in %s", SampleCorpus.files()).hasSize(SampleCorpus.list().size());
        System.out.printf("%nscored the sample corpus at %s: %d files%n", SampleCorpus.dir(), rows.size());

        Map<String, Field> fields = new LinkedHashMap<>();
        fields.put("Type", CorpusAccuracyTest::type);
        fields.put("Width/Height", CorpusAccuracyTest::dimensions);
        fields.put("Duration", CorpusAccuracyTest::duration);
        fields.put("FrameRate", CorpusAccuracyTest::frameRate);
        fields.put("TakenAt", CorpusAccuracyTest::takenAt);
        fields.put("CameraMake", (r, d) -> sameText(r.text("make"), r.actual().cameraMake(), d));
        fields.put("CameraModel", (r, d) -> sameText(r.text("model"), r.actual().cameraModel(), d));
        fields.put("GpsLatitude/Longitude", CorpusAccuracyTest::gps);
        fields.put("GpsAltitude", CorpusAccuracyTest::altitude);
        fields.put("VideoCodec", (r, d) -> sameText(r.text("videoCodec"), r.actual().videoCodec(), d));
        fields.put("AudioCodec", (r, d) -> sameText(r.text("audioCodec"), r.actual().audioCodec(), d));

        StringBuilder report = new StringBuilder(String.format("%n%-24s %7s %7s %8s%n", "field", "scored", "agree", "rate"));
        StringBuilder mismatches = new StringBuilder();
        Map<String, Double> rates = new LinkedHashMap<>();
        for (Map.Entry<String, Field> field : fields.entrySet()) {
            int scored = 0;
            int agree = 0;
            for (Row row : rows) {
                StringBuilder detail = new StringBuilder();
                Verdict v = field.getValue().score(row, detail);
                if (v == Verdict.NOT_SCORED) {
                    continue;
                }
                scored++;
                if (v == Verdict.MATCH) {
                    agree++;
                } else {
                    mismatches.append(String.format("  %-22s %s: %s%n", field.getKey(),
                            Path.of(row.ref().get("path").asText()).getFileName(), detail));
                }
            }
            double rate = scored == 0 ? 1.0 : agree / (double) scored;
            rates.put(field.getKey(), rate);
            report.append(String.format("%-24s %7d %7d %7.1f%%%n", field.getKey(), scored, agree, rate * 100));
        }
        System.out.println(report);
        System.out.println("mismatches:\n" + mismatches);
        assertThat(rates).allSatisfy((field, rate) -> assertThat(rate).as(field).isGreaterThanOrEqualTo(REQUIRED));
    }

    /** Audio-only containers are "other"; files no tool recognises too. */
    private static Verdict type(Row r, StringBuilder d) {
        String expected = switch (r.ref().path("category").asText()) {
            case "image" -> "image";
            case "video" -> r.caveat("no video stream") ? "other" : "video";
            default -> "other";
        };
        String actual = r.actual().type().wireName();
        d.append("expected ").append(expected).append(", got ").append(actual);
        return expected.equals(actual) ? Verdict.MATCH : Verdict.MISMATCH;
    }

    private static Verdict dimensions(Row r, StringBuilder d) {
        Double w = r.number("displayWidth");
        Double h = r.number("displayHeight");
        Integer aw = r.actual().width();
        Integer ah = r.actual().height();
        d.append("expected ").append(w).append('x').append(h).append(", got ").append(aw).append('x').append(ah);
        if (w == null && aw == null) {
            return Verdict.NOT_SCORED;
        }
        if (w == null || aw == null) {
            return noReference(r) && w == null ? Verdict.NOT_SCORED : Verdict.MISMATCH;
        }
        boolean exact = w.intValue() == aw && h.intValue() == ah;
        // HEIF with EXIF orientation but no irot: the reference applied EXIF, the HEIF spec says not to.
        boolean eitherWay = r.caveat("HEIF has EXIF Orientation=6 but no irot") && w.intValue() == ah && h.intValue() == aw;
        return exact || eitherWay ? Verdict.MATCH : Verdict.MISMATCH;
    }

    private static Verdict duration(Row r, StringBuilder d) {
        Double expected = r.number("durationSeconds");
        Long actual = r.actual().durationMillis();
        d.append("expected ").append(expected).append(" s, got ").append(actual).append(" ms");
        if (r.caveat("ffprobe gives no duration")) {
            return Verdict.NOT_SCORED;
        }
        if (expected == null || actual == null) {
            return expected == null && actual == null ? Verdict.NOT_SCORED : Verdict.MISMATCH;
        }
        boolean close = Math.abs(expected * 1000 - actual) <= 50;
        boolean exiftoolAgrees = r.caveat("duration disagrees") && r.number("exiftoolDuration") != null
                && Math.abs(r.number("exiftoolDuration") * 1000 - actual) <= 50;
        return close || exiftoolAgrees ? Verdict.MATCH : Verdict.MISMATCH;
    }

    private static Verdict frameRate(Row r, StringBuilder d) {
        Double expected = r.number("frameRate");
        Double actual = r.actual().frameRate();
        d.append("expected ").append(expected).append(", got ").append(actual);
        if (expected == null || actual == null) {
            return expected == null && actual == null ? Verdict.NOT_SCORED : Verdict.MISMATCH;
        }
        if (r.caveat("avg_frame_rate")) {
            // The reference is ffprobe's r_frame_rate: the lowest rate on which every timestamp falls. With
            // 1 ms timestamps stepping 33/34 ms that is 60 for a 30 fps stream, so half of it is right too.
            return near(actual, expected, 0.05) || near(actual, expected / 2, 0.05) ? Verdict.MATCH : Verdict.MISMATCH;
        }
        return near(actual, expected, 0.01) ? Verdict.MATCH : Verdict.MISMATCH;
    }

    private static boolean near(double actual, double expected, double tolerance) {
        return Math.abs(actual - expected) <= expected * tolerance;
    }

    /** exiftool or ffprobe could not read the file: a missing reference value says nothing. */
    private static boolean noReference(Row r) {
        return r.caveat("exiftool error") || r.caveat("ffprobe failed");
    }

    /**
     * DateTimeOriginal (+ OffsetTimeOriginal), else CreateDate; QuickTime's CreateDate is UTC. Compared to the
     * second; when the reference has an offset the instants must be equal.
     */
    private static Verdict takenAt(Row r, StringBuilder d) {
        boolean video = "video".equals(r.ref().path("category").asText());
        String expected = CaptureTime.parse(r.text("dateTimeOriginal"), null, r.text("offsetTimeOriginal")).orElse(null);
        if (expected == null) {
            expected = CaptureTime.parse(r.text("createDate"), null, video ? "Z" : null).orElse(null);
        }
        String actual = r.actual().takenAt();
        d.append("expected ").append(expected).append(", got ").append(actual);
        if (expected == null || actual == null) {
            return expected == null && actual == null ? Verdict.NOT_SCORED : Verdict.MISMATCH;
        }
        boolean expectedZoned = hasOffset(expected);
        if (expectedZoned) {
            return hasOffset(actual) && OffsetDateTime.parse(expected).truncatedTo(ChronoUnit.SECONDS).toInstant()
                    .equals(OffsetDateTime.parse(actual).truncatedTo(ChronoUnit.SECONDS).toInstant())
                    ? Verdict.MATCH : Verdict.MISMATCH;
        }
        return local(expected).equals(local(actual)) ? Verdict.MATCH : Verdict.MISMATCH;
    }

    private static boolean hasOffset(String iso) {
        return iso.endsWith("Z") || iso.matches(".*[+-]\\d{2}:\\d{2}$");
    }

    private static LocalDateTime local(String iso) {
        String local = hasOffset(iso) ? iso.replaceFirst("(Z|[+-]\\d{2}:\\d{2})$", "") : iso;
        return LocalDateTime.parse(local).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Reference values that are wrong, each checked by hand with {@code exiftool -v3}. exiftool -n prints the
     * FLIR GPSInfo longitude as stored, without applying its GPSLongitudeRef "W" (the photo is of Los Angeles).
     */
    private static final Map<String, double[]> CORRECTED_POSITIONS = Map.of(
            "files/drewnoakes_metadata-extractor-images__jpg__FLIR iPhone device.jpg",
            new double[] {34.0754261592891, -118.254268165533});

    /** A (0, 0) position is a camera without a fix; the extractor leaves it out, so the reference's is ignored. */
    private static Verdict gps(Row r, StringBuilder d) {
        double[] corrected = CORRECTED_POSITIONS.get(r.ref().get("path").asText());
        Double lat = corrected != null ? Double.valueOf(corrected[0]) : r.number("gpsLatitude");
        Double lon = corrected != null ? Double.valueOf(corrected[1]) : r.number("gpsLongitude");
        if (lat != null && lon != null && lat == 0 && lon == 0) {
            lat = null;
            lon = null;
        }
        Double alat = r.actual().gpsLatitude();
        Double alon = r.actual().gpsLongitude();
        d.append("expected ").append(lat).append(',').append(lon).append(", got ").append(alat).append(',').append(alon);
        if (lat == null || alat == null) {
            return lat == null && alat == null ? Verdict.NOT_SCORED : Verdict.MISMATCH;
        }
        return Math.abs(lat - alat) <= 1e-5 && Math.abs(lon - alon) <= 1e-5 ? Verdict.MATCH : Verdict.MISMATCH;
    }

    private static Verdict altitude(Row r, StringBuilder d) {
        Double lat = r.number("gpsLatitude");
        Double expected = lat != null && lat == 0 && r.number("gpsLongitude") == 0 ? null : r.number("gpsAltitude");
        Double actual = r.actual().gpsAltitude();
        d.append("expected ").append(expected).append(", got ").append(actual);
        if (expected == null || actual == null) {
            return expected == null && actual == null ? Verdict.NOT_SCORED : Verdict.MISMATCH;
        }
        return Math.abs(expected - actual) <= 0.01 ? Verdict.MATCH : Verdict.MISMATCH;
    }

    private static Verdict sameText(String expected, String actual, StringBuilder d) {
        d.append("expected ").append(expected).append(", got ").append(actual);
        if (expected == null || actual == null) {
            return expected == null && actual == null ? Verdict.NOT_SCORED : Verdict.MISMATCH;
        }
        return expected.strip().toLowerCase(Locale.ROOT).equals(actual.strip().toLowerCase(Locale.ROOT))
                ? Verdict.MATCH : Verdict.MISMATCH;
    }
}
