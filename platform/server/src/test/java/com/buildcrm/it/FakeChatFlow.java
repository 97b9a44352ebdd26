package com.buildcrm.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A ChatFlow instance API on 127.0.0.1 speaking the real wire format: GET {@code /api/v1/send-*}
 * with query parameters, answering {@code {"success": true, ...}}. It can be told to fail the next
 * calls with a 500 (provider down).
 */
final class FakeChatFlow implements AutoCloseable {

    /** One call as ChatFlow received it, and the message id it answered with. */
    record Call(String operation, Map<String, String> params, java.time.Instant at, String id) {}

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();

    FakeChatFlow() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/api/v1/",
                exchange -> {
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
    }
}
