package dev.mediapipeline.extract.isobmff;

import dev.mediapipeline.extract.CodecNames;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Parses a moov payload held in memory (ISO/IEC 14496-12 and the QuickTime file format). */
final class MovieBoxParser {

    private MovieBoxParser() {
    }

    static MovieBox parse(BoxCursor moov) {
        MovieBox movie = new MovieBox();
        BoxCursor mvex = null;
        for (BoxCursor.Child box : moov.children()) {
            switch (box.type()) {
                case "mvhd" -> movieHeader(box.payload(), movie);
                case "trak" -> movie.tracks.add(track(box.payload()));
                case "mvex" -> mvex = box.payload();
                case "udta" -> userData(box.payload(), movie);
                case "meta" -> metadata(box.payload(), movie);
                default -> { }
            }
        }
        if (mvex != null) {
            // After the tracks: trex refers to them by id.
            movieExtends(mvex, movie);
        }
        return movie;
    }

    private static void movieHeader(BoxCursor c, MovieBox movie) {
        int version = c.u8();
        c.skip(3);
        if (version == 1) {
            movie.creationTime = c.u64();
            c.skip(8);
            movie.timescale = c.u32();
            movie.duration = c.u64();
        } else {
            movie.creationTime = c.u32();
            c.skip(4);
            movie.timescale = c.u32();
            movie.duration = c.u32();
        }
    }

    private static void movieExtends(BoxCursor mvex, MovieBox movie) {
        movie.hasMovieExtends = true;
        for (BoxCursor.Child box : mvex.children()) {
            BoxCursor c = box.payload();
            if (box.type().equals("mehd")) {
                int version = c.u8();
                c.skip(3);
                movie.fragmentDuration = version == 1 ? c.u64() : c.u32();
            } else if (box.type().equals("trex")) {
                c.skip(4);
                long trackId = c.u32();
                c.skip(4);
                long defaultDuration = c.u32();
                Track t = movie.track(trackId);
                if (t != null) {
                    t.defaultSampleDuration = defaultDuration;
                }
            }
        }
    }

    private static Track track(BoxCursor trak) {
        Track t = new Track();
        BoxCursor tkhd = trak.child("tkhd");
        if (tkhd != null) {
            trackHeader(tkhd, t);
        }
        BoxCursor mdia = trak.child("mdia");
        if (mdia == null) {
            return t;
        }
        BoxCursor mdhd = mdia.child("mdhd");
        if (mdhd != null) {
            int version = mdhd.u8();
            mdhd.skip(3);
            if (version == 1) {
                mdhd.skip(16);
                t.timescale = mdhd.u32();
                t.mediaDuration = mdhd.u64();
            } else {
                mdhd.skip(8);
                t.timescale = mdhd.u32();
                t.mediaDuration = mdhd.u32();
            }
            if (t.mediaDuration == 0xffffffffL || t.mediaDuration < 0) {
                t.mediaDuration = 0;
            }
        }
        BoxCursor hdlr = mdia.child("hdlr");
        if (hdlr != null) {
            hdlr.skip(8);
            t.handler = hdlr.fourCc();
        }
        BoxCursor minf = mdia.child("minf");
        BoxCursor stbl = minf == null ? null : minf.child("stbl");
        if (stbl != null) {
            BoxCursor stsd = stbl.child("stsd");
            if (stsd != null) {
                sampleDescription(stsd, t);
            }
            BoxCursor stts = stbl.child("stts");
            if (stts != null) {
                timeToSample(stts, t);
            }
        }
        return t;
    }

    private static void trackHeader(BoxCursor c, Track t) {
        int version = c.u8();
        c.skip(3);
        c.skip(version == 1 ? 16 : 8);
        t.trackId = c.u32();
        c.skip(4);
        c.skip(version == 1 ? 8 : 4);
        c.skip(8 + 2 + 2 + 2 + 2);
        int a = c.s32();
        int b = c.s32();
        // The display matrix rotates by atan2(b, a); a 90° turn means a portrait video stored landscape.
        t.rotationDegrees = (int) Math.round(Math.toDegrees(Math.atan2(b, a)));
    }

    private static void sampleDescription(BoxCursor stsd, Track t) {
        stsd.skip(8);
        List<BoxCursor.Child> entries = stsd.children();
        if (entries.isEmpty()) {
            return;
        }
        BoxCursor.Child entry = entries.get(0);
        t.sampleEntry = entry.type();
        BoxCursor c = entry.payload();
        String format = entry.type();
        if ("vide".equals(t.handler)) {
            c.skip(8 + 16);
            t.width = c.u16();
            t.height = c.u16();
            c.skip(4 + 4 + 4 + 2 + 32 + 2 + 2);
        } else if ("soun".equals(t.handler)) {
            c.skip(8);
            int soundVersion = c.u16();
            c.skip(18);
            c.skip(soundVersion == 1 ? 16 : soundVersion == 2 ? 36 : 0);
        } else {
            return;
        }
        t.codec = codec(format, c.rest());
    }

