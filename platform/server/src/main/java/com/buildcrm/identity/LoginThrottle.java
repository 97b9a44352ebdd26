package com.buildcrm.identity;

import com.buildcrm.tenancy.Storage;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing: an account may be tried {@code maxPerAccount} times and a client address
 * {@code maxPerAddress} times in a window; the next attempt locks that key for a while and gets 429
 * with Retry-After. Counters live in the database, so every server instance sees the same ones.
 *
 * <p>Every attempt is counted <em>before</em> its password is verified, in one atomic statement
 * ({@code INSERT … ON CONFLICT DO UPDATE … RETURNING}) that also decides the lock, so parallel
 * attempts cannot all pass the check before any of them is counted: of 25 parallel guesses at most
 * {@code maxPerAccount} reach the password check. A success then resets the account's count (as
 * before) and gives its address back the attempt it used.
 */
@ApplicationScoped
public class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    /**
     * Counts one attempt and returns how many seconds the key is locked for (0: go ahead). A key
     * already locked stays as it is; an attempt over the limit locks it from now.
     */
    private static final String RESERVE =
            "INSERT INTO platform.login_attempts AS a (scope, key, failures, window_start)"
                    + " VALUES (?, ?, 1, ?)"
                    + " ON CONFLICT (scope, key) DO UPDATE SET"
                    + " failures = CASE WHEN a.locked_until > EXCLUDED.window_start THEN a.failures"
                    + "   WHEN a.window_start < ? THEN 1"
                    + "   WHEN a.failures + 1 > ? THEN 0"
                    + "   ELSE a.failures + 1 END,"
                    + " locked_until = CASE WHEN a.locked_until > EXCLUDED.window_start THEN a.locked_until"
                    + "   WHEN a.window_start >= ? AND a.failures + 1 > ? THEN ?"
                    + "   ELSE NULL END,"
                    + " window_start = CASE WHEN a.locked_until > EXCLUDED.window_start THEN a.window_start"
                    + "   WHEN a.window_start < ? OR a.failures + 1 > ? THEN EXCLUDED.window_start"
                    + "   ELSE a.window_start END"
                    + " RETURNING CASE WHEN locked_until > ? THEN"
                    + "   GREATEST(1, CEIL(EXTRACT(EPOCH FROM (locked_until - ?)))) ELSE 0 END";

    @Inject Storage storage;
    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = "buildcrm.login.max.failures.per.account", defaultValue = "5")
    int maxPerAccount;

    @Inject
    @ConfigProperty(name = "buildcrm.login.max.failures.per.address", defaultValue = "30")
    int maxPerAddress;

    /**
     * Counts this attempt against the account and the address, or throws 429 if either is locked
     * (an attempt refused for its address is given back to the account).
     */
    public void reserve(String account, String address) {
        OffsetDateTime now = now();
        long wait =
                Sql.inTransaction(
                        storage.dataSource(),
                        c -> {
                            long accountWait = reserve(c, "ACCOUNT", account, maxPerAccount, now);
                            if (accountWait > 0) {
                                return accountWait;
                            }
                            long addressWait = reserve(c, "ADDRESS", address, maxPerAddress, now);
                            if (addressWait > 0) {
                                giveBack(c, "ACCOUNT", account);
                            }
                            return addressWait;
                        });
        if (wait > 0) {
            throw ApiProblem.tooManyRequests(
                    "Too many failed login attempts; try again later", wait);
        }
    }

    /** The password was right: the account's count starts again, the address gets its try back. */
    public void recordSuccess(String account, String address) {
        OffsetDateTime now = now();
        Sql.inTransaction(
                storage.dataSource(),
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "DELETE FROM platform.login_attempts WHERE scope = 'ACCOUNT' AND key = ?"
                                            + " AND (locked_until IS NULL OR locked_until <= ?)")) {
                        ps.setString(1, account);
                        ps.setObject(2, now);
                        ps.executeUpdate();
                    }
                    giveBack(c, "ADDRESS", address);
                    return null;
                });
    }

    private static long reserve(Connection c, String scope, String key, int max, OffsetDateTime now)
            throws SQLException {
        OffsetDateTime windowStart = now.minus(WINDOW);
        try (PreparedStatement ps = c.prepareStatement(RESERVE)) {
            ps.setString(1, scope);
            ps.setString(2, key);
            ps.setObject(3, now);
            ps.setObject(4, windowStart);
            ps.setInt(5, max);
            ps.setObject(6, windowStart);
            ps.setInt(7, max);
            ps.setObject(8, now.plus(LOCK));
            ps.setObject(9, windowStart);
            ps.setInt(10, max);
            ps.setObject(11, now);
            ps.setObject(12, now);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void giveBack(Connection c, String scope, String key) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE platform.login_attempts SET failures = GREATEST(failures - 1, 0)"
                                + " WHERE scope = ? AND key = ? AND locked_until IS NULL")) {
            ps.setString(1, scope);
            ps.setString(2, key);
            ps.executeUpdate();
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
