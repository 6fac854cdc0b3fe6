package dev.mediapipeline.ingest.handle;

import dev.mediapipeline.common.event.S3EventRecord;
import dev.mediapipeline.extract.MediaMetadata;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** What operators watch of ingestion: outcomes, failures by class, latency, extraction cost. */
public final class IngestMetrics {

    private final MeterRegistry registry;
    private final Timer latency;
    private final Timer extraction;
    private final DistributionSummary bytesRead;
    private final IngestObserver observer;

    public IngestMetrics(MeterRegistry registry, IngestObserver observer) {
        this.registry = registry;
        this.observer = observer;
        this.latency = Timer.builder("media.ingest.latency")
                .description("S3 event time to item written")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
        this.extraction = Timer.builder("media.ingest.extraction")
                .description("time spent reading and parsing one object")
                .publishPercentileHistogram()
                .register(registry);
        this.bytesRead = DistributionSummary.builder("media.ingest.bytes.read")
                .description("bytes fetched from S3 per object")
                .baseUnit("bytes")
                .register(registry);
    }

    MediaMetadata timeExtraction(Supplier<MediaMetadata> work) {
        return extraction.record(work);
    }

    void itemWritten(S3EventRecord record, MediaMetadata metadata, Instant now) {
        registry.counter("media.ingest.processed", "type", metadata.type().wireName(), "status", metadata.status())
                .increment();
        if (metadata.errorClass() != null) {
            registry.counter("media.ingest.failures", "errorClass", metadata.errorClass().wireName()).increment();
            observer.failedItem(record.bucket(), record.key(), metadata.errorClass().wireName(), metadata.error(),
                    now);
        }
        bytesRead.record(metadata.bytesRead());
        latency.record(Duration.between(record.eventTime(), now));
    }

    /** Messages that ended anywhere but in an item: dead-lettered, skipped as stale, retried. */
    public void message(String outcome) {
        registry.counter("media.ingest.messages", "outcome", outcome).increment();
    }
}
