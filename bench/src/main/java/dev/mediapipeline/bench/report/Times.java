package dev.mediapipeline.bench.report;

/** A ratio, shown as "6.3×" in tables and kept as a plain number in JSON. */
public record Times(double value) {

    public static Times of(double numerator, double denominator) {
        return new Times(denominator > 0 ? numerator / denominator : Double.NaN);
    }
}
