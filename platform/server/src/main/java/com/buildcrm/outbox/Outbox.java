package com.buildcrm.outbox;

import com.buildcrm.db.Timestamps;
import com.buildcrm.jobs.JobQueue;
import com.buildcrm.jobs.JobType;
import com.buildcrm.tenancy.TenantPlatformTables;
import com.buildcrm.tenancy.TenantWork;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Puts outbound messages into the durable outbox inside the caller's transaction (the message row
 * and its outbox row commit together). Pacing per chat is decided here: each message of a chat is
 * due at least {@code pace} after the previous one, so even several instances never burst a chat.
 * Runs inside a tenant unit of work: the outbox rows are read and written through its per-tenant
 * platform tables ({@link TenantWork#platform()}).
 */
public final class Outbox {

    /** Sends one outbox row; the instance is {@code <outbox id>:<suffix>}. */
    public static final JobType SEND_TASK = new JobType("send-outbox", 80);

    private Outbox() {}

    public static long enqueue(
            EntityManager em,
            long tenantId,
            long leadId,
            long messageId,
            String recipient,
            OutboundPayload payload,
            Instant now,
            Duration pace) {
        // the outbox row belongs to the tenant of the caller's unit of work, never to a loose id
        TenantWork work = TenantWork.of(em);
        TenantPlatformTables tenantRows = work.platform();
        if (work.tenantId() != tenantId) {
            throw new IllegalArgumentException("tenant " + tenantId + " is not the bound tenant");
        }
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                .setParameter(1, ((long) tenantId << 32) ^ recipient.hashCode() ^ 0x5EEDL)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object> last =
                tenantRows
                        .query(
                                "SELECT GREATEST(MAX(next_attempt_at) FILTER (WHERE status IN ('PENDING', 'SENDING')),"
                                        + " MAX(sent_at)) FROM platform.outbox WHERE tenant_id = ?1 AND recipient = ?2")
                        .setParameter(2, recipient)
                        .getResultList();
        Instant due = now;
        if (!last.isEmpty() && last.get(0) != null) {
            Instant previous = Timestamps.toInstant(last.get(0));
            if (previous.plus(pace).isAfter(due)) {
                due = previous.plus(pace);
            }
        }
        @SuppressWarnings("unchecked")
        List<Object> ids =
                tenantRows
                        .query(
                                "INSERT INTO platform.outbox (tenant_id, lead_id, message_id, recipient, kind, payload,"
                                        + " next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb), ?7) RETURNING id")
                        .setParameter(2, leadId)
                        .setParameter(3, messageId)
                        .setParameter(4, recipient)
                        .setParameter(5, payload.type().stored())
                        .setParameter(6, payload.toJson())
                        .setParameter(7, OffsetDateTime.ofInstant(due, ZoneOffset.UTC))
                        .getResultList();
        long id = ((Number) ids.get(0)).longValue();
        JobQueue.enqueue(em, SEND_TASK, tenantId, id + ":0", due);
        return id;
    }
}
