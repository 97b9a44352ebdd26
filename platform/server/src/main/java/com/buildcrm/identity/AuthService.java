package com.buildcrm.identity;

import com.buildcrm.config.ServerSettings;
import com.buildcrm.provisioner.PasswordHasher;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import com.buildcrm.user.User;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Logins, token refresh and logout for operators and business users. */
@ApplicationScoped
public class AuthService {

    private static final String BAD_CREDENTIALS = "Wrong email or password";

    /**
     * Verified against when the account does not exist, so timing does not reveal which emails
     * exist.
     */
    private static final String DUMMY_HASH =
            PasswordHasher.hash("not-a-real-password-" + UUID.randomUUID());

    @Inject Storage storage;
    @Inject TenantTransactions tenants;
    @Inject ServerSettings settings;
    @Inject Clock clock;
    @Inject TenantDirectory directory;
    @Inject LoginThrottle throttle;
    @Inject SessionSignals signals;

    private volatile AccessTokens accessTokens;

    public TokenPair operatorLogin(String email, String password, String address) {
        String account = "operator|" + normalise(email);
        throttle.reserve(account, address);
        Optional<Operator> found = storage.transactions().inPlatform(em -> findOperator(em, email));
        String hash = found.map(Operator::passwordHash).orElse(DUMMY_HASH);
        if (!PasswordHasher.verify(password, hash) || found.isEmpty() || !found.get().active()) {
            throw ApiProblem.unauthorized(BAD_CREDENTIALS);
        }
        throttle.recordSuccess(account, address);
        Operator operator = found.get();
        storage.transactions()
                .inPlatformDo(em -> em.find(Operator.class, operator.id()).loggedIn(now()));
        Subject subject = Subject.operator(operator.id());
        UUID family = UUID.randomUUID();
        String refresh = issue(subject, family);
        return new TokenPair(
                tokens().forOperator(operator.id(), operator.email(), family),
                refresh,
                tokens().ttlSeconds());
    }

    public TokenPair userLogin(String tenantSlug, String email, String password, String address) {
        String slug = normalise(tenantSlug);
        String account = "user|" + slug + "|" + normalise(email);
        throttle.reserve(account, address);
        Optional<TenantDirectory.Entry> tenant = directory.bySlug(slug);
        Optional<User> found =
                tenant.flatMap(t -> tenants.in(t.ref(), work -> findUser(work.em(), email)));
        String hash = found.map(User::passwordHash).orElse(DUMMY_HASH);
        if (!PasswordHasher.verify(password, hash) || found.isEmpty()) {
            throw ApiProblem.unauthorized(BAD_CREDENTIALS);
        }
        if (!found.get().active()) {
            throw ApiProblem.forbidden("user-disabled", "This account is disabled");
        }
        if (!tenant.get().active()) {
            throw ApiProblem.forbidden("tenant-suspended", "This company's account is suspended");
        }
        throttle.recordSuccess(account, address);
        TenantRef ref = tenant.get().ref();
        User user = found.get();
        tenants.in(
                ref,
                work -> {
                    EntityManager em = work.em();
                    em.find(User.class, user.id()).loggedIn(now());
                    return null;
                });
        Subject subject = Subject.user(ref.id(), user.id());
        UUID family = UUID.randomUUID();
        String refresh = issue(subject, family);
        return new TokenPair(
                tokens().forUser(ref.id(), user.id(), user.email(), user.role().key(), family),
                refresh,
                tokens().ttlSeconds());
    }

