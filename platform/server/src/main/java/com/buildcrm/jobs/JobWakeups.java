package com.buildcrm.jobs;

import com.buildcrm.tenancy.Storage;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Wakes this instance's job runner when a job becomes due anywhere: one thread {@code LISTEN}s on
 * {@link JobQueue#CHANNEL} over a connection of its own and asks the scheduler to look for due jobs
 * at once. Without it a new job waited for the next poll (up to half a second per step of a reply:
 * the inbox, the AI's turn, the send). The poll stays as the fallback: after a lost connection, or
 * behind a PgBouncer that cannot pass notifications, jobs still run, only later.
 */
@ApplicationScoped
public class JobWakeups {

    private static final Logger LOG = Logger.getLogger(JobWakeups.class.getName());

    @Inject Storage storage;
    @Inject JobScheduler scheduler;

    @Resource ManagedThreadFactory threadFactory;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread t = threadFactory.newThread(this::listen);
        t.setName("buildcrm-job-wakeups");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void listen() {
        while (running) {
            try (Connection c = storage.openListenerConnection("buildcrm-jobs")) {
                connection = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + JobQueue.CHANNEL);
                }
                // what became due while nobody listened
                scheduler.wake();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications(5000);
                    if (notes != null && notes.length > 0) {
                        scheduler.wake();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.log(Level.WARNING, "Job wake-ups lost their connection; polling meanwhile", e);
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
