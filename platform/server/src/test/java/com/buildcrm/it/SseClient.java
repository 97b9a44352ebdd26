package com.buildcrm.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A test's Server-Sent Events client: reads a stream in the background and keeps every event. */
final class SseClient implements AutoCloseable {

    record Event(String id, String name, String data) {
        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(data))) {
                return reader.readObject();
            }
        }

        long leadId() {
            return json().getJsonNumber("leadId").longValue();
        }
    }

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch connected = new CountDownLatch(1);
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Stream<String> lines;
    private volatile int status;
    private final Thread reader;

    private SseClient(HttpRequest request) {
        reader =
                new Thread(
                        () -> {
                            try {
                                HttpResponse<Stream<String>> r =
                                        CLIENT.send(request, HttpResponse.BodyHandlers.ofLines());
                                status = r.statusCode();
                                lines = r.body();
                                if (status != 200) {
                                    connected.countDown();
                                    return;
                                }
                                read(r.body());
                            } catch (Exception e) {
                                // closed by the test
                            } finally {
                                connected.countDown();
                                ended.countDown();
                            }
                        },
                        "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a stream with the token in the Authorization header. */
    static SseClient withHeader(String base, String token, String lastEventId) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + "/api/crm/events"))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        return opened(new SseClient(b.build()));
    }

    /**
     * Opens a stream the way EventSource does: a one-time ticket (asked for with the token) in the
     * URL, never the token itself.
     */
    static SseClient withTicket(String base, String token) {
        return withTicket(base, base, token);
    }

    /** The same with a ticket issued by another instance ({@code issuer}) of one cluster. */
    static SseClient withTicket(String issuer, String base, String token) {
        return opened(new SseClient(ticketRequest(base, ticket(issuer, token))));
    }

    /** A fresh one-time ticket for {@code token}'s user. */
    static String ticket(String base, String token) {
        Api.Reply r = new Api(base).post("/api/crm/events/ticket", token, "");
        if (r.status() != 200) {
            throw new AssertionError("ticket: " + r);
        }
        return r.json().getString("ticket");
    }

    /** The request that opens a stream with a ticket. */
    static HttpRequest ticketRequest(String base, String ticket) {
        return HttpRequest.newBuilder(
                        URI.create(
                                base
                                        + "/api/crm/events?ticket="
                                        + URLEncoder.encode(ticket, StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream")
                .build();
    }

    /** Opens a stream with a request built by the test. */
    static SseClient with(HttpRequest request) {
        return opened(new SseClient(request));
    }

    private static SseClient opened(SseClient c) {
        try {
            if (!c.connected.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the event stream did not open");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (c.status != 200) {
            throw new AssertionError("event stream answered " + c.status);
        }
        return c;
    }

    private void read(Stream<String> body) {
        String id = null;
        String name = null;
        StringBuilder data = null;
        for (String line : (Iterable<String>) body::iterator) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Event(id, name == null ? "message" : name, data.toString()));
                }
                id = null;
                name = null;
                data = null;
            } else if (line.startsWith(":")) {
                if (line.contains("connected")) {
                    connected.countDown();
                }
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data =
                        (data == null ? new StringBuilder() : data.append('\n'))
                                .append(line.substring(5).strip());
            }
        }
    }

    List<Event> events() {
        return new ArrayList<>(events);
    }

    /** Waits for the first event matching, or fails after the timeout. */
    Event await(Predicate<Event> match, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Event e : events) {
                if (match.test(e)) {
                    return e;
                }
            }
            try {
                Thread.sleep(50); // events arrive on another thread; polling a list is simplest
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no matching event within " + timeout + "; got " + events);
    }

    /** Whether the server has ended the stream. */
    boolean ended() {
        return ended.getCount() == 0;
    }

    /** Waits until the server ends the stream, or fails after the timeout. */
    void awaitEnd(Duration timeout) {
        try {
            if (!ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the stream is still open after " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        Stream<String> s = lines;
        if (s != null) {
            s.close();
        }
        reader.interrupt();
    }
}
