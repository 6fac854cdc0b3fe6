package dev.mediapipeline.localaws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KeyLocksTest {

    private final KeyLocks locks = new KeyLocks();

    @Test
    void aLongWriteHoldsUpOnlyWritesOfTheSameKey() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Void> longUpload = CompletableFuture.runAsync(() -> locks.withLock("b", "big.bin", () -> {
            holding.countDown();
            awaitLatch(release);
            return null;
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<String> otherKey = CompletableFuture.supplyAsync(() -> locks.withLock("b", "small.jpg", () -> "done"));
        CompletableFuture<String> sameKey = CompletableFuture.supplyAsync(() -> locks.withLock("b", "big.bin", () -> "after"));

        assertThat(otherKey.get(10, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(sameKey).isNotDone();
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(sameKey::isDone);
        assertThat(sameKey.get()).isEqualTo("after");
        longUpload.get(10, TimeUnit.SECONDS);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
