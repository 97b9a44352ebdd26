package com.buildcrm.identity;

import com.buildcrm.tenancy.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells every instance that sessions or visibility changed ({@code NOTIFY buildcrm_session}, after
 * the change has committed). This instance's session cache is dropped at once, before the call
 * returns, so the next request here already sees the change; the other instances drop theirs and
 * re-check their open event streams when the notification arrives (live.LiveListener).
 */
@ApplicationScoped
public class SessionSignals {

    /** The PostgreSQL channel of session changes. */
    public static final String CHANNEL = "buildcrm_session";

    private static final Logger LOG = Logger.getLogger(SessionSignals.class.getName());

    @Inject Storage storage;
    @Inject SessionGuard guard;

    public void publish(SessionChange change) {
        guard.invalidateAll();
        try (Connection c = storage.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, CHANNEL);
            ps.setString(2, change.toPayload());
            ps.execute();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            // the change is committed; other instances' caches expire within SessionGuard.TTL
            LOG.log(Level.WARNING, "Could not publish session change " + change, e);
        }
    }
}
