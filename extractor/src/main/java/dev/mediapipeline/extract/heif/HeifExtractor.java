package dev.mediapipeline.extract.heif;

import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.xmp.XmpReader;
import dev.mediapipeline.extract.CorruptMediaException;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.MetadataExtractor;
import dev.mediapipeline.extract.image.ImageFields;
import dev.mediapipeline.extract.isobmff.BoxCursor;
import dev.mediapipeline.extract.isobmff.TopLevelBox;
import dev.mediapipeline.extract.read.BlockReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.util.List;
import java.util.Set;

/**
 * HEIC/HEIF/AVIF stills. The primary item's own properties give the displayed size (ispe, turned by irot),
 * which metadata-extractor gets wrong for tiled images; the Exif and XMP items are fetched by their iloc
 * ranges wherever they sit (often at the end of the file) and decoded by metadata-extractor. As the HEIF
 * specification says, only irot/imir transform the image: EXIF Orientation is reported, not applied.
 */
public final class HeifExtractor implements MetadataExtractor {

    private static final Set<String> TYPES = Set.of("image/heic", "image/heif", "image/avif",
            "image/heic-sequence", "image/heif-sequence", "image/avif-sequence");
    /** Exif and XMP items are a few KB; a bigger one is not metadata worth fetching. */
    private static final long MAX_ITEM = 4L << 20;

    @Override
    public boolean accepts(String contentType) {
        return TYPES.contains(contentType);
    }

    @Override
    public void extract(BlockReader reader, MediaMetadata.Builder out) throws IOException {
        try {
            HeifItems items = readItems(reader);
            primaryImage(items, out);
            Metadata metadata = new Metadata();
            long exif = items.firstItem("Exif", null);
            if (exif >= 0) {
                byte[] data = itemData(reader, items, exif);
                // Exif item: a 4-byte offset to the TIFF header (skipping an optional "Exif\0\0").
                int tiffStart = 4 + (int) BoxCursor.of(data).u32();
                if (tiffStart < data.length) {
                    new ExifReader().extract(new ByteArrayReader(data, tiffStart), metadata);
                }
            }
            long xmp = items.firstItem("mime", "application/rdf+xml");
            if (xmp >= 0) {
                new XmpReader().extract(itemData(reader, items, xmp), metadata);
            }
            ImageFields.copy(metadata, out);
            if (!out.hasDimensions()) {
                throw new CorruptMediaException(missingSize(items));
            }
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new CorruptMediaException("HEIF box extends past its parent");
        }
    }

    private static HeifItems readItems(BlockReader reader) throws IOException {
        long position = 0;
        while (position + 8 <= reader.size()) {
            TopLevelBox box = TopLevelBox.at(reader, position);
            if (box == null) {
                break;
            }
            if (box.type().equals("meta")) {
                return HeifItems.parse(box.readPayload(reader), box.payloadStart());
            }
            position = box.end();
        }
        throw new CorruptMediaException("no meta box: not a HEIF still image");
    }

    private static void primaryImage(HeifItems items, MediaMetadata.Builder out) {
        BoxCursor ispe = items.property(items.primaryItem, "ispe");
        if (ispe != null) {
            ispe.skip(4);
            out.storedDimensions((int) ispe.u32(), (int) ispe.u32());
        }
        BoxCursor irot = items.property(items.primaryItem, "irot");
        // irot angle is in anti-clockwise quarter turns; only whether it is odd matters for the display size.
        out.rotationDegrees(irot == null ? 0 : -90 * (irot.u8() & 3));
        out.orientationRotates(false);
    }

    /** Why the primary image has no size, as precisely as the boxes tell. */
    private static String missingSize(HeifItems items) {
        if (!items.damage.isEmpty()) {
            return "no image size in the HEIF item boxes: " + String.join("; ", items.damage);
        }
        if (items.primaryItem < 0) {
            return "no image size: the HEIF file names no primary item (pitm)";
        }
        return "no image size: the HEIF primary item " + items.primaryItem + " has no ispe property";
    }

    private static byte[] itemData(BlockReader reader, HeifItems items, long item) throws IOException {
        List<HeifItems.Extent> extents = items.locations.get(item);
        if (extents == null) {
            throw new CorruptMediaException("HEIF item " + item + " (" + items.itemTypes.get(item) + ") has no location"
                    + (items.damage.isEmpty() ? "" : ": " + String.join("; ", items.damage)));
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (HeifItems.Extent e : extents) {
            long start = e.inIdat() ? items.idatOffset + e.offset() : e.offset();
            long length = e.length() == 0 ? reader.size() - start : e.length();
            if ((e.inIdat() && items.idatOffset < 0) || start < 0 || length > MAX_ITEM || start + length > reader.size()) {
                throw new CorruptMediaException("HEIF item " + item + " (" + items.itemTypes.get(item)
                        + ") lies outside the file");
            }
            data.write(reader.readExact(start, (int) length));
        }
        return data.toByteArray();
    }
}
