package dev.mediapipeline.extract.isobmff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parsed moov box: movie header, tracks, fragment defaults and user-data metadata. */
final class MovieBox {
    long timescale;
    long duration;
    /** mvhd creation time, seconds since 1904-01-01 UTC; 0 when the muxer left it empty. */
    long creationTime;
    /** mvex/mehd fragment_duration in the movie timescale, 0 when absent. */
    long fragmentDuration;
    boolean hasMovieExtends;
    /** Total of the first sidx box, in milliseconds; 0 when absent. */
    long segmentIndexMillis;
    final List<Track> tracks = new ArrayList<>();
    /** udta strings (©xyz, ©mak, ...) and Apple mdta keys (com.apple.quicktime.location.ISO6709, ...). */
    final Map<String, String> userData = new LinkedHashMap<>();

    Track track(long trackId) {
        for (Track t : tracks) {
            if (t.trackId == trackId) {
                return t;
            }
        }
        return null;
    }
}
