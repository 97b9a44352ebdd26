package com.buildcrm.channel;

import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A provider on 127.0.0.1 for tests: records every request and answers per path. A "held" route
 * answers only when the test closes the server, so a client timeout can be proven without sleeping.
 */
public final class FakeProviderServer implements AutoCloseable {

    /** A request as the provider received it. {@code query} is decoded; {@code rawQuery} is not. */
    public record Received(
            String method,
            String path,
            String rawQuery,
            Map<String, String> query,
            Map<String, List<String>> headers,
            byte[] body) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** An answer: JSON text, or any bytes with their content type (a media file). */
    public record Reply(int status, byte[] bytes, String contentType) {
        public Reply(int status, String body) {
            this(status, body.getBytes(StandardCharsets.UTF_8), "application/json");
        }

        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Map<String, Function<Received, Reply>> routes = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch heldRequestArrived = new CountDownLatch(1);

    private FakeProviderServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeProviderServer start() {
        try {
            return new FakeProviderServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A base URL on a port nothing listens on: connections are refused. */
    public static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public FakeProviderServer reply(String path, int status, String body) {
        routes.put(path, request -> new Reply(status, body));
        return this;
    }

    /** Serves a file at this path, with its {@code Content-Length}. */
    public FakeProviderServer file(String path, String contentType, byte[] bytes) {
        routes.put(path, request -> new Reply(200, bytes, contentType));
        return this;
    }

    public FakeProviderServer route(String path, Function<Received, Reply> handler) {
        routes.put(path, handler);
        return this;
    }

    /** Requests to this path get no answer until the server is closed (or 30 s pass). */
    public FakeProviderServer hold(String path) {
        routes.put(
                path,
                request -> {
                    heldRequestArrived.countDown();
                    try {
                        released.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new Reply(200, "{\"success\":true}");
                });
        return this;
    }

    public boolean heldRequestArrived() {
        return heldRequestArrived.getCount() == 0;
    }

    /** The next request received, waiting up to 5 s for it. */
    public Received takeRequest() {
        try {
            Received request = received.poll(5, TimeUnit.SECONDS);
            if (request == null) {
                fail("the fake provider received no request");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int requestCount() {
        return received.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            Received request =
                    new Received(
                            exchange.getRequestMethod(),
                            uri.getRawPath(),
                            uri.getRawQuery(),
                            decode(uri.getRawQuery()),
                            Map.copyOf(exchange.getRequestHeaders()),
                            body);
            received.add(request);
            Function<Received, Reply> route = routes.get(uri.getRawPath());
            Reply reply = route == null ? new Reply(404, "{}") : route.apply(request);
            byte[] bytes = reply.bytes();
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client gave up (timeout test): nothing to answer
        }
    }

    private static Map<String, String> decode(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
