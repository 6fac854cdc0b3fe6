package dev.mediapipeline.app.command;

import dev.mediapipeline.app.lifecycle.Signals;
import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.key.KeyLayoutException;
import dev.mediapipeline.common.key.MediaKey;
import dev.mediapipeline.events.change.ChangeEvents;
import dev.mediapipeline.events.change.ChangeType;
import dev.mediapipeline.events.follow.Checkpoint;
import dev.mediapipeline.events.follow.StartingPoint;
import dev.mediapipeline.events.follow.StreamFollower;
import io.cloudevents.CloudEvent;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.model.Record;

@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Change events of the UserMedia table as JSON lines (CloudEvents 1.0: media.created, "
                + "media.updated, media.deleted, media.failed), read from its DynamoDB stream across all shards.")
public final class EventsCommand implements Callable<Integer> {

    /** DynamoDB allows 5 GetRecords a second per shard; an idle reader asks twice. */
    private static final Duration IDLE_PAUSE = Duration.ofMillis(500);

    @Mixin
    ToolEndpoint endpoint;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new events until Ctrl-C (else stop once "
            + "caught up).")
    boolean follow;

    @Option(names = "--from", paramLabel = "WHERE", description = "trim-horizon (the oldest kept: 24 h on AWS), "
            + "latest, or a time (2026-12-02T14:00:00Z, or a date). Default: latest with --follow, else "
            + "trim-horizon. With --checkpoint it applies only to shards the checkpoint does not lead to.")
    String from;

    @Option(names = "--user", paramLabel = "USER", description = "Only this user's media.")
    String user;

    @Option(names = "--type", paramLabel = "TYPE", split = ",",
            description = "Only these types: created, updated, deleted, failed (media.* accepted too).")
    List<String> types = List.of();

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Resume after the last event printed "
            + "by a run with the same file, and keep it up to date.")
    Path checkpointFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        StartingPoint start = startingPoint();
        Set<ChangeType> wanted = wantedTypes();
        checkUser();
        PrintWriter out = spec.commandLine().getOut();
        try (AwsClients clients = new AwsClients(endpoint.config())) {
            String streamArn = StreamFollower.streamOf(clients.dynamoDb(), clients.config().mediaTable());
            ChangeEvents mapper = new ChangeEvents(streamArn);
            StreamFollower follower = new StreamFollower(clients.dynamoDbStreams(), streamArn, start,
                    checkpointFile == null ? Checkpoint.inMemory() : Checkpoint.file(checkpointFile), IDLE_PAUSE);
            // On stderr, so that standard output stays JSON lines; once positioned, so that what a user does
            // after seeing it shows up.
            String reading = "events: reading " + streamArn + " from " + (checkpointFile != null
                    && Files.exists(checkpointFile) ? checkpointFile + ", else " : "") + from()
                    + (follow ? "; Ctrl-C stops" : "");
            try (Signals.Handlers stopOnSignal = Signals.onTermination(signal -> follower.stop())) {
                follower.run(record -> print(out, mapper, record, wanted), follow, () -> {
                    spec.commandLine().getErr().println(reading);
                    spec.commandLine().getErr().flush();
                });
            }
        }
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, ChangeEvents mapper, Record record, Set<ChangeType> wanted) {
        CloudEvent event = mapper.map(record);
        if (wanted.contains(ChangeEvents.typeOf(event))
                && (user == null || user.equals(event.getExtension(ChangeEvents.USER_ID_EXTENSION)))) {
            out.println(ChangeEvents.json(event));
            out.flush();
        }
    }

    private StartingPoint startingPoint() {
        try {
            return StartingPoint.parse(from());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--from " + e.getMessage());
        }
    }

    private String from() {
        return Objects.requireNonNullElse(from, follow ? "latest" : "trim-horizon");
    }

    private Set<ChangeType> wantedTypes() {
        if (types.isEmpty()) {
            return EnumSet.allOf(ChangeType.class);
        }
        Set<ChangeType> wanted = EnumSet.noneOf(ChangeType.class);
        for (String type : types) {
            wanted.add(ChangeType.parse(type).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--type '" + type + "' is none of created, updated, deleted, failed")));
        }
        return wanted;
    }

    private void checkUser() {
        if (user == null) {
            return;
        }
        try {
            MediaKey.checkUserId(user);
        } catch (KeyLayoutException e) {
            throw new ParameterException(spec.commandLine(), "--user '" + user + "' cannot be a user: " + e.getMessage());
        }
    }
}
