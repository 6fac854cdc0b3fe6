package dev.mediapipeline.extract.image;

import com.drew.imaging.jpeg.JpegSegmentMetadataReader;
import com.drew.imaging.jpeg.JpegSegmentType;
import com.drew.metadata.Metadata;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Early Olympus and Agfa cameras wrote no EXIF, only an APP12 "[picture info]" text block whose TimeDate
 * line is the capture time in Unix seconds (read, as exiftool does, as a clock time without zone).
 */
final class PictureInfoSegmentReader implements JpegSegmentMetadataReader {

    private static final Pattern TIME_DATE = Pattern.compile("\\[picture info\\].*?TimeDate=(\\d{1,12})", Pattern.DOTALL);

    @Override
    public Iterable<JpegSegmentType> getSegmentTypes() {
        return List.of(JpegSegmentType.APPC);
    }

    @Override
    public void readJpegSegments(Iterable<byte[]> segments, Metadata metadata, JpegSegmentType type) {
        for (byte[] segment : segments) {
            Matcher m = TIME_DATE.matcher(new String(segment, StandardCharsets.ISO_8859_1));
            if (m.find()) {
                long seconds = Long.parseLong(m.group(1));
                VendorDirectory directory = new VendorDirectory("PictureInfo");
                directory.setString(VendorDirectory.TAG_DATE_TIME_ORIGINAL,
                        DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC)));
                metadata.addDirectory(directory);
                return;
            }
        }
    }
}
