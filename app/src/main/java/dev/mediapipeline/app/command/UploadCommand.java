package dev.mediapipeline.app.command;

import dev.mediapipeline.common.aws.AwsClients;
import dev.mediapipeline.common.key.KeyLayoutException;
import dev.mediapipeline.common.key.MediaKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.sync.RequestBody;

@Command(name = "upload", mixinStandardHelpOptions = true,
        description = "Put files under users/<user>/ with x-amz-meta-tags, as any S3 client could. A directory is "
                + "uploaded with everything in it, keeping its name and relative paths: photos/2024/a.jpg becomes "
                + "users/<user>/photos/2024/a.jpg.")
public final class UploadCommand implements Callable<Integer> {

    @Mixin
    ToolEndpoint endpoint;

    @Mixin
    UserIdOption user;

    @Option(names = "--tags", split = ",", paramLabel = "TAG", description = "Comma-separated tags.")
    List<String> tags = List.of();

    @Option(names = "--prefix", paramLabel = "PATH", defaultValue = "",
            description = "Folder under the user, e.g. 2024/trip/.")
    String prefix;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    /** A file to put and the key it goes to. */
    private record Upload(Path file, String key) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        List<Upload> uploads = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                uploads.addAll(walk(path));
            } else if (Files.isRegularFile(path) && Files.isReadable(path)) {
                uploads.add(new Upload(path, key(path.getFileName().toString())));
            } else {
                err.println("Skipped " + path + ": no such readable file or directory");
                failed++;
            }
        }
        try (AwsClients clients = new AwsClients(endpoint.config())) {
            String bucket = clients.config().bucket();
            for (Upload upload : uploads) {
                try {
                    MediaKey.parse(upload.key());
                } catch (KeyLayoutException e) {
                    err.println("Skipped " + upload.file() + ": " + e.getMessage() + ": " + upload.key());
                    failed++;
                    continue;
                }
                clients.s3().putObject(r -> r.bucket(bucket).key(upload.key())
                                .metadata(tags.isEmpty() ? Map.of() : Map.of("tags", String.join(",", tags))),
                        RequestBody.fromFile(upload.file()));
                out.println("s3://" + bucket + "/" + upload.key());
            }
        }
        out.flush();
        err.flush();
        return failed == 0 ? 0 : 1;
    }

    /** Every regular file under {@code dir}, in name order, keyed by the directory's name and the relative path. */
    private List<Upload> walk(Path dir) throws IOException {
        Path base = dir.toAbsolutePath().normalize();
        String name = base.getFileName() == null ? "" : base.getFileName() + "/";
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(Files::isRegularFile).sorted()
                    .map(f -> new Upload(f, key(name + relative(base, f)))).toList();
        }
    }

    /** With '/' between the parts whatever the platform's separator. */
    private static String relative(Path base, Path file) {
        List<String> parts = new ArrayList<>();
        base.relativize(file).forEach(part -> parts.add(part.toString()));
        return String.join("/", parts);
    }

    private String key(String path) {
        return MediaKey.PREFIX + user.get() + "/" + prefix + path;
    }
}
