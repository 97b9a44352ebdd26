package com.buildcrm.container;

import com.buildcrm.live.LiveEvent;
import com.buildcrm.tenancy.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A second observer of {@link LiveEvent}, deployed only with the in-container tests: for every
 * event it reads the lead (and the message) the event names on a connection of its own, so the test
 * can tell whether the change had been committed when the event was delivered.
 */
@ApplicationScoped
public class LiveEventProbe {

    /**
     * One delivered event and what another connection saw at that moment.
     *
     * @param leadName the lead's committed name, or {@code null} when no committed lead row exists
     * @param leadCommitted whether the lead row was visible
     * @param messageCommitted whether the message row was visible ({@code true} without a message)
     */
    public record Seen(
            LiveEvent event, boolean leadCommitted, String leadName, boolean messageCommitted) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    @Inject Storage storage;

    void on(@Observes LiveEvent event) {
        try (Connection c = storage.dataSource().getConnection()) {
            String schema = schemaOf(c, event.tenantId());
            String name = null;
            boolean lead = false;
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT name FROM " + schema + ".leads WHERE id = ?")) {
                ps.setLong(1, event.leadId());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        lead = true;
                        name = rs.getString(1);
                    }
                }
            }
            boolean message = true;
            if (event.messageId() != null) {
                try (PreparedStatement ps =
                        c.prepareStatement("SELECT 1 FROM " + schema + ".messages WHERE id = ?")) {
                    ps.setLong(1, event.messageId());
                    try (ResultSet rs = ps.executeQuery()) {
                        message = rs.next();
                    }
                }
            }
            seen.add(new Seen(event, lead, name, message));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String schemaOf(Connection c, long tenantId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT schema_name FROM platform.tenants WHERE id = ?")) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no tenant " + tenantId);
                }
                return rs.getString(1);
            }
        }
    }

    /** Every event delivered so far, oldest first. */
    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** The events delivered so far about one lead. */
    public List<Seen> about(long tenantId, long leadId) {
        return seen.stream()
                .filter(s -> s.event().tenantId() == tenantId && s.event().leadId() == leadId)
                .toList();
    }
}
