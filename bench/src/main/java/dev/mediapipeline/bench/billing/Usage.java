package dev.mediapipeline.bench.billing;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a set of clients used: requests by "service operation", and DynamoDB read and write units by table.
 * Two snapshots taken around a phase give the phase's own usage by {@link #minus}.
 */
public record Usage(Map<String, Long> requests, Map<String, Double> readUnits, Map<String, Double> writeUnits) {

    public Usage minus(Usage before) {
        Map<String, Long> r = new TreeMap<>(requests);
        before.requests.forEach((k, v) -> r.merge(k, -v, Long::sum));
        Map<String, Double> reads = new TreeMap<>(readUnits);
        before.readUnits.forEach((k, v) -> reads.merge(k, -v, Double::sum));
        Map<String, Double> writes = new TreeMap<>(writeUnits);
        before.writeUnits.forEach((k, v) -> writes.merge(k, -v, Double::sum));
        return new Usage(r, reads, writes);
    }

    /** Requests to one service, all operations. */
    public long requests(String service) {
        return requests.entrySet().stream().filter(e -> e.getKey().startsWith(service + " "))
                .mapToLong(Map.Entry::getValue).sum();
    }

    public long requests(String service, String operation) {
        return requests.getOrDefault(service + " " + operation, 0L);
    }

    public double totalReadUnits() {
        return readUnits.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    public double totalWriteUnits() {
        return writeUnits.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
