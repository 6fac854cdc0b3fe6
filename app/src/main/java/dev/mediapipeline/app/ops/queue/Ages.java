package dev.mediapipeline.app.ops.queue;

import java.time.Duration;

/** Ages as operators read them: "45s", "3m 05s", "2h 10m", "4d 03h". */
public final class Ages {

    private Ages() {
    }

    public static String human(Duration age) {
        long s = Math.max(0, age.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm %02ds", s / 60, s % 60);
        }
        if (s < 86400) {
            return String.format("%dh %02dm", s / 3600, s % 3600 / 60);
        }
        return String.format("%dd %02dh", s / 86400, s % 86400 / 3600);
    }
}
