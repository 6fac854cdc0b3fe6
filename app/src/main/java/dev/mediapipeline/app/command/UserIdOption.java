package dev.mediapipeline.app.command;

import dev.mediapipeline.common.key.KeyLayoutException;
import dev.mediapipeline.common.key.MediaKey;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --user USER}, checked against the key layout once, before the command does anything. */
final class UserIdOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private String user;

    @Option(names = "--user", required = true, paramLabel = "USER", description = "[A-Za-z0-9_-]{1,128}")
    void user(String value) {
        try {
            MediaKey.checkUserId(value);
        } catch (KeyLayoutException e) {
            throw new ParameterException(spec.commandLine(), "--user '" + value + "' cannot be a user: "
                    + e.getMessage() + " (objects live under users/<UserId>/)");
        }
        user = value;
    }

    String get() {
        return user;
    }
}
