package dev.mediapipeline.localaws.testing;

import dev.mediapipeline.localaws.LocalAws;
import dev.mediapipeline.localaws.LocalAwsOptions;
import java.net.URI;

/**
 * One in-memory embedded AWS stack per test JVM, on a free port, started on first use and closed by a
 * shutdown hook. Tests that share it must use their own bucket, queue and table names.
 *
 * <pre>{@code
 * URI endpoint = SharedLocalAws.endpoint();
 * }</pre>
 */
public final class SharedLocalAws {

    /** The region the shared stack reports in events and ARNs. */
    public static final String REGION = LocalAwsOptions.DEFAULT_REGION;

    private static LocalAws stack;

    private SharedLocalAws() {
    }

    /** The shared stack's endpoint, e.g. {@code http://127.0.0.1:41234}; region {@value #REGION}. */
    public static synchronized URI endpoint() {
        if (stack == null) {
            LocalAws started = LocalAws.start(LocalAwsOptions.inMemoryOnFreePort());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-local-aws-shutdown"));
            stack = started;
        }
        return stack.endpoint();
    }
}
