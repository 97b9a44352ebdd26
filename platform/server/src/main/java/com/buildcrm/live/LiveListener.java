package com.buildcrm.live;

import com.buildcrm.identity.SessionChange;
import com.buildcrm.identity.SessionSignals;
import com.buildcrm.tenancy.Storage;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One thread per instance that {@code LISTEN}s on {@link LivePublisher#CHANNEL} over a dedicated,
 * non-pooled connection (a pooled one is shared after close and unwraps to a proxy) and hands each
 * event to {@link LiveHub}. It also listens on {@link SessionSignals#CHANNEL}: session changes end
 * or re-filter open streams and drop the session cache, in order with the events. After a lost
 * connection it reconnects, tells every open stream to resync and re-checks every stream, since
 * notifications sent meanwhile are gone.
 */
@ApplicationScoped
public class LiveListener {

    private static final Logger LOG = Logger.getLogger(LiveListener.class.getName());

    @Inject Storage storage;
    @Inject LiveHub hub;

    @Resource ManagedThreadFactory threadFactory;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;

    void onStart(@Observes Startup event) {
        running = true;
        Thread t = threadFactory.newThread(this::run);
        t.setName("buildcrm-live-listener");
        t.setDaemon(true);
        thread = t;
        t.start();
        hub.start(threadFactory);
    }

    private void run() {
        boolean wasConnected = false;
        while (running) {
            try {
                if (!storage.ready()) {
                    Thread.sleep(250);
                    continue;
                }
                try (Connection c = storage.openListenerConnection("buildcrm-live")) {
                    connection = c;
                    try (Statement st = c.createStatement()) {
                        st.execute("LISTEN " + LivePublisher.CHANNEL);
                        st.execute("LISTEN " + SessionSignals.CHANNEL);
                    }
                    if (wasConnected) {
                        hub.resyncAll("the server lost its event feed for a moment");
                        // session changes may have been missed too
                        hub.recheckAll();
                    }
                    wasConnected = true;
                    LOG.info("Listening for live events");
                    PGConnection pg = c.unwrap(PGConnection.class);
                    while (running) {
                        PGNotification[] notes = pg.getNotifications(1000);
                        if (notes == null) {
                            continue;
                        }
                        for (PGNotification n : notes) {
                            try {
                                if (SessionSignals.CHANNEL.equals(n.getName())) {
                                    hub.changed(SessionChange.fromPayload(n.getParameter()));
                                } else {
                                    hub.deliver(LiveMessage.fromPayload(n.getParameter()));
                                }
                            } catch (RuntimeException e) {
                                LOG.log(Level.WARNING, "Bad live event " + n.getParameter(), e);
                            }
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "Live event listener lost its connection; reconnecting", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } finally {
                connection = null;
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        hub.stop();
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
