package dev.mediapipeline.extract.heif;

import dev.mediapipeline.extract.isobmff.BoxCursor;
import java.nio.BufferUnderflowException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The item structure of a HEIF/AVIF meta box (ISO/IEC 23008-12): which item is the primary image, which
 * properties (ispe, irot, imir) belong to it, and where the Exif and XMP items are stored.
 *
 * <p>Like exiftool, a list box (iinf, iloc, ipma) whose entry count promises more than it holds keeps the
 * entries it does hold, and a box that claims more bytes than its parent is read up to the parent's end; what
 * was cut short is remembered in {@link #damage} to explain a file that then lacks its image size.
 */
final class HeifItems {

    /** One piece of an item's data: an absolute file offset, or an offset into idat. */
    record Extent(boolean inIdat, long offset, long length) {
    }

    long primaryItem = -1;
    final Map<Long, String> itemTypes = new HashMap<>();
    final Map<Long, String> contentTypes = new HashMap<>();
    final Map<Long, List<Extent>> locations = new HashMap<>();
    final Map<Long, List<Integer>> associations = new HashMap<>();
    final List<BoxCursor.Child> properties = new ArrayList<>();
    /** Absolute offset of the idat payload, for items stored inside the meta box. */
    long idatOffset = -1;
    /** What was cut short, e.g. "iloc box ends after 2 of 30 items". */
    final List<String> damage = new ArrayList<>();

    static HeifItems parse(BoxCursor meta, long metaPayloadStart) {
        HeifItems items = new HeifItems();
        BoxCursor c = meta.duplicate();
        c.skip(4);
        int consumedBefore = meta.remaining() - c.remaining();
        long position = metaPayloadStart + consumedBefore;
        for (BoxCursor.Child box : c.children()) {
            BoxCursor p = box.payload();
            long boxBytes = 8L + p.remaining();
            try {
                switch (box.type()) {
                    case "pitm" -> {
                        int version = p.u8();
                        p.skip(3);
                        items.primaryItem = version == 0 ? p.u16() : p.u32();
                    }
                    case "iinf" -> items.itemInfo(p);
                    case "iloc" -> items.itemLocations(p);
                    case "iprp" -> items.itemProperties(p);
                    case "idat" -> items.idatOffset = position + 8;
                    default -> { }
                }
            } catch (BufferUnderflowException e) {
                items.damage.add(box.type() + " box is cut short inside an entry");
            }
            position += boxBytes;
        }
        return items;
    }

    private void itemInfo(BoxCursor iinf) {
        int version = iinf.u8();
        iinf.skip(3);
        iinf.skip(version == 0 ? 2 : 4);
        for (BoxCursor.Child entry : iinf.children()) {
            if (!entry.type().equals("infe")) {
                continue;
            }
            BoxCursor e = entry.payload();
            int v = e.u8();
            e.skip(3);
            if (v < 2) {
                continue;
            }
            long id = v == 2 ? e.u16() : e.u32();
            e.skip(2);
            String type = e.fourCc();
            itemTypes.put(id, type);
            if (type.equals("mime")) {
                e.cString();
                contentTypes.put(id, e.cString());
            }
        }
    }

    private void itemLocations(BoxCursor iloc) {
        int version = iloc.u8();
        iloc.skip(3);
        int sizes = iloc.u8();
        int offsetSize = sizes >> 4;
        int lengthSize = sizes & 0xf;
        int moreSizes = iloc.u8();
        int baseOffsetSize = moreSizes >> 4;
        int indexSize = version == 1 || version == 2 ? moreSizes & 0xf : 0;
        long count = version < 2 ? iloc.u16() : iloc.u32();
        for (long i = 0; i < count; i++) {
            if (iloc.remaining() == 0) {
                damage.add("iloc box ends after " + i + " of " + count + " items");
                return;
            }
            long id = version < 2 ? iloc.u16() : iloc.u32();
            int constructionMethod = version == 1 || version == 2 ? iloc.u16() & 0xf : 0;
            iloc.skip(2);
            long baseOffset = iloc.uint(baseOffsetSize);
            int extents = iloc.u16();
            List<Extent> list = new ArrayList<>();
            for (int x = 0; x < extents; x++) {
                iloc.uint(indexSize);
                long offset = iloc.uint(offsetSize);
                long length = iloc.uint(lengthSize);
                list.add(new Extent(constructionMethod == 1, baseOffset + offset, length));
            }
            if (constructionMethod <= 1) {
                locations.put(id, list);
            }
        }
    }

    private void itemProperties(BoxCursor iprp) {
        for (BoxCursor.Child box : iprp.children()) {
            if (box.type().equals("ipco")) {
                properties.addAll(box.payload().children());
            } else if (box.type().equals("ipma")) {
                BoxCursor p = box.payload();
                int version = p.u8();
                int flags = (p.u8() << 16) | p.u16();
                long entries = p.u32();
                for (long i = 0; i < entries; i++) {
                    if (p.remaining() == 0) {
                        damage.add("ipma box ends after " + i + " of " + entries + " entries");
                        break;
                    }
                    long id = version < 1 ? p.u16() : p.u32();
                    int n = p.u8();
                    List<Integer> indexes = new ArrayList<>();
                    for (int a = 0; a < n; a++) {
                        indexes.add((flags & 1) != 0 ? p.u16() & 0x7fff : p.u8() & 0x7f);
                    }
                    associations.put(id, indexes);
                }
            }
        }
    }

    /** The first property of this type associated with the item (property indexes are 1-based). */
    BoxCursor property(long item, String type) {
        for (int index : associations.getOrDefault(item, List.of())) {
            if (index >= 1 && index <= properties.size() && properties.get(index - 1).type().equals(type)) {
                return properties.get(index - 1).payload().duplicate();
            }
        }
        return null;
    }

    /** The first item of a type ("Exif"), or of type mime with this content type; -1 when absent. */
    long firstItem(String type, String contentType) {
        return itemTypes.entrySet().stream()
                .filter(e -> e.getValue().equals(type)
                        && (contentType == null || contentType.equals(contentTypes.get(e.getKey()))))
                .mapToLong(Map.Entry::getKey)
                .sorted()
                .findFirst()
                .orElse(-1);
    }
}
