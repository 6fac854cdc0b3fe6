package dev.mediapipeline.extract.isobmff;

import dev.mediapipeline.extract.CorruptMediaException;
import dev.mediapipeline.extract.Iso6709;
import dev.mediapipeline.extract.MediaMetadata;
import dev.mediapipeline.extract.MetadataExtractor;
import dev.mediapipeline.extract.read.BlockReader;
import dev.mediapipeline.extract.read.ExtractionLimitException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.util.Set;

/**
 * MP4, MOV, M4V, M4A, 3GP/3G2. Walks the top-level boxes by their headers only, reads the moov box wherever
 * it is (often after a multi-gigabyte mdat), and for fragmented files the small moof boxes, so the bytes
 * fetched stay proportional to the metadata, not to the file.
 */
public final class IsoBmffExtractor implements MetadataExtractor {

    private static final Set<String> TYPES = Set.of("video/mp4", "audio/mp4", "video/quicktime", "video/3gpp",
            "video/3gpp2", "audio/3gpp", "audio/3gpp2", "video/x-m4v", "audio/x-m4a", "video/iso.segment",
            "application/mp4");
    /** A moov box beyond this is hostile or absurd: a 10-hour movie needs a few tens of MB at most. */
    private static final long MAX_MOOV = 48L << 20;

    @Override
    public boolean accepts(String contentType) {
        return TYPES.contains(contentType);
    }

    @Override
    public void extract(BlockReader reader, MediaMetadata.Builder out) throws IOException {
        try {
            MovieBox movie = readMovie(reader, out);
            copy(movie, out);
        } catch (BufferUnderflowException e) {
            throw new CorruptMediaException("box extends past its parent");
        }
    }

    private MovieBox readMovie(BlockReader reader, MediaMetadata.Builder out) throws IOException {
        MovieBox movie = null;
        long sidxDuration = 0;
        long position = 0;
        long size = reader.size();
        while (position + 8 <= size) {
            TopLevelBox box = TopLevelBox.at(reader, position);
            if (box == null) {
                break;
            }
            switch (box.type()) {
                case "ftyp" -> {
                    String brand = box.payloadSize() >= 4 ? BoxCursor.of(reader.readExact(box.payloadStart(), 4)).fourCc() : "";
                    String contentType = Brands.contentType(brand);
                    if (contentType != null) {
                        out.contentType(contentType);
                    }
                }
                case "moov" -> movie = readMoov(reader, box);
                case "sidx" -> sidxDuration = Math.max(sidxDuration, SegmentIndex.durationMillis(reader, box));
                case "moof" -> {
                    if (movie != null) {
                        FragmentScanner.add(reader, box, movie);
                        // One fragment gives the sample rate; mehd or sidx already give the whole duration,
                        // and with an mfra index the last fragments give the end.
                        if (movie.fragmentDuration > 0 || sidxDuration > 0 || lastFragments(reader, box, movie)) {
                            movie.segmentIndexMillis = sidxDuration;
                            return movie;
                        }
                    }
                }
                default -> { }
            }
            position = box.end();
        }
        if (movie == null) {
            throw new CorruptMediaException("no moov box: truncated or not a movie");
        }
        movie.segmentIndexMillis = sidxDuration;
        return movie;
    }

    /** Adds the last fragment of every track that the mfra index names; false when there is no index. */
    private static boolean lastFragments(BlockReader reader, TopLevelBox firstMoof, MovieBox movie) throws IOException {
        boolean found = false;
        for (long offset : FragmentRandomAccess.lastFragments(reader)) {
            TopLevelBox moof = offset > firstMoof.start() && offset < reader.size() ? TopLevelBox.at(reader, offset) : null;
            if (moof != null && moof.type().equals("moof") && FragmentScanner.addEnd(reader, moof, movie)) {
                found = true;
            }
        }
        return found;
    }

