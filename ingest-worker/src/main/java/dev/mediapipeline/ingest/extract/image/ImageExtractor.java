package dev.mediapipeline.ingest.extract.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegSegmentMetadataReader;
import com.drew.imaging.tiff.TiffMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.xmp.XmpReader;
import dev.mediapipeline.ingest.extract.CorruptMediaException;
import dev.mediapipeline.ingest.extract.MediaMetadata;
import dev.mediapipeline.ingest.extract.MetadataExtractor;
import dev.mediapipeline.ingest.read.BlockReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Still images through metadata-extractor: JPEG, PNG, GIF, WebP, BMP, PSD, HEIF/HEIC/AVIF as streams
 * (their readers stop at the image data or skip over it), TIFF and TIFF-based RAW through random access.
 */
public final class ImageExtractor implements MetadataExtractor {

    /** metadata-extractor's segment readers plus the vendor segments it does not decode. */
    private static final List<JpegSegmentMetadataReader> JPEG_READERS = jpegReaders();
    private static final long PNG_SIGNATURE = 0x89504E470D0A1A0AL;
    private static final int IHDR = 0x49484452;

    @Override
    public boolean accepts(String contentType) {
        return contentType.startsWith("image/");
    }

    @Override
    public void extract(BlockReader reader, MediaMetadata.Builder out) throws IOException {
        Metadata metadata;
        try {
            metadata = isTiff(reader) ? TiffMetadataReader.readMetadata(new BlockRandomAccessReader(reader))
                    : isJpeg(reader) ? JpegMetadataReader.readMetadata(reader.openStream(), JPEG_READERS)
                    : ImageMetadataReader.readMetadata(reader.openStream(), reader.size());
        } catch (ImageProcessingException e) {
            salvagePngHeader(reader, out);
            throw new CorruptMediaException(e.getMessage());
        } catch (IOException | RuntimeException e) {
            salvagePngHeader(reader, out);
            throw e;
        }
        if (isPng(reader)) {
            XmpPackets.retryPng(reader, metadata);
        }
        ImageFields.copy(metadata, out);
    }

    /**
     * metadata-extractor reads a PNG to its IEND chunk and gives nothing back when the file is cut short (an
     * interrupted upload). The size is in the IHDR chunk, which the PNG specification fixes at offset 8.
     */
    private static void salvagePngHeader(BlockReader reader, MediaMetadata.Builder out) throws IOException {
        if (reader.size() < 24) {
            return;
        }
        ByteBuffer head = ByteBuffer.wrap(reader.readFully(0, 24));
        if (head.getLong(0) == PNG_SIGNATURE && head.getInt(12) == IHDR) {
            out.storedDimensions(head.getInt(16), head.getInt(20));
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

    private static boolean isPng(BlockReader reader) throws IOException {
        return reader.size() >= 8 && ByteBuffer.wrap(reader.readFully(0, 8)).getLong() == PNG_SIGNATURE;
    }

    private static boolean isJpeg(BlockReader reader) throws IOException {
        byte[] h = reader.readFully(0, 2);
        return (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xD8;
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
