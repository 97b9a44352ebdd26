package com.buildcrm.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Issues RS256 access tokens that MicroProfile JWT verifies (issuer, audience, expiry). */
public final class AccessTokens {

    public static final String ISSUER = "buildcrm";
    public static final String AUDIENCE = "buildcrm";
    public static final String OPERATOR_GROUP = "operator";

    /**
     * The claim naming the session (the refresh-token family) a token belongs to: revoking the
     * family ends the access token at once.
     */
    public static final String SESSION_CLAIM = "sid";

    private final JwtKeys keys;
    private final Clock clock;
    private final Duration ttl;

    public AccessTokens(JwtKeys keys, Clock clock, Duration ttl) {
        this.keys = keys;
        this.clock = clock;
        this.ttl = ttl;
    }

    public String forOperator(long operatorId, String email, UUID session) {
        return sign(
                new JWTClaimsSet.Builder()
                        .subject("operator:" + operatorId)
                        .claim("upn", email)
                        .claim("groups", List.of(OPERATOR_GROUP))
                        .claim(SESSION_CLAIM, session.toString()));
    }

    public String forUser(long tenantId, long userId, String email, String role, UUID session) {
        return sign(
                new JWTClaimsSet.Builder()
                        .subject("user:" + tenantId + ":" + userId)
                        .claim("upn", email)
                        .claim("groups", List.of(role))
                        .claim("tenant", Long.toString(tenantId))
                        .claim("uid", Long.toString(userId))
                        .claim(SESSION_CLAIM, session.toString()));
    }

    public long ttlSeconds() {
        return ttl.toSeconds();
    }

    private String sign(JWTClaimsSet.Builder claims) {
        Instant now = clock.instant();
        JWTClaimsSet set =
                claims.issuer(ISSUER)
                        .audience(AUDIENCE)
                        .issueTime(Date.from(now))
                        .notBeforeTime(Date.from(now))
                        .expirationTime(Date.from(now.plus(ttl)))
                        .jwtID(UUID.randomUUID().toString())
                        .build();
        SignedJWT jwt =
                new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256)
                                .type(JOSEObjectType.JWT)
                                .keyID(keys.keyId())
                                .build(),
                        set);
        try {
            jwt.sign(new RSASSASigner(keys.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return jwt.serialize();
    }
}
