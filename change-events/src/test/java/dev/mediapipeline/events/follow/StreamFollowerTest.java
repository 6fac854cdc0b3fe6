package dev.mediapipeline.events.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.config.PipelineConfig;
import dev.mediapipeline.common.provision.Provisioner;
import dev.mediapipeline.events.testing.UserMediaItems;
import dev.mediapipeline.localaws.LocalAws;
import dev.mediapipeline.localaws.LocalAwsOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** The follower on the embedded stream, whose shards roll over every second here (every few hours on AWS). */
class StreamFollowerTest {

    private static final Duration SHARD_LIFETIME = Duration.ofSeconds(1);
    private static final Duration IDLE = Duration.ofMillis(100);

    private LocalAws stack;
    private AwsClients clients;
    private UserMediaItems items;
    private String streamArn;

    @BeforeEach
    void start() {
        stack = LocalAws.start(LocalAwsOptions.inMemoryOnFreePort().withStreamShardLifetime(SHARD_LIFETIME));
        clients = new AwsClients(PipelineConfig.defaults().withEndpoint(stack.endpoint()));
        new Provisioner(clients).provision();
        items = new UserMediaItems(clients);
        streamArn = StreamFollower.streamOf(clients.dynamoDb(), clients.config().mediaTable());
    }

    @AfterEach
    void stop() {
        clients.close();
        stack.close();
    }

    @Test
    void followsEveryShardAcrossRollOversAndResumesFromItsCheckpointWithoutRepeats(@TempDir Path dir)
            throws Exception {
        Path checkpointFile = dir.resolve("events.checkpoint");
        List<Record> seen = new CopyOnWriteArrayList<>();
        StreamFollower first = follower(StartingPoint.TRIM_HORIZON, Checkpoint.file(checkpointFile));
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> follow(first, seen));

        writeAcrossShards("a", 9);
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() == 9);
        first.stop();
        running.get(30, TimeUnit.SECONDS);
        writeAcrossShards("b", 6);

        List<Record> resumed = new CopyOnWriteArrayList<>();
        follower(StartingPoint.TRIM_HORIZON, Checkpoint.file(checkpointFile)).run(resumed::add, false);

        assertThat(seen).extracting(r -> r.dynamodb().newImage().get("MediaId").s())
                .containsExactly("a-0", "a-1", "a-2", "a-3", "a-4", "a-5", "a-6", "a-7", "a-8");
        assertThat(resumed).extracting(r -> r.dynamodb().newImage().get("MediaId").s())
                .containsExactly("b-0", "b-1", "b-2", "b-3", "b-4", "b-5");
        assertThat(clients.dynamoDbStreams().describeStream(r -> r.streamArn(streamArn)).streamDescription().shards())
                .as("the writes were spread over several shards").hasSizeGreaterThan(4);
    }

    @Test
    void latestSkipsWhatWasWrittenBeforeAndKeepsUpAcrossRollOvers() throws Exception {
        writeAcrossShards("before", 3);
        List<Record> seen = new CopyOnWriteArrayList<>();
        StreamFollower follower = follower(StartingPoint.LATEST, Checkpoint.inMemory());

        follower.run(seen::add, false);
        writeAcrossShards("after", 4);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            follower.run(seen::add, false);
            assertThat(seen).hasSize(4);
        });

        assertThat(seen).extracting(r -> r.dynamodb().newImage().get("MediaId").s())
                .containsExactly("after-0", "after-1", "after-2", "after-3");
    }

    @Test
    void aLatestReaderStoppedBeforeAnyChangeGetsWhatCameWhileItWasAwayButNothingOlder(@TempDir Path dir)
            throws Exception {
        Path checkpointFile = dir.resolve("latest.checkpoint");
        items.put("ada", "before.jpg", "2024-01-01T00:00:00Z");
        Record before = only(follower(StartingPoint.TRIM_HORIZON, Checkpoint.inMemory()));
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().getEpochSecond()
                > before.dynamodb().approximateCreationDateTime().getEpochSecond());
        List<Record> seen = new CopyOnWriteArrayList<>();
        follower(StartingPoint.LATEST, Checkpoint.file(checkpointFile)).run(seen::add, false);

        items.put("ada", "while-away.jpg", "2024-01-01T00:00:00Z");
        follower(StartingPoint.LATEST, Checkpoint.file(checkpointFile)).run(seen::add, false);

        assertThat(seen).extracting(r -> r.dynamodb().newImage().get("MediaId").s()).containsExactly("while-away.jpg");
    }

    @Test
    void aTimeStartsAtTheFirstRecordWrittenAtOrAfterIt() throws Exception {
        items.put("ada", "old.jpg", "2024-01-01T00:00:00Z");
        Record old = only(follower(StartingPoint.TRIM_HORIZON, Checkpoint.inMemory()));
        await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().getEpochSecond()
                > old.dynamodb().approximateCreationDateTime().getEpochSecond());
        items.put("ada", "new.jpg", "2024-01-01T00:00:00Z");

        List<Record> seen = new CopyOnWriteArrayList<>();
        follower(StartingPoint.at(old.dynamodb().approximateCreationDateTime().plusSeconds(1)), Checkpoint.inMemory())
                .run(seen::add, false);

        assertThat(seen).extracting(r -> r.dynamodb().newImage().get("MediaId").s()).containsExactly("new.jpg");
    }

    @Test
    void aCheckpointOfAnotherStreamIsRefused(@TempDir Path dir) {
        Checkpoint checkpoint = Checkpoint.file(dir.resolve("other"));
        checkpoint.bind("arn:aws:dynamodb:us-east-1:000000000000:table/Other/stream/2026-01-01T00:00:00.000");
        checkpoint.advance("shardId-1", "100");
        checkpoint.save();

        assertThatThrownBy(() -> follower(StartingPoint.TRIM_HORIZON,
                        Checkpoint.file(dir.resolve("other"))))
                .hasMessageContaining("belongs to the stream arn:aws:dynamodb:us-east-1:000000000000:table/Other");
    }

    private StreamFollower follower(StartingPoint start, Checkpoint checkpoint) {
        return new StreamFollower(clients.dynamoDbStreams(), streamArn, start, checkpoint, IDLE);
    }

    private static Record only(StreamFollower follower) throws InterruptedException {
        List<Record> records = new CopyOnWriteArrayList<>();
        follower.run(records::add, false);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static void follow(StreamFollower follower, List<Record> into) {
        try {
            follower.run(into::add, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes {@code count} items, waiting for a new shard after every third: no bare sleep. */
    private void writeAcrossShards(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            items.put("ada", prefix + "-" + i, "2024-07-04T12:30:00Z");
            if (i % 3 == 2) {
                int before = shardCount();
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                        .until(() -> shardCount() > before);
            }
        }
    }

    private int shardCount() {
        return clients.dynamoDbStreams().describeStream(r -> r.streamArn(streamArn)).streamDescription().shards().size();
    }
}
