package dev.mediapipeline.extract.image;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPPathFactory;
import com.adobe.internal.xmp.properties.XMPProperty;
import com.drew.metadata.Metadata;
import com.drew.metadata.xmp.XmpDirectory;
import dev.mediapipeline.extract.EmbeddedVideo;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.isobmff.IsoBmffExtractor;
import dev.mediapipeline.extract.read.BlockReader;
import java.io.IOException;

/**
 * Motion photos: a still with a short MP4 appended. Google's (XMP GCamera:MotionPhoto with a GContainer
 * directory whose items are laid end to end at the end of the file; before that GCamera:MicroVideo with the
 * video's distance from the end) and Samsung's ({@link SamsungTrailer}). A claim is believed only when an MP4
 * file type box starts where it points; the video's header is read with ranged reads for its duration.
 */
final class MotionPhotos {

    private static final String CAMERA = "http://ns.google.com/photos/1.0/camera/";
    private static final String CONTAINER = "http://ns.google.com/photos/1.0/container/";
    private static final String ITEM = "http://ns.google.com/photos/1.0/container/item/";

    private MotionPhotos() {
    }

    static void detect(Metadata metadata, BlockReader reader, MediaMetadata.Builder out) throws IOException {
        long size = reader.size();
        long fromEnd = 0;
        for (XmpDirectory xmp : metadata.getDirectoriesOfType(XmpDirectory.class)) {
            fromEnd = Math.max(fromEnd, googleVideoFromEnd(xmp.getXMPMeta()));
        }
        long[] video = fromEnd > 0 ? new long[] {size - fromEnd, size} : SamsungTrailer.video(reader);
        if (video == null || video[0] <= 0 || video[0] + 8 > video[1] || !isMp4(reader, video[0])) {
            return;
        }
        long offset = video[0];
        long end = video[1];
        out.motionPhoto(new EmbeddedVideo(offset, end - offset, IsoBmffExtractor.durationMillis(reader, offset, end)));
    }

    /** How far before the end of the file the video starts, by the XMP; 0 when it names none. */
    private static long googleVideoFromEnd(XMPMeta meta) {
        if (meta == null) {
            return 0;
        }
        try {
            if (isTrue(meta, "MotionPhoto")) {
                // Items after the primary image are laid out in directory order up to the end of the file.
                long fromEnd = 0;
                boolean video = false;
                for (int i = meta.countArrayItems(CONTAINER, "Directory"); i >= 1; i--) {
                    String item = XMPPathFactory.composeArrayItemPath("Directory", i)
                            + XMPPathFactory.composeStructFieldPath(CONTAINER, "Item");
                    String length = field(meta, item, "Length");
                    fromEnd += length == null ? 0 : Long.parseLong(length.strip());
                    if ("MotionPhoto".equals(field(meta, item, "Semantic"))) {
                        video = true;
                        break;
                    }
                }
                return video ? fromEnd : 0;
            }
            if (isTrue(meta, "MicroVideo")) {
                Long fromEnd = meta.getPropertyLong(CAMERA, "MicroVideoOffset");
                return fromEnd == null ? 0 : fromEnd;
            }
        } catch (XMPException | NumberFormatException e) {
            // A malformed claim is no motion photo; the still is read as any other.
        }
        return 0;
    }

    private static String field(XMPMeta meta, String item, String name) throws XMPException {
        XMPProperty p = meta.getStructField(CONTAINER, item, ITEM, name);
        return p == null ? null : p.getValue();
    }

    private static boolean isTrue(XMPMeta meta, String property) throws XMPException {
        Integer value = meta.doesPropertyExist(CAMERA, property) ? meta.getPropertyInteger(CAMERA, property) : null;
        return value != null && value == 1;
    }

    private static boolean isMp4(BlockReader reader, long offset) throws IOException {
        byte[] type = reader.readExact(offset + 4, 4);
        return type[0] == 'f' && type[1] == 't' && type[2] == 'y' && type[3] == 'p';
    }
}
