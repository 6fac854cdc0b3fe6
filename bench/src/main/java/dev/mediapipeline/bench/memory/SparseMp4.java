package dev.mediapipeline.bench.memory;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A huge MP4 that costs no disk: a real small MP4 laid out again as its leading boxes, then an mdat that
 * holds the original media data followed by a sparse hole up to the wanted size, then the moov at the very
 * end (the layout phones and cameras write). Chunk offsets (stco/co64) are moved with the media data, so
 * the file stays valid for any reader, and its duration, codecs and dimensions are the original's.
 */
final class SparseMp4 {

    /** Boxes whose children are boxes, on the way from moov to the chunk offset tables. */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "edts", "dinf");

    private record Box(String type, long offset, long size, int headerSize) {
    }

    private SparseMp4() {
    }

    /** True when {@code file} has one moov and one mdat and no fragments, so it can be laid out again. */
    static boolean suitable(Path file) {
        try {
            List<Box> boxes = topLevel(file);
            return count(boxes, "moov") == 1 && count(boxes, "mdat") == 1 && count(boxes, "moof") == 0
                    && count(boxes, "ftyp") == 1;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Writes {@code target} of about {@code size} bytes from {@code source}; returns its real length. */
    static long write(Path source, Path target, long size) throws IOException {
        List<Box> boxes = topLevel(source);
        Box moov = boxes.stream().filter(b -> b.type().equals("moov")).findFirst().orElseThrow();
        Box mdat = boxes.stream().filter(b -> b.type().equals("mdat")).findFirst().orElseThrow();
        try (RandomAccessFile in = new RandomAccessFile(source.toFile(), "r");
             RandomAccessFile out = new RandomAccessFile(target.toFile(), "rw")) {
            out.setLength(0);
            for (Box b : boxes) {
                if (!b.type().equals("moov") && !b.type().equals("mdat")) {
                    out.write(read(in, b.offset(), b.size()));
                }
            }
            long payload = mdat.size() - mdat.headerSize();
            long moovBytes = moov.size();
            long mdatHeaderAt = out.getFilePointer();
            long mdatSize = Math.max(size - mdatHeaderAt - moovBytes, payload + 16);
            boolean large = mdatSize > 0xFFFF_FFFFL;
            int header = large ? 16 : 8;
            mdatSize = Math.max(mdatSize, payload + header);
            ByteBuffer h = ByteBuffer.allocate(header);
            if (large) {
                h.putInt(1).put(ascii("mdat")).putLong(mdatSize);
            } else {
                h.putInt((int) mdatSize).put(ascii("mdat"));
            }
            out.write(h.array());
            long delta = (mdatHeaderAt + header) - (mdat.offset() + mdat.headerSize());
            copy(in, mdat.offset() + mdat.headerSize(), payload, out);
            byte[] movie = read(in, moov.offset(), moov.size());
            shiftChunkOffsets(movie, 0, movie.length, delta);
            out.seek(mdatHeaderAt + mdatSize);
            out.write(movie);
            return out.length();
        }
    }

    /** Adds {@code delta} to every entry of every stco and co64 box inside {@code [from, to)}. */
    private static void shiftChunkOffsets(byte[] movie, int from, int to, long delta) {
        ByteBuffer b = ByteBuffer.wrap(movie);
        int at = from;
        while (at + 8 <= to) {
            long size = Integer.toUnsignedLong(b.getInt(at));
            String type = new String(movie, at + 4, 4, StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) {
                size = b.getLong(at + 8);
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < header || at + size > to) {
                throw new IllegalArgumentException("broken box " + type + " at " + at);
            }
            int body = at + header;
            if (CONTAINERS.contains(type)) {
                shiftChunkOffsets(movie, body, (int) (at + size), delta);
            } else if (type.equals("stco") || type.equals("co64")) {
                int entries = b.getInt(body + 4);
                for (int i = 0; i < entries; i++) {
                    if (type.equals("stco")) {
                        long shifted = Integer.toUnsignedLong(b.getInt(body + 8 + 4 * i)) + delta;
                        if (shifted < 0 || shifted > 0xFFFF_FFFFL) {
                            throw new IllegalArgumentException("chunk offset out of 32-bit range: " + shifted);
                        }
                        b.putInt(body + 8 + 4 * i, (int) shifted);
                    } else {
                        b.putLong(body + 8 + 8 * i, b.getLong(body + 8 + 8 * i) + delta);
                    }
                }
            }
            at += (int) size;
        }
    }

    private static List<Box> topLevel(Path file) throws IOException {
        List<Box> boxes = new ArrayList<>();
        long length = Files.size(file);
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long at = 0;
            while (at + 8 <= length) {
                ByteBuffer h = ByteBuffer.wrap(read(in, at, Math.min(16, length - at)));
                long size = Integer.toUnsignedLong(h.getInt(0));
                String type = new String(h.array(), 4, 4, StandardCharsets.ISO_8859_1);
                int header = 8;
                if (size == 1) {
                    size = h.getLong(8);
                    header = 16;
                } else if (size == 0) {
                    size = length - at;
                }
                if (size < header || at + size > length) {
                    throw new IOException("broken top-level box " + type + " at " + at + " in " + file);
                }
                boxes.add(new Box(type, at, size, header));
                at += size;
            }
        }
        return boxes;
    }

    private static long count(List<Box> boxes, String type) {
        return boxes.stream().filter(b -> b.type().equals(type)).count();
    }

    private static byte[] read(RandomAccessFile in, long offset, long length) throws IOException {
        byte[] bytes = new byte[Math.toIntExact(length)];
        in.seek(offset);
        in.readFully(bytes);
        return bytes;
    }

    private static void copy(RandomAccessFile in, long offset, long length, RandomAccessFile out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        in.seek(offset);
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("unexpected end of input");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
