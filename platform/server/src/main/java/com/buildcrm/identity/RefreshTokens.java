package com.buildcrm.identity;

import com.buildcrm.secret.Sha256;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

/**
 * Rotating refresh tokens kept in {@code platform.refresh_tokens} (only their SHA-256 is stored).
 * Each refresh uses a token up and issues the next of the same family; presenting a used token
 * again means it was stolen or replayed, and the whole family is revoked.
 *
 * <p>Every change to a subject's tokens (rotation, logout, revocation) happens in one transaction
 * that first takes that subject's advisory lock ({@link #lock}), so rotation and revocation are one
 * decision: of parallel refreshes with one token exactly one rotates it, the others see it used and
 * revoke the family, the winner's new token included. One lock per transaction, always taken before
 * any row lock: no deadlocks. Plain JDBC ({@link Sql}): a few statements on one connection, with
 * the outcome returned rather than thrown, so a revocation is never rolled back with the 401.
 */
final class RefreshTokens {

    /** The advisory-lock class of sessions (the two-int key space, apart from other locks). */
    private static final int LOCK_CLASS = 0x5E55;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A stored token as found by its hash. */
    record Found(UUID id, UUID family, Subject subject) {}

    /** What a rotation decided. */
    enum Outcome {
        ROTATED,
        UNKNOWN,
        EXPIRED,
        REUSED
    }

    /** The result of {@link #rotate}: the next token when {@link Outcome#ROTATED}. */
    record Rotation(Outcome outcome, Subject subject, UUID family, String next) {}

    private RefreshTokens() {}

    static String issue(
            Connection c, Subject subject, UUID family, OffsetDateTime now, Duration ttl)
            throws SQLException {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO platform.refresh_tokens (id, family_id, subject_type, tenant_id, subject_id,"
                                + " token_hash, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, family);
            ps.setString(3, type(subject));
            if (subject.tenantId() == null) {
                ps.setNull(4, Types.BIGINT);
            } else {
                ps.setLong(4, subject.tenantId());
            }
            ps.setLong(5, subject.id());
            ps.setString(6, Sha256.hex(raw));
            ps.setObject(7, now);
            ps.setObject(8, now.plus(ttl));
            ps.executeUpdate();
        }
        return raw;
    }

    /** The token with this value, without locking anything; null when there is none. */
    static Found find(Connection c, String raw) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT id, family_id, tenant_id, subject_id FROM platform.refresh_tokens"
                                + " WHERE token_hash = ?")) {
            ps.setString(1, Sha256.hex(raw == null ? "" : raw));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long tenant = rs.getLong(3);
                Long tenantId = rs.wasNull() ? null : tenant;
                return new Found(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        new Subject(tenantId, rs.getLong(4)));
            }
        }
    }

    /**
     * Takes the subject's session lock until the transaction ends. Every writer of a subject's
     * tokens takes it first.
     */
    static void lock(Connection c, Subject subject) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            ps.setInt(1, LOCK_CLASS);
            ps.setString(2, type(subject) + ":" + subject.tenantId() + ":" + subject.id());
            ps.executeQuery().close();
        }
    }

    /**
     * Uses the token up and issues the next of its family, under the subject's lock. A token
     * already used or revoked revokes its whole family (the caller commits that).
     */
    static Rotation rotate(Connection c, String raw, OffsetDateTime now, Duration ttl)
            throws SQLException {
        Found found = find(c, raw);
        if (found == null) {
            return new Rotation(Outcome.UNKNOWN, null, null, null);
        }
        lock(c, found.subject());
        OffsetDateTime expires;
        boolean spent;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT expires_at, used_at IS NOT NULL OR revoked_at IS NOT NULL"
                                + " FROM platform.refresh_tokens WHERE id = ?")) {
            ps.setObject(1, found.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Rotation(Outcome.UNKNOWN, null, null, null);
                }
                expires = rs.getObject(1, OffsetDateTime.class);
                spent = rs.getBoolean(2);
            }
        }
        if (spent) {
            revokeFamily(c, found.family(), now);
            return new Rotation(Outcome.REUSED, found.subject(), found.family(), null);
        }
        if (expires.isBefore(now)) {
            return new Rotation(Outcome.EXPIRED, found.subject(), found.family(), null);
        }
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE platform.refresh_tokens SET used_at = ? WHERE id = ?")) {
            ps.setObject(1, now);
            ps.setObject(2, found.id());
            ps.executeUpdate();
        }
        String next = issue(c, found.subject(), found.family(), now, ttl);
        return new Rotation(Outcome.ROTATED, found.subject(), found.family(), next);
    }

    /** Revokes every token of the family (call with the subject's lock held). */
    static void revokeFamily(Connection c, UUID family, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE platform.refresh_tokens SET revoked_at = ? WHERE family_id = ?"
                                + " AND revoked_at IS NULL")) {
            ps.setObject(1, now);
            ps.setObject(2, family);
            ps.executeUpdate();
        }
    }

    /** Revokes every live token of one subject (a user disabled, a password reset). */
    static void revokeSubject(Connection c, Subject subject, OffsetDateTime now)
            throws SQLException {
        lock(c, subject);
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE platform.refresh_tokens SET revoked_at = ? WHERE subject_type = ?"
                                + " AND tenant_id IS NOT DISTINCT FROM ? AND subject_id = ? AND revoked_at IS NULL")) {
            ps.setObject(1, now);
            ps.setString(2, type(subject));
            if (subject.tenantId() == null) {
                ps.setNull(3, Types.BIGINT);
            } else {
                ps.setLong(3, subject.tenantId());
            }
            ps.setLong(4, subject.id());
            ps.executeUpdate();
        }
    }

    /** Whether the family still has an unrevoked token (its access tokens are then good). */
    static boolean alive(Connection c, UUID family) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT EXISTS (SELECT 1 FROM platform.refresh_tokens WHERE family_id = ?"
                                + " AND revoked_at IS NULL)")) {
            ps.setObject(1, family);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static String type(Subject subject) {
        return subject.operator() ? "OPERATOR" : "USER";
    }
}
