package com.buildcrm.live;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One open SSE connection. Writes are serialised: the listener and the heartbeat both write. */
final class LiveStream {

    private static final Logger LOG = Logger.getLogger(LiveStream.class.getName());

    private volatile LiveViewer viewer;
    private final SseEventSink sink;
    private final Sse sse;
    private volatile boolean closed;

    LiveStream(LiveViewer viewer, SseEventSink sink, Sse sse) {
        this.viewer = viewer;
        this.sink = sink;
        this.sse = sse;
    }

    LiveViewer viewer() {
        return viewer;
    }

    /** The company changed what this viewer may see (events from now on are filtered so). */
    void viewer(LiveViewer changed) {
        this.viewer = changed;
    }

    boolean open() {
        return !closed && !sink.isClosed();
    }

    boolean expired(Instant now) {
        return !viewer.expiresAt().isAfter(now);
    }

    void send(LiveMessage m) {
        write(sse.newEventBuilder().id(m.id()).name(m.type()).data(m.toClientJson()).build());
    }

    void resync(String reason) {
        write(
                sse.newEventBuilder()
                        .name("resync")
                        .data(
                                jakarta.json.Json.createObjectBuilder()
                                        .add("reason", reason)
                                        .build()
                                        .toString())
                        .build());
    }

    void comment(String text) {
        write(sse.newEventBuilder().comment(text).build());
    }

    synchronized void write(OutboundSseEvent event) {
        if (!open()) {
            closed = true;
            return;
        }
        try {
            sink.send(event)
                    .whenComplete(
                            (ok, error) -> {
                                if (error != null) {
                                    closed = true;
                                }
                            });
        } catch (RuntimeException e) {
            closed = true;
            LOG.log(Level.FINE, "live stream closed", e);
        }
    }

    /** A last event telling the client when to reconnect ({@code retry:}), then the end. */
    synchronized void closeWithRetry(java.time.Duration reconnect) {
        // a comment alone carries no retry: field (JAX-RS writes it only with data)
        write(
                sse.newEventBuilder()
                        .name("shutdown")
                        .reconnectDelay(reconnect.toMillis())
                        .data(
                                jakarta.json.Json.createObjectBuilder()
                                        .add("reason", "server shutting down")
                                        .add("retryMs", reconnect.toMillis())
                                        .build()
                                        .toString())
                        .build());
        close();
    }

    synchronized void close() {
        closed = true;
        try {
            sink.close();
        } catch (RuntimeException ignored) {
            // the client is gone already
        }
    }
}
