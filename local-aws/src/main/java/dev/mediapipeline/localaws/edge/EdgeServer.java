package dev.mediapipeline.localaws.edge;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The public endpoint. Bodies are never collected: Jetty's reverse proxy streams them chunk by chunk in
 * both directions with back-pressure, passes {@code Expect: 100-continue} through to the backend, and
 * keeps the client's {@code Host} header. S3 requests pass an interceptor first (the bucket notification
 * API, which S3Proxy lacks).
 */
public final class EdgeServer implements AutoCloseable {

    /** Longer than SQS's 20 s long poll and slow multi-GB transfers between chunks. */
    private static final long IDLE_TIMEOUT_MS = 300_000;
    private static final String SERVICE_ATTRIBUTE = EdgeServer.class.getName() + ".service";

    private final Server server;
    private final ServerConnector connector;
    private final URI endpoint;

    private EdgeServer(Server server, ServerConnector connector, URI endpoint) {
        this.server = server;
        this.connector = connector;
        this.endpoint = endpoint;
    }

    /**
     * Binds the endpoint port before any backend starts, so that port 0 resolves to the real port that
     * queue URLs must name, and a port already in use fails fast.
     */
    public static EdgeServer bind(String host, int port) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(256, 8);
        threads.setName("local-aws-edge");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // S3 keys may contain anything; the backends judge paths, the edge passes them through.
        http.setUriCompliance(UriCompliance.LEGACY);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        server.addConnector(connector);
        connector.open();
        URI endpoint = URI.create("http://" + clientHost(host) + ":" + connector.getLocalPort());
        return new EdgeServer(server, connector, endpoint);
    }

    /** e.g. {@code http://127.0.0.1:4566}; a wildcard bind address is reported as loopback. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Starts serving: requests go to {@code backends}; S3 requests are first offered to
     * {@code s3Interceptor}, which answers those it handles and returns false for the rest.
     */
    public void start(Map<Service, URI> backends, Handler s3Interceptor) throws Exception {
        Map<Service, URI> targets = new EnumMap<>(backends);
        ProxyHandler.Reverse proxy = new ProxyHandler.Reverse(request -> {
            URI backend = targets.get((Service) request.getAttribute(SERVICE_ATTRIBUTE));
            return HttpURI.build(request.getHttpURI()).scheme("http").host(backend.getHost()).port(backend.getPort());
        }) {
            @Override
            protected void configureHttpClient(HttpClient httpClient) {
                super.configureHttpClient(httpClient);
                httpClient.setIdleTimeout(IDLE_TIMEOUT_MS);
                httpClient.setMaxConnectionsPerDestination(512);
                httpClient.setUserAgentField(null);
            }
        };
        // Jetty would otherwise resolve the local host name for its Via header, which can stall on start.
        proxy.setViaHost("local-aws");
        server.setHandler(new Router(proxy, s3Interceptor));
        server.start();
    }

    @Override
    public void close() throws Exception {
        server.stop();
        connector.close();
    }

    private static String clientHost(String host) throws UnknownHostException {
        if (InetAddress.getByName(host).isAnyLocalAddress()) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Tags each request with its service, then answers it or hands it to the proxy. */
    private static final class Router extends Handler.Wrapper {

        private final Handler s3Interceptor;

        Router(Handler proxy, Handler s3Interceptor) {
            super(proxy);
            this.s3Interceptor = s3Interceptor;
            addBean(s3Interceptor);
        }

        @Override
        public void setServer(Server server) {
            super.setServer(server);
            s3Interceptor.setServer(server);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Service service = route(request);
            if (service == Service.UNSUPPORTED) {
                response.setStatus(HttpStatus.NOT_IMPLEMENTED_501);
                Content.Sink.write(response, true,
                        "This endpoint serves S3, SQS and DynamoDB (+Streams) only.\n", callback);
                return true;
            }
            if (service == Service.S3 && s3Interceptor.handle(request, response, callback)) {
                return true;
            }
            request.setAttribute(SERVICE_ATTRIBUTE, service);
            return super.handle(request, response, callback);
        }

        private static Service route(Request request) {
            var headers = request.getHeaders();
            var query = Request.extractQueryParameters(request);
            return ServiceRouter.route(request.getMethod(), headers.get("X-Amz-Target"), headers.get("Authorization"),
                    query.getValue("X-Amz-Credential"), headers.get("Content-Type"), query.get("Action") != null);
        }
    }
}
