package dev.mediapipeline.app.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Blocks until Ctrl-C or SIGTERM. Handling the signals ourselves, instead of in a shutdown hook, lets
 * the command drain its workers and then exit 0, as container runtimes and scripts expect.
 */
public final class Signals {

    private Signals() {
    }

    public static String awaitTermination() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        String[] received = new String[1];
        onTermination(signal -> {
            received[0] = signal;
            stop.countDown();
        });
        stop.await();
        return received[0];
    }

    /**
     * Calls {@code action} with the signal's name (SIGINT, SIGTERM) instead of letting the JVM exit, until
     * the returned handle is closed, which puts the previous handlers back (a command run inside a longer-lived
     * JVM, as tests do, must not leave the JVM deaf to signals).
     */
    public static Handlers onTermination(Consumer<String> action) {
        Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal signal = new Signal(name);
            previous.put(signal, Signal.handle(signal, s -> action.accept("SIG" + s.getName())));
        }
        return () -> previous.forEach(Signal::handle);
    }

    /** Installed signal handlers; closing restores the ones before. */
    public interface Handlers extends AutoCloseable {
        @Override
        void close();
    }
}
