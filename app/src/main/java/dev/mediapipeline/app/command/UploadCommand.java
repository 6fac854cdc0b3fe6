package dev.mediapipeline.app.command;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.key.KeyLayoutException;
import dev.mediapipeline.common.key.MediaKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.core.sync.RequestBody;

@Command(name = "upload", mixinStandardHelpOptions = true,
        description = "Put files under users/<user>/ with x-amz-meta-tags, as any S3 client could.")
public final class UploadCommand implements Callable<Integer> {

    @Mixin
    ToolEndpoint endpoint;

    @Option(names = "--user", required = true, paramLabel = "USER", description = "[A-Za-z0-9_-]{1,128}")
    String user;

    @Option(names = "--tags", split = ",", paramLabel = "TAG", description = "Comma-separated tags.")
    List<String> tags = List.of();

    @Option(names = "--prefix", paramLabel = "PATH", defaultValue = "",
            description = "Folder under the user, e.g. 2024/trip/.")
    String prefix;

    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        int failed = 0;
        try (AwsClients clients = new AwsClients(endpoint.config())) {
            String bucket = clients.config().bucket();
            for (Path file : files) {
                String key = MediaKey.PREFIX + user + "/" + prefix + file.getFileName();
                try {
                    MediaKey.parse(key);
                } catch (KeyLayoutException e) {
                    System.err.println("Skipped " + file + ": " + e.getMessage());
                    failed++;
                    continue;
                }
                if (!Files.isRegularFile(file)) {
                    System.err.println("Skipped " + file + ": not a readable file");
                    failed++;
                    continue;
                }
                clients.s3().putObject(r -> r.bucket(bucket).key(key)
                                .metadata(tags.isEmpty() ? Map.of() : Map.of("tags", String.join(",", tags))),
                        RequestBody.fromFile(file));
                System.out.println("s3://" + bucket + "/" + key);
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
