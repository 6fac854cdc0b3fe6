package dev.mediapipeline.ingest.queue;

import static dev.mediapipeline.ingest.queue.DeadLetterReasons.INVALID_KEY;
import static dev.mediapipeline.ingest.queue.DeadLetterReasons.MALFORMED_EVENT;

import dev.mediapipeline.common.event.MalformedEventException;
import dev.mediapipeline.common.event.S3EventParser;
import dev.mediapipeline.common.event.S3EventRecord;
import dev.mediapipeline.common.event.S3Notification;
import dev.mediapipeline.ingest.handle.EventHandler;
import dev.mediapipeline.ingest.handle.IngestMetrics;
import dev.mediapipeline.ingest.handle.RecordResult;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides a message's fate from its body. Poison (unreadable, or a key outside the layout) is
 * dead-lettered at once rather than retried five times; any other failure is left to retries.
 */
final class MessageProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(MessageProcessor.class);

    private final S3EventParser parser = new S3EventParser();
    private final EventHandler handler;
    private final IngestMetrics metrics;

    MessageProcessor(EventHandler handler, IngestMetrics metrics) {
        this.handler = handler;
        this.metrics = metrics;
    }

    Disposition process(String body) {
        S3Notification notification;
        try {
            notification = parser.parse(body);
        } catch (MalformedEventException e) {
            return new Disposition.DeadLetter(MALFORMED_EVENT, e.getMessage());
        }
        if (notification instanceof S3Notification.Records records) {
            return handle(records.records());
        }
        metrics.message("test-event");
        return new Disposition.Done();
    }

    private Disposition handle(List<S3EventRecord> records) {
        List<String> rejections = new ArrayList<>();
        for (S3EventRecord record : records) {
            try {
                RecordResult result = handler.handle(record);
                metrics.message(result.kind().name().toLowerCase(java.util.Locale.ROOT));
                result.rejection().ifPresent(reason -> rejections.add(reason + ": " + record.key()));
            } catch (RuntimeException e) {
                LOG.warn("Will retry {} {}: {}", record.eventName(), record.key(), e.toString());
                return new Disposition.Retry(e);
            }
        }
        return rejections.isEmpty() ? new Disposition.Done()
                : new Disposition.DeadLetter(INVALID_KEY, String.join("; ", rejections));
    }
}
