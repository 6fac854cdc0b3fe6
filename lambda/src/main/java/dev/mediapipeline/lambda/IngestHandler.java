package dev.mediapipeline.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.ingest.handle.IngestMetrics;
import dev.mediapipeline.ingest.handle.IngestObserver;
import dev.mediapipeline.ingest.queue.IngestOptions;
import dev.mediapipeline.ingest.queue.MessageSettler;
import dev.mediapipeline.lambda.event.SqsMessages;
import io.micrometer.core.instrument.Metrics;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest worker's core behind an SQS event source mapping with {@code ReportBatchItemFailures}. Each
 * message is settled as the long-running worker settles it: poison dead-lettered with its reason and
 * reported done, a transient failure handed back with backoff (ChangeMessageVisibility) and reported as a
 * batch item failure. The mapping deletes the rest.
 */
public final class IngestHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

    private final MessageSettler settler;

    /** What Lambda instantiates: resources named by the function's environment (see {@link FunctionEnvironment}). */
    public IngestHandler() {
        this(FunctionEnvironment.clients(), new IngestMetrics(Metrics.globalRegistry, IngestObserver.NONE),
                IngestOptions.defaults());
    }

    public IngestHandler(AwsClients clients, IngestMetrics metrics, IngestOptions options) {
        this.settler = MessageSettler.forIngestQueue(clients, metrics, options.limits(), options.retryBackoff());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            if (!settled(message)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private boolean settled(SQSEvent.SQSMessage message) {
        try {
            return settler.settle(SqsMessages.toSdk(message), true);
        } catch (RuntimeException e) {
            // The queue itself failed us: the message comes back after its visibility timeout.
            LOG.warn("Could not settle message {}: {}", message.getMessageId(), e.toString());
            return false;
        }
    }
}