    /**
     * Rotates a refresh token: one transaction under the subject's session lock checks the token,
     * marks it used and issues the next one, or, when it was used before, revokes the whole family
     * (the next token of a parallel winner included) and commits that. The account is checked
     * before (a disable revokes under the same lock, so it cannot slip between).
     */
    public TokenPair refresh(String refreshToken) {
        OffsetDateTime now = now();
        RefreshTokens.Found found =
                Sql.inTransaction(storage.dataSource(), c -> RefreshTokens.find(c, refreshToken));
        if (found == null) {
            throw ApiProblem.unauthorized("The refresh token is not valid");
        }
        Subject subject = found.subject();
        String email;
        String role = null;
        if (subject.operator()) {
            Operator operator =
                    storage.transactions().inPlatform(em -> em.find(Operator.class, subject.id()));
            if (operator == null || !operator.active()) {
                revokeFamily(subject, found.family());
                throw ApiProblem.unauthorized("The account is no longer active");
            }
            email = operator.email();
        } else {
            Optional<TenantDirectory.Entry> tenant = directory.byId(subject.tenantId());
            User user =
                    tenant.map(
                                    t ->
                                            tenants.in(
                                                    t.ref(),
                                                    work ->
                                                            work.em()
                                                                    .find(
                                                                            User.class,
                                                                            subject.id())))
                            .orElse(null);
            if (tenant.isEmpty() || !tenant.get().active() || user == null || !user.active()) {
                revokeFamily(subject, found.family());
                throw ApiProblem.unauthorized("The account or its company is no longer active");
            }
            email = user.email();
            role = user.role().key();
        }
        RefreshTokens.Rotation rotation =
                Sql.inTransaction(
                        storage.dataSource(),
                        c ->
                                RefreshTokens.rotate(
                                        c, refreshToken, now, settings.refreshTokenTtl()));
        switch (rotation.outcome()) {
            case UNKNOWN -> throw ApiProblem.unauthorized("The refresh token is not valid");
            case EXPIRED ->
                    throw ApiProblem.unauthorized(
                            "The refresh token has expired; please log in again");
            case REUSED -> {
                signals.publish(SessionChange.session(rotation.family()));
                throw ApiProblem.unauthorized(
                        "This refresh token was already used; the session is revoked");
            }
            default -> {
                // rotated
            }
        }
        String access =
                subject.operator()
                        ? tokens().forOperator(subject.id(), email, rotation.family())
                        : tokens().forUser(
                                        subject.tenantId(),
                                        subject.id(),
                                        email,
                                        role,
                                        rotation.family());
        return new TokenPair(access, rotation.next(), tokens().ttlSeconds());
    }

    /** Ends the session of this refresh token: its family, and so its access tokens, at once. */
    public void logout(String refreshToken) {
        UUID family =
                Sql.inTransaction(
                        storage.dataSource(),
                        c -> {
                            RefreshTokens.Found found = RefreshTokens.find(c, refreshToken);
                            if (found == null) {
                                return null;
                            }
                            RefreshTokens.lock(c, found.subject());
                            RefreshTokens.revokeFamily(c, found.family(), now());
                            return found.family();
                        });
        if (family != null) {
            signals.publish(SessionChange.session(family));
        }
    }

    /** Ends every session of a business user (disabled, password reset). */
    public void revokeUserSessions(long tenantId, long userId) {
        Sql.inTransaction(
                storage.dataSource(),
                c -> {
                    RefreshTokens.revokeSubject(c, Subject.user(tenantId, userId), now());
                    return null;
                });
        signals.publish(SessionChange.user(tenantId, userId));
    }

    /**
     * A business user's role or status changed: every instance re-checks their tokens and streams.
     */
    public void userChanged(long tenantId, long userId) {
        signals.publish(SessionChange.user(tenantId, userId));
    }

    private void revokeFamily(Subject subject, UUID family) {
        Sql.inTransaction(
                storage.dataSource(),
                c -> {
                    RefreshTokens.lock(c, subject);
                    RefreshTokens.revokeFamily(c, family, now());
                    return null;
                });
        signals.publish(SessionChange.session(family));
    }

    private String issue(Subject subject, UUID family) {
        return Sql.inTransaction(
                storage.dataSource(),
                c -> RefreshTokens.issue(c, subject, family, now(), settings.refreshTokenTtl()));
    }

    private static Optional<Operator> findOperator(EntityManager em, String email) {
        List<Operator> list =
                em.createQuery(
                                "SELECT o FROM Operator o WHERE LOWER(o.email) = :email",
                                Operator.class)
                        .setParameter("email", normalise(email))
                        .getResultList();
        return list.stream().findFirst();
    }

    private static Optional<User> findUser(EntityManager em, String email) {
        List<User> list =
                em.createQuery("SELECT u FROM User u WHERE LOWER(u.email) = :email", User.class)
                        .setParameter("email", normalise(email))
                        .getResultList();
        return list.stream().findFirst();
    }

    private AccessTokens tokens() {
        AccessTokens t = accessTokens;
        if (t == null) {
            t = new AccessTokens(JwtKeys.shared(), clock, settings.accessTokenTtl());
            accessTokens = t;
        }
        return t;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static String normalise(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
