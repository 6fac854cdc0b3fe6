package dev.mediapipeline.app.lifecycle;

import java.util.concurrent.CountDownLatch;
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
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> {
                received[0] = "SIG" + signal.getName();
                stop.countDown();
            });
        }
        stop.await();
        return received[0];
    }
}