    /** Names the codec, looking inside encrypted (frma) and MPEG-4 (esds) entries for the real format. */
    private static String codec(String format, BoxCursor extensions) {
        List<BoxCursor.Child> children = extensions.children();
        if (format.equals("encv") || format.equals("enca")) {
            for (BoxCursor.Child child : children) {
                if (child.type().equals("sinf")) {
                    BoxCursor frma = child.payload().child("frma");
                    if (frma != null && frma.remaining() >= 4) {
                        format = frma.fourCc();
                    }
                }
            }
        }
        if (format.equals("mp4a") || format.equals("mp4v") || format.equals("mp4s")) {
            Integer objectType = objectType(children);
            String name = objectType == null ? null : CodecNames.fromObjectType(objectType);
            if (name != null) {
                return name;
            }
        }
        return CodecNames.fromFourCc(format);
    }

    /** The objectTypeIndication from an esds box, directly in the entry or inside QuickTime's wave box. */
    private static Integer objectType(List<BoxCursor.Child> children) {
        for (BoxCursor.Child child : children) {
            if (child.type().equals("esds")) {
                return EsDescriptor.objectType(child.payload());
            }
            if (child.type().equals("wave")) {
                Integer inner = objectType(child.payload().children());
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static void timeToSample(BoxCursor stts, Track t) {
        stts.skip(4);
        long entries = stts.u32();
        for (long i = 0; i < entries && stts.remaining() >= 8; i++) {
            long count = stts.u32();
            long delta = stts.u32();
            t.sampleCount += count;
            t.sampleDurationTotal += count * delta;
        }
    }

    /** QuickTime udta: "©xyz" and friends are (length, language, text) strings. */
    private static void userData(BoxCursor udta, MovieBox movie) {
        for (BoxCursor.Child box : udta.children()) {
            String type = box.type();
            if (type.equals("meta")) {
                metadata(box.payload(), movie);
            } else if (type.equals("loci")) {
                location(box.payload(), movie);
            } else if (type.charAt(0) == '\u00a9') {
                BoxCursor c = box.payload();
                if (c.remaining() >= 4) {
                    int length = c.u16();
                    c.skip(2);
                    if (length <= c.remaining()) {
                        movie.userData.putIfAbsent(type, c.string(length, StandardCharsets.UTF_8).strip());
                    }
                }
            }
        }
    }

    /**
     * 3GPP location (TS 26.244 loci): fixed-point 16.16 longitude, latitude, altitude after a name, stored
     * as an ISO 6709 string like the QuickTime ©xyz so one parser serves both.
     */
    private static void location(BoxCursor loci, MovieBox movie) {
        loci.skip(4 + 2);
        loci.cString();
        loci.skip(1);
        double longitude = loci.s32() / 65536.0;
        double latitude = loci.s32() / 65536.0;
        double altitude = loci.s32() / 65536.0;
        movie.userData.putIfAbsent("loci", String.format(java.util.Locale.ROOT, "%+.6f%+.6f%+.3f/", latitude, longitude, altitude));
    }

    /**
     * A meta box: Apple's mdta keys + ilst (com.apple.quicktime.location.ISO6709, ...make, ...creationdate),
     * or iTunes-style ilst items. QuickTime writes meta without the ISO full-box header; ISO files with it.
     */
    private static void metadata(BoxCursor meta, MovieBox movie) {
        BoxCursor probe = meta.duplicate();
        if (probe.remaining() >= 8) {
            probe.skip(4);
            String next = probe.fourCc();
            if (!next.equals("hdlr") && !next.equals("keys") && !next.equals("ilst")) {
                meta.skip(4);
            }
        }
        List<String> keys = new ArrayList<>();
        BoxCursor ilst = null;
        for (BoxCursor.Child box : meta.children()) {
            if (box.type().equals("keys")) {
                BoxCursor c = box.payload();
                c.skip(4);
                long count = c.u32();
                for (long i = 0; i < count && c.remaining() >= 8; i++) {
                    int size = (int) c.u32();
                    c.skip(4);
                    keys.add(size >= 8 && size - 8 <= c.remaining() ? c.string(size - 8, StandardCharsets.UTF_8) : "");
                }
            } else if (box.type().equals("ilst")) {
                ilst = box.payload();
            }
        }
        if (ilst == null) {
            return;
        }
        for (BoxCursor.Child item : ilst.children()) {
            String name = item.type();
            long index = fourCcAsIndex(name);
            if (index >= 1 && index <= keys.size()) {
                name = keys.get((int) index - 1);
            }
            BoxCursor data = item.payload().child("data");
            if (data != null && data.remaining() >= 8) {
                long dataType = data.u32();
                data.skip(4);
                if (dataType == 1) {
                    movie.userData.putIfAbsent(name, data.string(data.remaining(), StandardCharsets.UTF_8).strip());
                }
            }
        }
    }

    private static long fourCcAsIndex(String fourCc) {
        byte[] b = fourCc.getBytes(StandardCharsets.ISO_8859_1);
        return ((b[0] & 0xffL) << 24) | ((b[1] & 0xffL) << 16) | ((b[2] & 0xffL) << 8) | (b[3] & 0xffL);
    }
}
