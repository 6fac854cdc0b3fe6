package dev.mediapipeline.app.command;

import dev.mediapipeline.localaws.DataDirInUseException;
import dev.mediapipeline.localaws.LocalAwsOptions;
import java.net.BindException;
import java.util.Optional;

/**
 * A process that cannot start, for a reason the user can fix: the message is one line that says what is
 * wrong and which option fixes it. The command line prints it without a stack trace.
 */
public final class StartupFailure extends RuntimeException {

    StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Why the embedded stack did not start, with the options that get round it, if we know. */
    static Optional<StartupFailure> ofEmbeddedStack(RuntimeException e, LocalAwsOptions options) {
        Optional<DataDirInUseException> dataDir = cause(e, DataDirInUseException.class);
        if (dataDir.isPresent()) {
            return Optional.of(new StartupFailure("data dir " + dataDir.get().dataDir() + " is in use by another "
                    + "media-pipeline run or local-aws; stop that one, or use another: --data-dir DIR, or --in-memory",
                    e));
        }
        return cause(e, BindException.class).map(bind -> new StartupFailure("port " + options.port() + " on "
                + options.host() + " is in use (another media-pipeline run or local-aws?); stop it, or pick another: "
                + "--port N", e));
    }

    /** Why the ops port could not be opened, if it is that it is taken. */
    static Optional<StartupFailure> ofOpsPort(Exception e, int port) {
        return cause(e, BindException.class).map(bind -> new StartupFailure("ops port " + port
                + " is in use (another media-pipeline run?); stop it, or pick another: --ops-port N (0 = any free port)",
                e));
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