    /**
     * The duration of an MP4 embedded in another file between {@code start} and {@code end} (a motion photo's
     * video), from its moov box; null when it has none.
     */
    public static Long durationMillis(BlockReader reader, long start, long end) throws IOException {
        for (long position = start; position + 8 <= end; ) {
            TopLevelBox box = TopLevelBox.at(reader, position);
            if (box == null || box.end() > end) {
                return null;
            }
            if (box.type().equals("moov")) {
                try {
                    return durationMillis(readMoov(reader, box));
                } catch (BufferUnderflowException e) {
                    return null;
                }
            }
            position = box.end();
        }
        return null;
    }

    private static MovieBox readMoov(BlockReader reader, TopLevelBox moov) throws IOException {
        if (moov.payloadSize() > MAX_MOOV) {
            throw new ExtractionLimitException(ExtractionLimitException.Limit.BYTES,
                    "moov box of " + moov.payloadSize() + " bytes");
        }
        return MovieBoxParser.parse(moov.readPayload(reader));
    }

    private static void copy(MovieBox movie, MediaMetadata.Builder out) {
        Track video = null;
        Track audio = null;
        for (Track t : movie.tracks) {
            if (video == null && t.isVideo()) {
                video = t;
            } else if (audio == null && t.isAudio()) {
                audio = t;
            }
        }
        if (video != null) {
            out.storedDimensions(video.width, video.height);
            out.rotationDegrees(video.rotationDegrees);
            out.videoCodec(video.codec);
            out.frameRate(frameRate(video));
        }
        if (audio != null) {
            out.audioCodec(audio.codec);
        }
        Long duration = durationMillis(movie);
        out.durationMillis(duration);
        copyUserData(movie, out);
        CreationDates.copy(movie, duration, out);
    }

    /**
     * Average frame rate, samples per second of media time (ffprobe's avg_frame_rate), from stts. A fragmented
     * track is read only in part, so its rate comes from the median duration of the fragment samples read.
     */
    private static Double frameRate(Track video) {
        if (video.timescale <= 0) {
            return null;
        }
        if (!video.fragmentSampleDurations.isEmpty()) {
            long median = video.fragmentSampleDurations.stream().sorted().skip(video.fragmentSampleDurations.size() / 2)
                    .findFirst().orElse(0L);
            return median > 0 ? video.timescale / (double) median : null;
        }
        if (video.sampleCount == 0 || video.sampleDurationTotal <= 0) {
            return null;
        }
        return video.sampleCount * (double) video.timescale / video.sampleDurationTotal;
    }

    /**
     * The whole presentation: mehd for fragmented files, else the sidx total, else the longest of the movie
     * header and the tracks (fragments included).
     */
    private static Long durationMillis(MovieBox movie) {
        if (movie.fragmentDuration > 0 && movie.timescale > 0) {
            return Math.round(movie.fragmentDuration * 1000.0 / movie.timescale);
        }
        if (movie.segmentIndexMillis > 0) {
            return movie.segmentIndexMillis;
        }
        double seconds = movie.timescale > 0 ? movie.duration / (double) movie.timescale : 0;
        if (movie.hasMovieExtends || seconds == 0) {
            for (Track t : movie.tracks) {
                if (t.timescale > 0 && t.sampleEntry != null) {
                    seconds = Math.max(seconds, t.end() / (double) t.timescale);
                }
            }
        }
        return seconds > 0 ? Math.round(seconds * 1000) : null;
    }

    private static void copyUserData(MovieBox movie, MediaMetadata.Builder out) {
        var data = movie.userData;
        out.cameraMake(first(data.get("com.apple.quicktime.make"), data.get("\u00a9mak")));
        out.cameraModel(first(data.get("com.apple.quicktime.model"), data.get("\u00a9mod")));
        Iso6709.copy(first(data.get("com.apple.quicktime.location.ISO6709"), first(data.get("\u00a9xyz"), data.get("loci"))), out);
        out.livePhotoId(data.get("com.apple.quicktime.content.identifier"));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
