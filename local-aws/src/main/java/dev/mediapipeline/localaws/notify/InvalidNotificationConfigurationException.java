package dev.mediapipeline.localaws.notify;

/** A notification configuration S3 would refuse; {@link #code()} is the S3 error code to answer with. */
public final class InvalidNotificationConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public InvalidNotificationConfigurationException(String code, String message) {
        super(message);
        this.code = code;
    }

    public InvalidNotificationConfigurationException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** e.g. {@code MalformedXML}, {@code InvalidArgument}. */
    public String code() {
        return code;
    }
}
