package com.buildcrm.live;

import com.buildcrm.db.Timestamps;
import com.buildcrm.secret.Sha256;
import com.buildcrm.tenancy.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One-time tickets that open an event stream, so no access token ever travels in a URL (where
 * proxies and access logs keep it). A ticket is 256 random bits, valid for {@link #TTL}, stored
 * only as its SHA-256 in {@code platform.live_tickets} (any instance redeems what another issued)
 * and deleted by the one statement that redeems it, so it opens at most one stream.
 */
@ApplicationScoped
public class LiveTickets {

    /** How long a ticket may wait before it is used. */
    public static final Duration TTL = Duration.ofSeconds(30);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who a redeemed ticket was issued to, and when their access token expires. */
    record Holder(
            long tenantId, long userId, String role, Instant accessExpiresAt, String session) {}

    @Inject Storage storage;
    @Inject Clock clock;

    /** A fresh ticket for a business user; expired tickets are swept on the way. */
    public String issue(
            long tenantId, long userId, String role, Instant accessExpiresAt, String session) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        storage.transactions()
                .inPlatformDo(
                        em -> {
                            em.createNativeQuery(
                                            "DELETE FROM platform.live_tickets WHERE expires_at < ?1")
                                    .setParameter(1, now)
                                    .executeUpdate();
                            em.createNativeQuery(
                                            "INSERT INTO platform.live_tickets (ticket_hash,"
                                                    + " tenant_id, user_id, role, access_expires_at,"
                                                    + " expires_at, session_id) VALUES (?1, ?2, ?3,"
                                                    + " ?4, ?5, ?6, ?7)")
                                    .setParameter(1, Sha256.hex(raw))
                                    .setParameter(2, tenantId)
                                    .setParameter(3, userId)
                                    .setParameter(4, role)
                                    .setParameter(5, accessExpiresAt.atOffset(ZoneOffset.UTC))
                                    .setParameter(6, now.plus(TTL))
                                    .setParameter(7, session)
                                    .executeUpdate();
                        });
        return raw;
    }

    /**
     * A deleted ticket as {@link #redeem} reads it back: a typed projection of {@link #COLUMNS}.
     */
    private record Redeemed(
            long tenantId,
            long userId,
            String role,
            Instant accessExpiresAt,
            Instant expiresAt,
            String sessionId) {

        /** The {@code RETURNING} list {@link #of} reads, in its order. */
        static final String COLUMNS =
                "tenant_id, user_id, role, access_expires_at, expires_at, session_id";

        static Redeemed of(Object[] r) {
            return new Redeemed(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    Timestamps.toInstant(r[3]),
                    Timestamps.toInstant(r[4]),
                    (String) r[5]);
        }
    }

    /** Uses a ticket up: its holder, or empty when it is unknown, expired or already used. */
    Optional<Holder> redeem(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                storage.transactions()
                        .inPlatform(
                                em ->
                                        em.createNativeQuery(
                                                        "DELETE FROM platform.live_tickets WHERE"
                                                                + " ticket_hash = ?1 RETURNING"
                                                                + " "
                                                                + Redeemed.COLUMNS)
                                                .setParameter(1, Sha256.hex(raw.strip()))
                                                .getResultList());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Redeemed row = Redeemed.of(rows.get(0));
        if (!row.expiresAt().isAfter(now.toInstant())) {
            return Optional.empty();
        }
        return Optional.of(
                new Holder(
                        row.tenantId(),
                        row.userId(),
                        row.role(),
                        row.accessExpiresAt(),
                        row.sessionId()));
    }
}
