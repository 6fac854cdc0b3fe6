package dev.mediapipeline.app.lifecycle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Things started in order and stopped in reverse: workers drain before the stack they talk to stops. The
 * stop logs one line with what each part took, so a slow shutdown says what it waited for.
 */
public final class Components implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Components.class);
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    public <T extends AutoCloseable> T add(T component) {
        started.push(component);
        return component;
    }

    @Override
    public void close() {
        long begin = System.nanoTime();
        List<String> took = new ArrayList<>();
        while (!started.isEmpty()) {
            AutoCloseable c = started.pop();
            long at = System.nanoTime();
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", c.getClass().getSimpleName(), e.toString());
            }
            took.add(c.getClass().getSimpleName() + " " + millisSince(at) + " ms");
        }
        if (!took.isEmpty()) {
            LOG.info("Stopped in {} ms: {}", millisSince(begin), String.join(", ", took));
        }
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }
}
