package com.buildcrm.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ChatFlow instance API on 127.0.0.1 speaking the real wire format: GET {@code /api/v1/send-*}
 * with query parameters, answering {@code {"success": true, ...}}. It can be told to fail the next
 * calls with a 500 (provider down).
 */
final class FakeChatFlow implements AutoCloseable {

    /** One call as ChatFlow received it, and the message id it answered with. */
    record Call(String operation, Map<String, String> params, java.time.Instant at, String id) {}

    /** One answered call's span at the fake: from its arrival to its answer (nanoTime). */
    record Span(String jid, long start, long end) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final ExecutorService threads;

    FakeChatFlow() throws IOException {
        this(Duration.ZERO);
    }

    /**
     * A fake that answers each call {@code latency} after it arrives (a provider a round trip
     * away), answering calls side by side.
     */
    FakeChatFlow(Duration latency) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        threads = latency.isZero() ? null : Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext(
                "/api/v1/",
                exchange -> {
                    long start = System.nanoTime();
                    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    if (!latency.isZero()) {
                        try {
                            Thread.sleep(latency.toMillis()); // the provider's round trip
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    String operation =
                            exchange.getRequestURI().getPath().substring("/api/v1/".length());
                    Map<String, String> params = query(exchange.getRequestURI());
                    int status;
                    String body;
                    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        status = 500;
                        body = "{\"success\":false,\"message\":\"Internal Server Error\"}";
                    } else if (operation.equals("send-image") && !params.containsKey("caption")) {
                        status = 200;
                        body =
                                "{\"success\":false,\"message\":\"Parameter [token, instance_id, caption, jid, imageurl] are required!\"}";
                    } else {
                        String id = "CF" + ids.incrementAndGet();
                        calls.add(new Call(operation, params, java.time.Instant.now(), id));
                        status = 200;
                        body =
                                "{\"success\":true,\"message\":\"Message sent\",\"data\":{\"id\":\""
                                        + id
                                        + "\"}}";
                    }
                    spans.add(
                            new Span(
                                    query(exchange.getRequestURI()).getOrDefault("jid", ""),
                                    start,
                                    System.nanoTime()));
                    inFlight.decrementAndGet();
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(status, bytes.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/";
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The answered calls' spans, in the order they were answered. */
    List<Span> spans() {
        return List.copyOf(spans);
    }

    /** The most calls that were under way at the fake at one moment. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    void failNext(int n) {
        failNext.set(n);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k =
                    URLDecoder.decode(
                            eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v =
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(k, v);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        if (threads != null) {
            threads.shutdownNow();
        }
    }
}
