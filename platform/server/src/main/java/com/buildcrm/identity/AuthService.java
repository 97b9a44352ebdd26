package com.buildcrm.identity;

import com.buildcrm.config.ServerSettings;
import com.buildcrm.provisioner.PasswordHasher;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.tenancy.TenantRef;
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
    @Inject ServerSettings settings;
    @Inject Clock clock;
    @Inject TenantDirectory directory;
    @Inject LoginThrottle throttle;

    private volatile AccessTokens accessTokens;

    public TokenPair operatorLogin(String email, String password, String address) {
        String account = "operator|" + normalise(email);
        throttle.checkAllowed(account, address);
        Optional<Operator> found = storage.transactions().inPlatform(em -> findOperator(em, email));
        String hash = found.map(Operator::passwordHash).orElse(DUMMY_HASH);
        if (!PasswordHasher.verify(password, hash) || found.isEmpty() || !found.get().active()) {
            throttle.recordFailure(account, address);
            throw ApiProblem.unauthorized(BAD_CREDENTIALS);
        }
        throttle.recordSuccess(account);
        Operator operator = found.get();
        return storage.transactions()
                .inPlatform(
                        em -> {
                            em.find(Operator.class, operator.id()).loggedIn(now());
                            return pair(
                                    em,
                                    Subject.operator(operator.id()),
                                    UUID.randomUUID(),
                                    tokens().forOperator(operator.id(), operator.email()));
                        });
    }

    public TokenPair userLogin(String tenantSlug, String email, String password, String address) {
        String slug = normalise(tenantSlug);
        String account = "user|" + slug + "|" + normalise(email);
        throttle.checkAllowed(account, address);
        Optional<TenantDirectory.Entry> tenant = directory.bySlug(slug);
        Optional<User> found =
                tenant.flatMap(
                        t -> storage.transactions().inTenant(t.ref(), em -> findUser(em, email)));
        String hash = found.map(User::passwordHash).orElse(DUMMY_HASH);
        if (!PasswordHasher.verify(password, hash) || found.isEmpty()) {
            throttle.recordFailure(account, address);
            throw ApiProblem.unauthorized(BAD_CREDENTIALS);
        }
        if (!found.get().active()) {
            throttle.recordFailure(account, address);
            throw ApiProblem.forbidden("user-disabled", "This account is disabled");
        }
        if (!tenant.get().active()) {
            throw ApiProblem.forbidden("tenant-suspended", "This company's account is suspended");
        }
        throttle.recordSuccess(account);
        TenantRef ref = tenant.get().ref();
        User user = found.get();
        storage.transactions()
                .inTenant(
                        ref,
                        em -> {
                            em.find(User.class, user.id()).loggedIn(now());
                            return null;
                        });
        return storage.transactions()
                .inPlatform(
                        em ->
                                pair(
                                        em,
                                        Subject.user(ref.id(), user.id()),
                                        UUID.randomUUID(),
                                        tokens().forUser(
                                                        ref.id(),
                                                        user.id(),
                                                        user.email(),
                                                        user.role().key())));
    }

    public TokenPair refresh(String refreshToken) {
        OffsetDateTime now = now();
        RefreshTokens.Used used;
        try {
            used =
                    storage.transactions()
                            .inPlatform(em -> RefreshTokens.use(em, refreshToken, now));
        } catch (RefreshTokens.ReuseDetected reuse) {
            // the revocation above was rolled back with the exception: revoke the family for good
            storage.transactions()
                    .inPlatformDo(
                            em -> {
                                UUID family = RefreshTokens.familyOf(em, refreshToken);
                                if (family != null) {
                                    RefreshTokens.revokeFamily(em, family, now);
                                }
                            });
            throw ApiProblem.unauthorized(
                    "This refresh token was already used; the session is revoked");
        }
        Subject subject = used.subject();
        String access;
        if (subject.operator()) {
            Operator operator =
                    storage.transactions().inPlatform(em -> em.find(Operator.class, subject.id()));
            if (operator == null || !operator.active()) {
                revoke(used);
                throw ApiProblem.unauthorized("The account is no longer active");
            }
            access = tokens().forOperator(operator.id(), operator.email());
        } else {
            Optional<TenantDirectory.Entry> tenant = directory.byId(subject.tenantId());
            User user =
                    tenant.map(
                                    t ->
                                            storage.transactions()
                                                    .inTenant(
                                                            t.ref(),
                                                            em ->
                                                                    em.find(
                                                                            User.class,
                                                                            subject.id())))
                            .orElse(null);
            if (tenant.isEmpty() || !tenant.get().active() || user == null || !user.active()) {
                revoke(used);
                throw ApiProblem.unauthorized("The account or its company is no longer active");
            }
            access =
                    tokens().forUser(
                                    subject.tenantId(), user.id(), user.email(), user.role().key());
        }
        return storage.transactions().inPlatform(em -> pair(em, subject, used.family(), access));
    }

    public void logout(String refreshToken) {
        storage.transactions()
                .inPlatformDo(
                        em -> {
                            UUID family = RefreshTokens.familyOf(em, refreshToken);
                            if (family != null) {
                                RefreshTokens.revokeFamily(em, family, now());
                            }
                        });
    }

    /** Ends every session of a business user (disabled, password reset). */
    public void revokeUserSessions(long tenantId, long userId) {
        storage.transactions()
                .inPlatformDo(
                        em ->
                                RefreshTokens.revokeSubject(
                                        em, Subject.user(tenantId, userId), now()));
    }

    private void revoke(RefreshTokens.Used used) {
        storage.transactions()
                .inPlatformDo(em -> RefreshTokens.revokeFamily(em, used.family(), now()));
    }

    private TokenPair pair(EntityManager em, Subject subject, UUID family, String access) {
        String refresh =
                RefreshTokens.issue(em, subject, family, now(), settings.refreshTokenTtl());
        return new TokenPair(access, refresh, tokens().ttlSeconds());
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
