package dev.mediapipeline.app.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mediapipeline.app.ops.deadletter.DeadLetters;
import dev.mediapipeline.app.ops.summary.OpsSummary;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' port: the dashboard at {@code /} with its assets under {@code /dashboard/}, its data at
 * {@code GET /api/summary}, {@code POST /api/dlq/redrive[?max=N]}, Prometheus metrics at {@code /metrics},
 * liveness at {@code /health} and readiness at {@code /ready}.
 *
 * <p>The redrive endpoint changes state, so it wants the header {@value #ACTION_HEADER}: a page on another
 * site cannot send that header without a CORS preflight, which this server never grants.
 */
public final class OpsServer implements AutoCloseable {

    public static final String ACTION_HEADER = "X-Requested-With";
    /** At most this many letters per redrive click, so one request stays short. */
    public static final int REDRIVE_DEFAULT_MAX = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    private static final Pattern ASSET = Pattern.compile("/dashboard/([a-z0-9-]+\\.(js|css|svg))");
    private static final Pattern MAX = Pattern.compile("(?:^|&)max=(\\d{1,9})(?:&|$)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "html", "text/html; charset=utf-8");

    private final HttpServer server;

    private OpsServer(HttpServer server) {
        this.server = server;
    }

    /** Port 0 picks a free port; read it back with {@link #port()}. */
    public static OpsServer start(String host, int port, PrometheusMeterRegistry registry, Readiness readiness,
                                  OpsSummary summary, DeadLetters deadLetters) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "ops-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4", registry.scrape()));
        server.createContext("/health", ex -> respond(ex, 200, "application/json", "{\"status\":\"UP\"}"));
        server.createContext("/ready", ex -> {
            Readiness.Report report = readiness.check();
            respond(ex, report.ready() ? 200 : 503, "application/json", report.toJson());
        });
        server.createContext("/api/summary", ex -> respond(ex, 200, "application/json", summary.toJson().toString()));
        server.createContext("/api/dlq/redrive", ex -> redrive(ex, deadLetters));
        server.createContext("/", OpsServer::page);
        server.start();
        OpsServer ops = new OpsServer(server);
        LOG.info("Ops HTTP on http://{}:{}/ (dashboard, /metrics /health /ready)", host, ops.port());
        return ops;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void redrive(HttpExchange ex, DeadLetters deadLetters) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            ex.getResponseHeaders().set("Allow", "POST");
            respond(ex, 405, "application/json", "{\"error\":\"POST only\"}");
            return;
        }
        if (ex.getRequestHeaders().getFirst(ACTION_HEADER) == null) {
            respond(ex, 403, "application/json", "{\"error\":\"missing header " + ACTION_HEADER + "\"}");
            return;
        }
        int max = Optional.ofNullable(ex.getRequestURI().getRawQuery()).map(MAX::matcher).filter(Matcher::find)
                .map(m -> Integer.parseInt(m.group(1))).orElse(REDRIVE_DEFAULT_MAX);
        try {
            DeadLetters.Redriven done = deadLetters.redrive(max, false);
            LOG.info("Redrove {} dead letter(s) from the ops page, left {} that cannot succeed", done.moved(),
                    done.skipped());
            respond(ex, 200, "application/json",
                    "{\"redriven\":" + done.moved() + ",\"skipped\":" + done.skipped() + "}");
        } catch (RuntimeException e) {
            LOG.warn("Redrive from the ops page failed: {}", e.toString());
            respond(ex, 502, "application/json", "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private static void page(HttpExchange ex) throws IOException {
        URI uri = ex.getRequestURI();
        String path = uri.getPath();
        if (path.equals("/") || path.equals("/index.html")) {
            asset(ex, "index.html", "html");
            return;
        }
        Matcher m = ASSET.matcher(path);
        if (m.matches()) {
            asset(ex, m.group(1), m.group(2));
        } else {
            respond(ex, 404, "text/plain", "not found: " + path);
        }
    }

    private static void asset(HttpExchange ex, String name, String extension) throws IOException {
        try (InputStream in = OpsServer.class.getResourceAsStream("/dashboard/" + name)) {
            if (in == null) {
                respond(ex, 404, "text/plain", "not found: " + name);
                return;
            }
            send(ex, 200, TYPES.get(extension), in.readAllBytes());
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
