package com.buildcrm.identity;

import com.buildcrm.tenancy.KeptAnswersDropped;
import com.buildcrm.tenancy.SignalledCache;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import com.buildcrm.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Whether an access token still stands for a live session, from the database and not from the
 * token: the user is active and still has the token's role, the operator is active, and the session
 * (refresh-token family named by the token's {@code sid}) was not revoked. Answers are cached for
 * {@link #TTL} and dropped on every {@link SessionChange} (this instance at once, the others
 * through {@code NOTIFY buildcrm_session}).
 */
@ApplicationScoped
public class SessionGuard {

    /** How long an answer is kept when no change is signalled (the bound if a signal is lost). */
    static final Duration TTL = Duration.ofSeconds(5);

    static final String SESSION_ENDED = "This session has ended; please log in again";
    static final String ROLE_CHANGED = "Your role has changed; please log in again";
    static final String DISABLED = "This account is disabled";

    private static final int MAX_ENTRIES = 50_000;

    @Inject Storage storage;
    @Inject TenantTransactions tenants;
    @Inject TenantDirectory directory;
    @Inject Event<KeptAnswersDropped> dropped;

    private final SignalledCache<String, Object> cache = new SignalledCache<>(TTL, MAX_ENTRIES);

    /** A business user as the database has them now. */
    private record UserState(boolean active, String role) {}

    /**
     * Why a business user's token no longer stands, or null when it does.
     *
     * @param tokenRole the role the token claims
     * @param session the token's {@code sid} claim (null when absent: such a token is refused)
     */
    public String userProblem(TenantRef tenant, long userId, String tokenRole, String session) {
        UserState user =
                cached(
                        "user:" + tenant.id() + ":" + userId,
                        () ->
                                tenants.in(
                                        tenant,
                                        work -> {
                                            EntityManager em = work.em();
                                            User u = em.find(User.class, userId);
                                            return u == null
                                                    ? new UserState(false, null)
                                                    : new UserState(u.active(), u.role().key());
                                        }));
        if (!user.active()) {
            return DISABLED;
        }
        if (!user.role().equals(tokenRole)) {
            return ROLE_CHANGED;
        }
        return sessionProblem(session);
    }

    /** Why an operator's token no longer stands, or null when it does. */
    public String operatorProblem(long operatorId, String session) {
        boolean active =
                cached(
                        "operator:" + operatorId,
                        () ->
                                storage.transactions()
                                        .inPlatform(
                                                em -> {
                                                    Operator o =
                                                            em.find(Operator.class, operatorId);
                                                    return o != null && o.active();
                                                }));
        return active ? sessionProblem(session) : DISABLED;
    }

    private String sessionProblem(String session) {
        UUID family;
        try {
            family = session == null ? null : UUID.fromString(session);
        } catch (IllegalArgumentException e) {
            family = null;
        }
        if (family == null) {
            return SESSION_ENDED;
        }
        UUID f = family;
        boolean alive =
                cached(
                        "session:" + f,
                        () ->
                                Sql.inTransaction(
                                        storage.dataSource(), c -> RefreshTokens.alive(c, f)));
        return alive ? null : SESSION_ENDED;
    }

    /**
     * Forgets every answer (a change was signalled, or the signals may have been missed), the
     * companies' status included ({@link TenantDirectory}), and every other kept answer ({@link
     * KeptAnswersDropped}: a company's AI setup, for one).
     */
    public void invalidateAll() {
        cache.invalidateAll();
        directory.invalidateAll();
        dropped.fire(new KeptAnswersDropped());
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> load) {
        return (T) cache.get(key, load::get);
    }
}
