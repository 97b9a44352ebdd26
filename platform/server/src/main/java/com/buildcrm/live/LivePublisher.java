package com.buildcrm.live;

import com.buildcrm.tenancy.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes every {@link LiveEvent} to all instances with {@code NOTIFY buildcrm_live}. The event
 * is fired after its change has committed, and the notification goes on its own auto-commit
 * connection, outside any write transaction. Screens receive events only through {@link
 * LiveListener} (this instance's own too), so each arrives once whichever instance caused it.
 */
@ApplicationScoped
public class LivePublisher {

    /** The PostgreSQL channel every instance listens on. */
    public static final String CHANNEL = "buildcrm_live";

    private static final Logger LOG = Logger.getLogger(LivePublisher.class.getName());

    /** This instance's part of event ids. */
    private static final String NODE = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));

    private final AtomicLong sequence = new AtomicLong();

    @Inject Storage storage;
    @Inject Clock clock;

    void on(@Observes LiveEvent event) {
        publish(List.of(event));
    }

    /**
     * Publishes several events in one transaction (a batch of follow-ups or sends): PostgreSQL
     * serialises the commits of notifying transactions, so one commit for the lot instead of one
     * each (ADR 048). Listeners receive them in this order.
     */
    public void publish(List<LiveEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection c = storage.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            boolean auto = c.getAutoCommit();
            if (events.size() > 1 && auto) {
                c.setAutoCommit(false);
            }
            try {
                for (LiveEvent event : events) {
                    ps.setString(1, CHANNEL);
                    ps.setString(2, message(event).toPayload());
                    ps.execute();
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            } finally {
                if (auto && !c.getAutoCommit()) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException | RuntimeException e) {
            // the change itself is committed; a screen that misses this refetches on resync
            LOG.log(Level.WARNING, "Could not publish live events " + events, e);
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
