import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * Container health check for the worker images, which have no shell, curl or wget: exits 0 when the
 * URL answers 2xx within a few seconds, 1 otherwise. Compiled into the image by app's `images` profile;
 * used as {@code java -cp /opt/media-pipeline/probe HealthProbe http://127.0.0.1:8080/health}.
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: HealthProbe URL");
            System.exit(2);
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(args[0]).toURL().openConnection();
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(3_000);
            int status = connection.getResponseCode();
            System.out.println(args[0] + " " + status);
            System.exit(status >= 200 && status < 300 ? 0 : 1);
        } catch (IOException | IllegalArgumentException e) {
            System.out.println(args[0] + " " + e);
            System.exit(1);
        }
    }
}
