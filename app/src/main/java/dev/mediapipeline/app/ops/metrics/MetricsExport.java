package dev.mediapipeline.app.ops.metrics;

import dev.mediapipeline.common.aws.AwsClients;
import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/**
 * Where the workers' meters go: always to Prometheus (scraped at /metrics), and to CloudWatch as well
 * when {@value #NAMESPACE_VARIABLE} names a namespace, once a minute. CloudWatch takes the names as they
 * are, with a suffix per statistic: {@code media.ingest.latency.avg}, {@code media.ingest.processed.count},
 * {@code media.queue.messages.visible.value} (see deploy/cloudwatch).
 */
public final class MetricsExport implements AutoCloseable {

    public static final String NAMESPACE_VARIABLE = "MEDIA_CLOUDWATCH_NAMESPACE";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsExport.class);
    /**
     * On CloudWatch every histogram bucket would be a metric of its own (about 70 per timer, each billed),
     * so timers publish their p50 and p99 there instead, as {@code <name>.percentile.value} with dimension phi.
     * Service-level buckets (the index lag's "within 1 s") are buckets too: Prometheus keeps them, CloudWatch not.
     */
    private static final MeterFilter PERCENTILES_NOT_BUCKETS = new MeterFilter() {
        @Override
        public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
            return DistributionStatisticConfig.builder().percentilesHistogram(false).percentiles(0.5, 0.99)
                    .serviceLevelObjectives().build()
                    .merge(config);
        }
    };

    private final PrometheusMeterRegistry prometheus;
    private final MeterRegistry registry;
    private final Optional<CloudWatchMeterRegistry> cloudWatch;
    private final Optional<CloudWatchAsyncClient> client;

    private MetricsExport(PrometheusMeterRegistry prometheus, MeterRegistry registry,
                          Optional<CloudWatchMeterRegistry> cloudWatch, Optional<CloudWatchAsyncClient> client) {
        this.prometheus = prometheus;
        this.registry = registry;
        this.cloudWatch = cloudWatch;
        this.client = client;
    }

    public static MetricsExport create(AwsClients clients, Map<String, String> environment) {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        String namespace = environment.get(NAMESPACE_VARIABLE);
        if (namespace == null || namespace.isBlank()) {
            return new MetricsExport(prometheus, prometheus, Optional.empty(), Optional.empty());
        }
        CloudWatchAsyncClient client = clients.configure(CloudWatchAsyncClient.builder()).build();
        CloudWatchMeterRegistry cloudWatch = new CloudWatchMeterRegistry(new CloudWatchConfig() {
            @Override
            public String get(String key) {
                return null;
            }

            @Override
            public String namespace() {
                return namespace;
            }

            @Override
            public Duration step() {
                return Duration.ofMinutes(1);
            }
        }, Clock.SYSTEM, client);
        cloudWatch.config().meterFilter(PERCENTILES_NOT_BUCKETS);
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(prometheus);
        composite.add(cloudWatch);
        LOG.info("Publishing metrics to CloudWatch namespace {} every minute", namespace);
        return new MetricsExport(prometheus, composite, Optional.of(cloudWatch), Optional.of(client));
    }

    /** What workers and gauges register their meters with. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus view of the same meters: scraped, and read by the ops summary. */
    public PrometheusMeterRegistry prometheus() {
        return prometheus;
    }

    /** Publishes the last minute to CloudWatch before stopping. */
    @Override
    public void close() {
        cloudWatch.ifPresent(CloudWatchMeterRegistry::close);
        client.ifPresent(CloudWatchAsyncClient::close);
    }
}
