package dev.mediapipeline.bench.billing;

import dev.mediapipeline.bench.report.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What a number of uploads (or deletes) cost in AWS billing units, scaled to 1,000 of them, and in dollars at
 * the price list's rates. S3 PUTs and DELETEs are the uploader's, not the pipeline's, and are left out; S3's
 * delivery of each event to SQS is one SQS request billed to the queue's owner, which the workers' clients
 * cannot see, so it is added per event.
 */
public record Bill(long events, Usage usage, Prices prices) {

    public double s3Requests() {
        return per1000(usage.requests(RequestMeter.S3));
    }

    public double sqsRequests() {
        return per1000(usage.requests(RequestMeter.SQS) + events);
    }

    public double dynamodbWriteUnits() {
        return per1000(usage.totalWriteUnits());
    }

    public double dynamodbReadUnits() {
        return per1000(usage.totalReadUnits());
    }

    public double streamReads() {
        return per1000(usage.requests(RequestMeter.STREAMS, "GetRecords"));
    }

    /** Write units of one table and its indexes per event (not per 1,000). */
    public double writeUnitsPerEvent(String table) {
        return usage.writeUnits().entrySet().stream()
                .filter(e -> e.getKey().equals(table) || e.getKey().startsWith(RequestMeter.indexOf(table, "")))
                .mapToDouble(Map.Entry::getValue).sum() / events;
    }

    public double usd() {
        return prices.usd("s3.get", s3Requests()) + prices.usd("sqs.request", sqsRequests())
                + prices.usd("dynamodb.write", dynamodbWriteUnits()) + prices.usd("dynamodb.read", dynamodbReadUnits())
                + prices.usd("streams.read", streamReads());
    }

    /** The JSON report's figures, per 1,000 events. */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("s3Requests", s3Requests());
        out.put("sqsRequests", sqsRequests());
        out.put("dynamodbWriteUnits", dynamodbWriteUnits());
        out.put("dynamodbReadUnits", dynamodbReadUnits());
        out.put("streamReads", streamReads());
        out.put("usd", usd());
        Map<String, Double> writes = new LinkedHashMap<>();
        usage.writeUnits().forEach((t, u) -> writes.put(t, per1000(u)));
        Map<String, Double> reads = new LinkedHashMap<>();
        usage.readUnits().forEach((t, u) -> reads.put(t, per1000(u)));
        out.put("dynamodbWriteUnitsByTable", writes);
        out.put("dynamodbReadUnitsByTable", reads);
        Map<String, Double> requests = new LinkedHashMap<>();
        usage.requests().forEach((op, n) -> {
            if (n > 0) {
                requests.put(op, per1000(n));
            }
        });
        out.put("requestsByOperation", requests);
        return out;
    }

    /** One table, uploads and deletes side by side, per 1,000 of each. */
    public static Table table(Bill uploads, Bill deletes) {
        Table t = new Table("billing unit", "per 1,000 uploads", "USD, uploads", "per 1,000 deletes",
                "USD, deletes");
        t.row("S3 GET + HEAD (the ingest worker's reads)", uploads.s3Requests(),
                dollars(uploads.prices.usd("s3.get", uploads.s3Requests())), deletes.s3Requests(),
                dollars(deletes.prices.usd("s3.get", deletes.s3Requests())));
        t.row("SQS requests (S3's delivery + receive, delete, visibility)", uploads.sqsRequests(),
                dollars(uploads.prices.usd("sqs.request", uploads.sqsRequests())), deletes.sqsRequests(),
                dollars(deletes.prices.usd("sqs.request", deletes.sqsRequests())));
        unitRows(t, "DynamoDB write units: ", Usage::writeUnits, "dynamodb.write", uploads, deletes);
        unitRows(t, "DynamoDB read units: ", Usage::readUnits, "dynamodb.read", uploads, deletes);
        t.row("DynamoDB Streams GetRecords (the indexer's KCL)", uploads.streamReads(),
                dollars(uploads.prices.usd("streams.read", uploads.streamReads())), deletes.streamReads(),
                dollars(deletes.prices.usd("streams.read", deletes.streamReads())));
        t.row("**total**", "", dollars(uploads.usd()), "", dollars(deletes.usd()));
        return t;
    }

    /** A row per table that either phase used. */
    private static void unitRows(Table t, String label, Function<Usage, Map<String, Double>> units, String price,
                                 Bill uploads, Bill deletes) {
        TreeSet<String> tables = new TreeSet<>(units.apply(uploads.usage).keySet());
        tables.addAll(units.apply(deletes.usage).keySet());
        for (String table : tables) {
            double u = uploads.per1000(units.apply(uploads.usage).getOrDefault(table, 0.0));
            double d = deletes.per1000(units.apply(deletes.usage).getOrDefault(table, 0.0));
            t.row(label + table, u, dollars(uploads.prices.usd(price, u)), d, dollars(deletes.prices.usd(price, d)));
        }
    }

    /** Fractions of a cent stay readable: three significant digits. */
    private static String dollars(double usd) {
        return String.format(java.util.Locale.ROOT, "$%.3g", usd);
    }

    private double per1000(double count) {
        return events == 0 ? Double.NaN : count * 1000 / events;
    }
}
