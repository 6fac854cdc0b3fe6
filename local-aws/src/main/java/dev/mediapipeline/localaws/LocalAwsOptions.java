package dev.mediapipeline.localaws;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start the embedded stack.
 *
 * @param host    interface the endpoint listens on
 * @param port    endpoint port; 0 picks a free one (read it back from {@link LocalAws#endpoint()})
 * @param dataDir where S3 objects, tables, notification configuration and queues are kept across
 *                restarts; empty keeps everything in memory
 * @param region  region reported in S3 events and ARNs (clients may sign with any region)
 */
public record LocalAwsOptions(String host, int port, Optional<Path> dataDir, String region) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 4566;
    public static final String DEFAULT_REGION = "us-east-1";

    public LocalAwsOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(region, "region");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** 127.0.0.1:4566, data kept under ./data, region us-east-1. */
    public static LocalAwsOptions defaults() {
        return new LocalAwsOptions(DEFAULT_HOST, DEFAULT_PORT, Optional.of(Path.of("data")), DEFAULT_REGION);
    }

    /** Nothing kept, a free port: what tests want. */
    public static LocalAwsOptions inMemoryOnFreePort() {
        return defaults().withInMemory().withPort(0);
    }

    public LocalAwsOptions withHost(String newHost) {
        return new LocalAwsOptions(newHost, port, dataDir, region);
    }

    public LocalAwsOptions withPort(int newPort) {
        return new LocalAwsOptions(host, newPort, dataDir, region);
    }

    public LocalAwsOptions withDataDir(Path dir) {
        return new LocalAwsOptions(host, port, Optional.of(dir), region);
    }

    public LocalAwsOptions withInMemory() {
        return new LocalAwsOptions(host, port, Optional.empty(), region);
    }

    public LocalAwsOptions withRegion(String newRegion) {
        return new LocalAwsOptions(host, port, dataDir, newRegion);
    }

    public boolean inMemory() {
        return dataDir.isEmpty();
    }
}
