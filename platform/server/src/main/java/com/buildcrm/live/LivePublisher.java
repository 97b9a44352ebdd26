package com.buildcrm.live;

import com.buildcrm.tenancy.Storage;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes every {@link LiveEvent} to all instances with {@code NOTIFY buildcrm_live}. The event
 * is fired after its change has committed; it is queued here and one publisher thread per instance
 * sends whatever has queued up meanwhile in one transaction on its own connection, outside any
 * write transaction (ADR 050). PostgreSQL serialises the commits of notifying transactions, so a
 * burst of new leads pays one such commit per batch instead of one per event. Events keep the order
 * they were fired in. Screens receive events only through {@link LiveListener} (this instance's own
 * too), so each arrives once whichever instance caused it.
 */
@ApplicationScoped
public class LivePublisher {

    /** The PostgreSQL channel every instance listens on. */
    public static final String CHANNEL = "buildcrm_live";

    /** At most this many events per notifying transaction. */
    static final int BATCH = 500;

    /**
     * Events waiting beyond this are dropped with a warning (the database is unreachable): screens
     * refetch on their next resync, as after any lost event.
     */
    static final int CAPACITY = 100_000;

    private static final Logger LOG = Logger.getLogger(LivePublisher.class.getName());

    /** This instance's part of event ids. */
    private static final String NODE = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));

    private final AtomicLong sequence = new AtomicLong();
    private final LinkedBlockingQueue<LiveEvent> queue = new LinkedBlockingQueue<>(CAPACITY);

    private volatile boolean running = true;
    private Thread thread;

    @Inject Storage storage;
    @Inject Clock clock;

    @Resource ManagedThreadFactory threadFactory;

    void on(@Observes LiveEvent event) {
        publish(List.of(event));
    }

    /**
     * Queues events for publishing, in this order (a batch of follow-ups or sends, or one change's
     * events). Returns at once; the caller's change is already committed.
     */
    public void publish(List<LiveEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        for (LiveEvent event : events) {
            if (!queue.offer(event)) {
                LOG.warning(() -> "Live events are not being published; dropped " + event);
            }
        }
        startOnce();
    }

    private synchronized void startOnce() {
        if (thread != null || !running) {
            return;
        }
        Runnable loop = this::loop;
        Thread t = threadFactory != null ? threadFactory.newThread(loop) : new Thread(loop);
        t.setName("buildcrm-live-publisher");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void loop() {
        List<LiveEvent> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                LiveEvent first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                send(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /** Sends what is still queued when the instance stops (a drain), then ends the thread. */
    @PreDestroy
    void stop() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<LiveEvent> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (int i = 0; i < rest.size(); i += BATCH) {
            send(rest.subList(i, Math.min(rest.size(), i + BATCH)));
        }
    }

    /**
     * The events' notifications, in their order, in one statement: its own transaction, one round
     * trip however many events queued up (ADR 050; it was one statement per event). A function scan
     * of the array yields its elements in order, and PostgreSQL delivers a transaction's
     * notifications in the order they were made.
     */
    static final String NOTIFY_ALL =
            "SELECT count(pg_notify(?, p)) FROM unnest(CAST(? AS text[])) AS v(p)";

    void send(List<LiveEvent> events) {
        try (Connection c = storage.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(NOTIFY_ALL)) {
            // ids are made here, so they rise in the order the events are published
            String[] payloads =
                    events.stream().map(e -> message(e).toPayload()).toArray(String[]::new);
            ps.setString(1, CHANNEL);
            ps.setArray(2, c.createArrayOf("text", payloads));
            ps.execute();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            // the changes themselves are committed; a screen that misses these refetches on resync
            LOG.log(Level.WARNING, "Could not publish " + events.size() + " live events", e);
        }
    }

    private LiveMessage message(LiveEvent event) {
        return new LiveMessage(
                clock.millis() + "-" + NODE + "-" + sequence.incrementAndGet(),
                event.tenantId(),
                event.type(),
                event.leadId(),
                event.messageId(),
                clock.instant());
    }
}
