package dev.mediapipeline.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.client.methods.RequestBuilder;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/**
 * A pass-through HTTP endpoint in front of the embedded stack that remembers which queue attributes
 * each client asked for. ElasticMQ accepts Policy and MessageRetentionPeriod but does not report them
 * back, so comparing what the two provisioning paths requested is the only way to see them differ.
 * Requests are forwarded byte for byte with their Host header, so SigV4 signatures stay valid.
 */
final class QueueSettingsTap implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "content-length", "transfer-encoding", "connection", "keep-alive", "expect");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final CloseableHttpClient client = HttpClients.custom()
            .disableContentCompression()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAutomaticRetries()
            .build();
    /** Queue name → attribute → the value last requested by CreateQueue or SetQueueAttributes. */
    private final Map<String, Map<String, String>> requested = new ConcurrentHashMap<>();

    private QueueSettingsTap(URI target, HttpServer server) {
        this.target = target;
        this.server = server;
    }

    static QueueSettingsTap inFrontOf(URI target) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            QueueSettingsTap tap = new QueueSettingsTap(target, server);
            server.createContext("/", tap::forward);
            server.setExecutor(tap.threads);
            server.start();
            return tap;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The attributes requested for one queue, in the wire's string form; empty if none. */
    Map<String, String> requestedAttributes(String queueName) {
        return Map.copyOf(requested.getOrDefault(queueName, Map.of()));
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            remember(exchange, body);
            URI uri = exchange.getRequestURI();
            RequestBuilder request = RequestBuilder.create(exchange.getRequestMethod())
                    .setUri(target.resolve(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(v -> request.addHeader(name, v));
                }
            });
            if (body.length > 0 || exchange.getRequestHeaders().containsKey("Content-Length")) {
                request.setEntity(new ByteArrayEntity(body));
            }
            HttpResponse response = client.execute(request.build());
            byte[] responseBody = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            for (Header header : response.getAllHeaders()) {
                if (!HOP_BY_HOP.contains(header.getName().toLowerCase())) {
                    exchange.getResponseHeaders().add(header.getName(), header.getValue());
                }
            }
            exchange.sendResponseHeaders(response.getStatusLine().getStatusCode(),
                    responseBody.length == 0 ? -1 : responseBody.length);
            exchange.getResponseBody().write(responseBody);
        }
    }

    /** SQS speaks JSON (X-Amz-Target: AmazonSQS.*, current SDKs) or the query protocol (older CLIs). */
    private void remember(HttpExchange exchange, byte[] body) throws IOException {
        String sqsTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (sqsTarget != null && sqsTarget.startsWith("AmazonSQS.")) {
            JsonNode request = JSON.readTree(body);
            Map<String, String> attributes = new HashMap<>();
            request.path("Attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
            remember(sqsTarget.substring("AmazonSQS.".length()), request.path("QueueName").asText(null),
                    request.path("QueueUrl").asText(null), attributes);
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
            Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
            Map<String, String> attributes = new HashMap<>();
            for (int i = 1; form.containsKey("Attribute." + i + ".Name"); i++) {
                attributes.put(form.get("Attribute." + i + ".Name"), form.get("Attribute." + i + ".Value"));
            }
            remember(form.getOrDefault("Action", ""), form.get("QueueName"), form.get("QueueUrl"), attributes);
        }
    }

    private void remember(String action, String queueName, String queueUrl, Map<String, String> attributes) {
        if (!List.of("CreateQueue", "SetQueueAttributes").contains(action)) {
            return;
        }
        String name = queueName != null ? queueName : queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
        requested.computeIfAbsent(name, n -> new ConcurrentHashMap<>()).putAll(attributes);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        threads.shutdownNow();
        client.close();
    }
}
