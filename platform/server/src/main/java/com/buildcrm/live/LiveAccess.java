package com.buildcrm.live;

import com.buildcrm.identity.AccessTokens;
import com.buildcrm.identity.JwtKeys;
import com.buildcrm.identity.SessionGuard;
import com.buildcrm.settings.CrmSettings;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.tenancy.TenantTransactions;
import com.buildcrm.user.User;
import com.buildcrm.web.ApiProblem;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Who may open an event stream. Either the access token in the {@code Authorization} header
 * (verified here exactly as MicroProfile JWT does — RS256 with the server's key, issuer, audience,
 * expiry — because the endpoint is {@code @PermitAll} for the ticket), or a one-time ticket from
 * {@link LiveTickets}; an access token in the URL is never accepted. Then checked like every
 * business request: a company that is active, a business role, an active user who still has that
 * role, a session not ended ({@link SessionGuard}).
 */
@ApplicationScoped
public class LiveAccess {

    private static final Set<String> ROLES = Set.of("owner", "rop", "manager");
    private static final Duration SKEW = Duration.ofSeconds(60);

    @Inject TenantDirectory directory;
    @Inject TenantTransactions tenants;
    @Inject Clock clock;
    @Inject LiveTickets tickets;
    @Inject SessionGuard guard;

    /** The holder of a one-time ticket (401 when it is unknown, expired or used). */
    public LiveViewer redeem(String ticket) {
        LiveTickets.Holder holder =
                tickets.redeem(ticket)
                        .orElseThrow(
                                () ->
                                        ApiProblem.unauthorized(
                                                "The ticket is not valid, has expired or was"
                                                        + " already used"));
        return viewer(
                holder.tenantId(),
                holder.userId(),
                holder.role(),
                holder.accessExpiresAt(),
                holder.session());
    }

    public LiveViewer authenticate(String authorizationHeader) {
        String token = null;
        if (authorizationHeader != null
                && authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorizationHeader.substring(7).strip();
        }
        if (token == null || token.isBlank()) {
            throw ApiProblem.unauthorized("An access token or a ticket is required");
        }
        JWTClaimsSet claims = verify(token.strip());
        List<String> groups;
        try {
            groups = claims.getStringListClaim("groups");
        } catch (ParseException e) {
            throw ApiProblem.unauthorized("The access token carries no role");
        }
        String role =
                groups == null
                        ? null
                        : groups.stream().filter(ROLES::contains).findFirst().orElse(null);
        Object tenantClaim = claims.getClaim("tenant");
        if (role == null || tenantClaim == null) {
            throw ApiProblem.forbidden("forbidden", "Only a company's users receive its events");
        }
        long tenantId;
        long userId;
        try {
            tenantId = Long.parseLong(String.valueOf(tenantClaim));
            userId = Long.parseLong(String.valueOf(claims.getClaim("uid")));
        } catch (NumberFormatException e) {
            throw ApiProblem.unauthorized("The access token does not name a valid tenant");
        }
        Object sessionClaim = claims.getClaim(AccessTokens.SESSION_CLAIM);
        String session = sessionClaim == null ? null : String.valueOf(sessionClaim);
        return viewer(tenantId, userId, role, claims.getExpirationTime().toInstant(), session);
    }

    /** Checks the company, the role and the user now, as every business request does. */
    LiveViewer viewer(long tenantId, long userId, String role, Instant expiresAt, String session) {
        if (!ROLES.contains(role)) {
            throw ApiProblem.forbidden("forbidden", "Only a company's users receive its events");
        }
        TenantDirectory.Entry entry =
                directory
                        .byId(tenantId)
                        .orElseThrow(
                                () ->
                                        ApiProblem.unauthorized(
                                                "The access token's company no longer exists"));
        if (!entry.active()) {
            throw ApiProblem.forbidden("tenant-suspended", "This company's account is suspended");
        }
        String problem = guard.userProblem(entry.ref(), userId, role, session);
        if (problem != null) {
            throw ApiProblem.unauthorized(problem);
        }
        boolean[] onlyAssigned = new boolean[1];
        boolean active =
                tenants.in(
                        entry.ref(),
                        work -> {
                            EntityManager em = work.em();
                            User user = em.find(User.class, userId);
                            if ("manager".equals(role)) {
                                CrmSettings s = em.find(CrmSettings.class, CrmSettings.SINGLETON);
                                onlyAssigned[0] = s != null && !s.managersSeeAll();
                            }
                            return user != null && user.active();
                        });
        if (!active) {
            throw ApiProblem.unauthorized("This account is disabled");
        }
        return new LiveViewer(entry.ref(), userId, role, onlyAssigned[0], expiresAt, session);
    }

    private JWTClaimsSet verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                    || !jwt.verify(new RSASSAVerifier(JwtKeys.shared().publicKey()))) {
                throw ApiProblem.unauthorized("The access token is not valid");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (!AccessTokens.ISSUER.equals(claims.getIssuer())
                    || claims.getAudience() == null
                    || !claims.getAudience().contains(AccessTokens.AUDIENCE)
                    || claims.getExpirationTime() == null
                    || !claims.getExpirationTime().toInstant().isAfter(now)
                    || (claims.getNotBeforeTime() != null
                            && claims.getNotBeforeTime().toInstant().isAfter(now.plus(SKEW)))) {
                throw ApiProblem.unauthorized("The access token is not valid or has expired");
            }
            return claims;
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw ApiProblem.unauthorized("The access token is not valid");
        }
    }
}
