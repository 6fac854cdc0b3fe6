package dev.mediapipeline.app.lifecycle;

import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import sun.misc.Signal;

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

    /** Calls {@code action} with the signal's name (SIGINT, SIGTERM) instead of letting the JVM exit. */
    public static void onTermination(Consumer<String> action) {
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> action.accept("SIG" + signal.getName()));
        }
    }
}
