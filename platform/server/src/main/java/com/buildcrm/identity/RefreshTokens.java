package com.buildcrm.identity;

import com.buildcrm.web.ApiProblem;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Rotating refresh tokens kept in {@code platform.refresh_tokens} (only their SHA-256 is stored).
 * Each refresh uses a token up and issues the next of the same family; presenting a used token
 * again means it was stolen or replayed, and the whole family is revoked.
 */
final class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a successful rotation found. */
    record Used(Subject subject, UUID family) {}

    private RefreshTokens() {}

    static String issue(
            EntityManager em, Subject subject, UUID family, OffsetDateTime now, Duration ttl) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.createNativeQuery(
                        "INSERT INTO platform.refresh_tokens (id, family_id, subject_type, tenant_id, subject_id,"
                                + " token_hash, issued_at, expires_at) VALUES (?1, ?2, ?3, CAST(?4 AS bigint), ?5, ?6, ?7, ?8)")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, family)
                .setParameter(3, subject.operator() ? "OPERATOR" : "USER")
                .setParameter(4, subject.tenantId())
                .setParameter(5, subject.id())
                .setParameter(6, hash(raw))
                .setParameter(7, now)
                .setParameter(8, now.plus(ttl))
                .executeUpdate();
        return raw;
    }

    /**
     * Marks the token used and returns its subject. A reused token revokes its family; an unknown,
     * expired or revoked one is refused.
     *
     * @return the subject, or throws 401; {@code reuse} tells the caller to commit the revocation
     */
    static Used use(EntityManager em, String raw, OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT id, family_id, tenant_id, subject_id, expires_at, used_at, revoked_at"
                                        + " FROM platform.refresh_tokens WHERE token_hash = ?1 FOR UPDATE")
                        .setParameter(1, hash(raw))
                        .getResultList();
        if (rows.isEmpty()) {
            throw ApiProblem.unauthorized("The refresh token is not valid");
        }
        Object[] row = rows.get(0);
        UUID family = (UUID) row[1];
        if (row[5] != null || row[6] != null) {
            revokeFamily(em, family, now);
            throw new ReuseDetected();
        }
        if (toOffset(row[4]).isBefore(now)) {
            throw ApiProblem.unauthorized("The refresh token has expired; please log in again");
        }
        em.createNativeQuery("UPDATE platform.refresh_tokens SET used_at = ?1 WHERE id = ?2")
                .setParameter(1, now)
                .setParameter(2, row[0])
                .executeUpdate();
        Long tenantId = row[2] == null ? null : ((Number) row[2]).longValue();
        return new Used(new Subject(tenantId, ((Number) row[3]).longValue()), family);
    }

    static void revokeFamily(EntityManager em, UUID family, OffsetDateTime now) {
        em.createNativeQuery(
                        "UPDATE platform.refresh_tokens SET revoked_at = ?1 WHERE family_id = ?2 AND revoked_at IS NULL")
                .setParameter(1, now)
                .setParameter(2, family)
                .executeUpdate();
    }

    /** Revokes every live token of one subject (a user disabled, a password reset). */
    static void revokeSubject(EntityManager em, Subject subject, OffsetDateTime now) {
        em.createNativeQuery(
                        "UPDATE platform.refresh_tokens SET revoked_at = ?1 WHERE subject_type = ?2"
                                + " AND tenant_id IS NOT DISTINCT FROM CAST(?3 AS bigint) AND subject_id = ?4 AND revoked_at IS NULL")
                .setParameter(1, now)
                .setParameter(2, subject.operator() ? "OPERATOR" : "USER")
                .setParameter(3, subject.tenantId())
                .setParameter(4, subject.id())
                .executeUpdate();
    }

    static UUID familyOf(EntityManager em, String raw) {
        @SuppressWarnings("unchecked")
        List<Object> rows =
                em.createNativeQuery(
                                "SELECT family_id FROM platform.refresh_tokens WHERE token_hash = ?1")
                        .setParameter(1, hash(raw))
                        .getResultList();
        return rows.isEmpty() ? null : (UUID) rows.get(0);
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    static String hash(String raw) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(raw.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A used refresh token came back: its family is revoked (and that must be committed). */
    static final class ReuseDetected extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
