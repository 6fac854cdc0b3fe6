package dev.mediapipeline.app.ops.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowPercentilesTest {

    @Test
    void interpolatesWithinTheBucketThatHoldsTheRankAsPrometheusDoes() {
        double[] bounds = {0.1, 0.5, 1.0};
        double[] cumulative = {2, 8, 10};

        assertThat(WindowPercentiles.quantile(0.5, 10, cumulative, bounds)).isCloseTo(0.3, within(1e-9));
        assertThat(WindowPercentiles.quantile(0.99, 10, cumulative, bounds)).isCloseTo(0.975, within(1e-9));
    }

    @Test
    void eachLookSeesOnlyWhatTheTimerRecordedSinceThePreviousOne() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Timer timer = Timer.builder("t").publishPercentileHistogram().register(registry);
        WindowPercentiles window = new WindowPercentiles();
        for (int i = 0; i < 100; i++) {
            timer.record(Duration.ofMillis(10));
        }

        double[] fast = window.next(Optional.of(timer)).orElseThrow();
        assertThat(window.next(Optional.of(timer))).as("nothing recorded since").isEmpty();
        for (int i = 0; i < 100; i++) {
            timer.record(Duration.ofSeconds(2));
        }
        double[] slow = window.next(Optional.of(timer)).orElseThrow();

        assertThat(fast[0]).isBetween(0.005, 0.015);
        assertThat(fast[1]).isBetween(0.005, 0.015);
        assertThat(slow[0]).as("the fast recordings are no longer in the window").isBetween(1.5, 2.5);
        assertThat(slow[1]).isBetween(1.5, 2.5);
    }
}
