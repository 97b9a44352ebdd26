package com.buildcrm.identity;

import com.buildcrm.tenancy.Storage;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing: after too many failures in a window an account, or a client address, is
 * locked for a while and gets 429 with Retry-After. Counters live in the database, so every server
 * instance sees the same ones.
 */
@ApplicationScoped
public class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);

    @Inject Storage storage;
    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = "buildcrm.login.max.failures.per.account", defaultValue = "5")
    int maxPerAccount;

    @Inject
    @ConfigProperty(name = "buildcrm.login.max.failures.per.address", defaultValue = "30")
    int maxPerAddress;

    /** Throws 429 if the account or the address is locked now. */
    public void checkAllowed(String account, String address) {
        OffsetDateTime now = now();
        long wait =
                storage.transactions()
                        .inPlatform(
                                em ->
                                        Math.max(
                                                lockedFor(em, "ACCOUNT", account, now),
                                                lockedFor(em, "ADDRESS", address, now)));
        if (wait > 0) {
            throw ApiProblem.tooManyRequests(
                    "Too many failed login attempts; try again later", wait);
        }
    }

    public void recordFailure(String account, String address) {
        OffsetDateTime now = now();
        storage.transactions()
                .inPlatformDo(
                        em -> {
                            fail(em, "ACCOUNT", account, maxPerAccount, now);
                            fail(em, "ADDRESS", address, maxPerAddress, now);
                        });
    }

    public void recordSuccess(String account) {
        storage.transactions()
                .inPlatformDo(
                        em ->
                                em.createNativeQuery(
                                                "DELETE FROM platform.login_attempts WHERE scope = 'ACCOUNT' AND key = ?1")
                                        .setParameter(1, account)
                                        .executeUpdate());
    }

    private static long lockedFor(EntityManager em, String scope, String key, OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        List<Object> rows =
                em.createNativeQuery(
                                "SELECT CEIL(EXTRACT(EPOCH FROM (locked_until - ?3))) FROM platform.login_attempts"
                                        + " WHERE scope = ?1 AND key = ?2 AND locked_until > ?3")
                        .setParameter(1, scope)
                        .setParameter(2, key)
                        .setParameter(3, now)
                        .getResultList();
        return rows.isEmpty() || rows.get(0) == null
                ? 0
                : Math.max(1, ((Number) rows.get(0)).longValue());
    }

    private static void fail(
            EntityManager em, String scope, String key, int max, OffsetDateTime now) {
        em.createNativeQuery(
                        "INSERT INTO platform.login_attempts AS a (scope, key, failures, window_start)"
                                + " VALUES (?1, ?2, 1, ?3) ON CONFLICT (scope, key) DO UPDATE SET"
                                + " failures = CASE WHEN a.window_start < ?4 THEN 1 ELSE a.failures + 1 END,"
                                + " window_start = CASE WHEN a.window_start < ?4 THEN ?3 ELSE a.window_start END")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, now)
                .setParameter(4, now.minus(WINDOW))
                .executeUpdate();
        em.createNativeQuery(
                        "UPDATE platform.login_attempts SET locked_until = ?3, failures = 0, window_start = ?4"
                                + " WHERE scope = ?1 AND key = ?2 AND failures >= ?5")
                .setParameter(1, scope)
                .setParameter(2, key)
                .setParameter(3, now.plus(LOCK))
                .setParameter(4, now)
                .setParameter(5, max)
                .executeUpdate();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
