package dev.mediapipeline.extract.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.gif.GifMetadataReader;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegSegmentMetadataReader;
import com.drew.imaging.png.PngMetadataReader;
import com.drew.imaging.png.PngProcessingException;
import com.drew.imaging.tiff.TiffMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.xmp.XmpReader;
import dev.mediapipeline.extract.CorruptMediaException;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.MetadataExtractor;
import dev.mediapipeline.extract.UnsupportedMediaException;
import dev.mediapipeline.extract.read.BlockReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Still images through metadata-extractor: JPEG, PNG, GIF, BMP, PSD, HEIF/HEIC/AVIF as streams
 * (their readers stop at the image data or skip over it), TIFF and TIFF-based RAW through random access,
 * WebP chunk by chunk.
 */
public final class ImageExtractor implements MetadataExtractor {

    /** metadata-extractor's segment readers plus the vendor segments it does not decode. */
    private static final List<JpegSegmentMetadataReader> JPEG_READERS = jpegReaders();

    /** What metadata-extractor reads; other image types (SVG, JPEG 2000, ...) are unsupported, not corrupt. */
    private static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp",
            "image/bmp", "image/tiff", "image/vnd.adobe.photoshop", "image/vnd.microsoft.icon", "image/vnd.zbrush.pcx",
            "image/x-canon-cr2");

    @Override
    public boolean accepts(String contentType) {
        return TYPES.contains(contentType) || contentType.startsWith("image/x-raw-");
    }

    /**
     * The sniffed content type picks the reader. TIFF and the raw family keep their header check: Tika's raw
     * names do not say whether a file is TIFF-based (ORF and RW2 are, RAF and CRW are not).
     */
    @Override
    public void extract(BlockReader reader, MediaMetadata.Builder out) throws IOException {
        String contentType = out.contentType();
        if (contentType.equals("image/png")) {
            extractPng(reader, out);
            return;
        }
        Metadata metadata;
        try {
            metadata = switch (contentType) {
                case "image/jpeg" -> JpegMetadataReader.readMetadata(reader.openStream(), JPEG_READERS);
                case "image/gif" -> GifMetadataReader.readMetadata(GifLayout.metadataBlocks(reader));
                case "image/webp" -> WebpChunks.readMetadata(reader);
                default -> isTiff(reader) ? TiffMetadataReader.readMetadata(new BlockRandomAccessReader(reader))
                        : ImageMetadataReader.readMetadata(reader.openStream(), reader.size());
            };
        } catch (ImageProcessingException e) {
            // A raw sub-format the library has no reader for is reported as "not supported"/"could not be determined".
            String message = String.valueOf(e.getMessage());
            throw message.contains("not supported") || message.contains("could not be determined")
                    ? new UnsupportedMediaException(message) : new CorruptMediaException(message);
        }
        ImageFields.copy(metadata, out);
        if (contentType.equals("image/jpeg")) {
            MotionPhotos.detect(metadata, reader, out);
        }
    }

    /**
     * metadata-extractor gives nothing back when a PNG is cut short inside its header chunks; the size is
     * then taken from IHDR. A file cut short in its image data (an interrupted upload) keeps all its
     * metadata but is reported corrupt.
     */
    private static void extractPng(BlockReader reader, MediaMetadata.Builder out) throws IOException {
        Metadata metadata;
        try {
            metadata = PngMetadataReader.readMetadata(PngLayout.metadataChunks(reader));
        } catch (PngProcessingException e) {
            PngLayout.salvageHeader(reader, out);
            throw new CorruptMediaException(e.getMessage());
        } catch (IOException | RuntimeException e) {
            PngLayout.salvageHeader(reader, out);
            throw e;
        }
        XmpPackets.retryPng(metadata, () -> PngLayout.metadataChunks(reader));
        ImageFields.copy(metadata, out);
        if (!PngLayout.hasEnd(reader)) {
            throw new CorruptMediaException("PNG is cut short: no IEND chunk at the end");
        }
    }

    private static List<JpegSegmentMetadataReader> jpegReaders() {
        List<JpegSegmentMetadataReader> readers = new ArrayList<>();
        for (JpegSegmentMetadataReader r : JpegMetadataReader.ALL_READERS) {
            readers.add(r instanceof XmpReader ? new XmpPackets.TrimmingReader() : r);
        }
        readers.add(new FlirSegmentReader());
        readers.add(new PictureInfoSegmentReader());
        readers.add(new CiffSegmentReader());
        return List.copyOf(readers);
    }

    /** "II*\0" / "MM\0*" and the TIFF variants of Olympus ORF ("IIRO", "MMOR") and Panasonic RW2 ("IIU\0"). */
    private static boolean isTiff(BlockReader reader) throws IOException {
        if (reader.size() < 8) {
            return false;
        }
        byte[] h = reader.readFully(0, 4);
        boolean intel = h[0] == 'I' && h[1] == 'I' && (h[2] == 42 && h[3] == 0 || h[2] == 'R' && h[3] == 'O'
                || h[2] == 'U' && h[3] == 0);
        boolean motorola = h[0] == 'M' && h[1] == 'M' && (h[2] == 0 && h[3] == 42 || h[2] == 'O' && h[3] == 'R');
        return intel || motorola;
    }
}
