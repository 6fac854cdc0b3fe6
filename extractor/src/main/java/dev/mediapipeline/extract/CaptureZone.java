package dev.mediapipeline.extract;

import dev.mediapipeline.extract.zone.GpsTimeZones;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Gives TakenAt the best zone there is evidence for, and says which: the file's own offset ({@code file});
 * else the time zone of the GPS position at that time ({@code gps}); else none. A container's UTC time is
 * moved into the position's zone (same instant). Never the server's zone, never a guess: a position on a
 * disputed border whose zones disagree, at sea, or a wall time that a clock change skipped or repeated gets
 * no zone. The zone index is read only here, so only for files with a position and no offset of their own.
 */
final class CaptureZone {

    static final String FILE = "file";
    static final String GPS = "gps";

    private CaptureZone() {
    }

    static void resolve(MediaMetadata.Builder out) {
        String takenAt = out.takenAt();
        if (takenAt == null) {
            return;
        }
        boolean zoned = CaptureTime.hasOffset(takenAt);
        if (zoned && !out.takenAtUtc()) {
            out.takenAtZone(takenAt, FILE);
            return;
        }
        if (out.gpsLatitude() == null) {
            return;
        }
        List<ZoneId> zones = GpsTimeZones.at(out.gpsLatitude(), out.gpsLongitude());
        if (zoned) {
            OffsetDateTime utc = OffsetDateTime.parse(takenAt);
            ZoneOffset offset = agreedOffset(zones, utc.toLocalDateTime(), true);
            if (offset != null) {
                out.takenAtZone(CaptureTime.format(utc.withOffsetSameInstant(offset).toLocalDateTime(), offset), GPS);
            }
        } else {
            LocalDateTime local = LocalDateTime.parse(takenAt);
            ZoneOffset offset = agreedOffset(zones, local, false);
            if (offset != null) {
                out.takenAtZone(CaptureTime.format(local, offset), GPS);
            }
        }
    }

    /** The one offset all the zones have at that time (a UTC instant, or a wall time), else null. */
    private static ZoneOffset agreedOffset(List<ZoneId> zones, LocalDateTime time, boolean utc) {
        ZoneOffset agreed = null;
        for (ZoneId zone : zones) {
            ZoneOffset offset;
            if (utc) {
                offset = zone.getRules().getOffset(time.toInstant(ZoneOffset.UTC));
            } else {
                List<ZoneOffset> valid = zone.getRules().getValidOffsets(time);
                offset = valid.size() == 1 ? valid.get(0) : null;
            }
            if (offset == null || agreed != null && !agreed.equals(offset)) {
                return null;
            }
            agreed = offset;
        }
        return agreed;
    }
}
