package com.buildcrm.outbox;

import com.buildcrm.db.Timestamps;
import com.buildcrm.jobs.JobQueue;
import com.buildcrm.jobs.JobType;
import com.buildcrm.tenancy.TenantPlatformTables;
import com.buildcrm.tenancy.TenantWork;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** One message to put into the outbox: its lead, stored message, chat and what to send. */
    public record Item(
            long leadId, long messageId, String recipient, OutboundPayload payload, Instant now) {}

    /** Puts one message into the outbox; returns the outbox row's id. */
    public static long enqueue(
            EntityManager em,
            long tenantId,
            long leadId,
            long messageId,
            String recipient,
            OutboundPayload payload,
            Instant now,
            Duration pace) {
        return enqueueAll(
                        em,
                        tenantId,
                        List.of(new Item(leadId, messageId, recipient, payload, now)),
                        pace)
                .get(0);
    }

    /**
     * Puts messages into the outbox with a constant number of statements, however many (a batch's,
     * ADR 049): the chats' pacing locks in one, their last sends in one, the rows in one and their
     * jobs in one. Two messages to one chat are paced as if enqueued one after the other.
     *
     * @return the outbox rows' ids, in the order of {@code items}
     */
    public static List<Long> enqueueAll(
            EntityManager em, long tenantId, List<Item> items, Duration pace) {
        if (items.isEmpty()) {
            return List.of();
        }
        // the outbox row belongs to the tenant of the caller's unit of work, never to a loose id
        TenantWork work = TenantWork.of(em);
        TenantPlatformTables tenantRows = work.platform();
        if (work.tenantId() != tenantId) {
            throw new IllegalArgumentException("tenant " + tenantId + " is not the bound tenant");
        }
        // one lock per chat, taken in key order so that two batches never wait on each other
        Long[] keys =
                items.stream()
                        .map(i -> ((long) tenantId << 32) ^ i.recipient().hashCode() ^ 0x5EEDL)
                        .distinct()
                        .sorted()
                        .toArray(Long[]::new);
        em.createNativeQuery(
                        "SELECT count(pg_advisory_xact_lock(k))"
                                + " FROM unnest(CAST(?1 AS bigint[])) AS v(k)")
                .setParameter(1, keys)
                .getSingleResult();
        String[] chats = items.stream().map(Item::recipient).distinct().toArray(String[]::new);
        Map<String, Instant> last = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                tenantRows
                        .query(
                                // one index lookup per chat (outbox_chat_idx): written as
                                // "recipient = ANY(?2)", a plan made while the outbox's statistics
                                // were stale read the company's whole outbox (RESULTS, stop 30)
                                "SELECT v.r, (SELECT GREATEST(MAX(o.next_attempt_at) FILTER"
                                        + " (WHERE o.status IN ('PENDING', 'SENDING')), MAX(o.sent_at))"
                                        + " FROM platform.outbox o WHERE o.tenant_id = ?1 AND o.recipient = v.r)"
                                        + " FROM unnest(CAST(?2 AS text[])) AS v(r)")
                        .setParameter(2, chats)
                        .getResultList();
        for (Object[] r : rows) {
            if (r[1] != null) {
                last.put((String) r[0], Timestamps.toInstant(r[1]));
            }
        }
        int n = items.size();
        Long[] leads = new Long[n];
        Long[] messages = new Long[n];
        String[] recipients = new String[n];
        String[] kinds = new String[n];
        String[] payloads = new String[n];
        String[] dues = new String[n];
        List<Instant> dueAt = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Item item = items.get(i);
            Instant due = item.now();
            Instant previous = last.get(item.recipient());
            if (previous != null && previous.plus(pace).isAfter(due)) {
                due = previous.plus(pace);
            }
            last.put(item.recipient(), due);
            dueAt.add(due);
            leads[i] = item.leadId();
            messages[i] = item.messageId();
            recipients[i] = item.recipient();
            kinds[i] = item.payload().type().stored();
            payloads[i] = item.payload().toJson();
            dues[i] = due.toString();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> inserted =
                tenantRows
                        .query(
                                "INSERT INTO platform.outbox (tenant_id, lead_id, message_id, recipient, kind, payload,"
                                        + " next_attempt_at) SELECT ?1, v.l, v.m, v.r, v.k, CAST(v.p AS jsonb),"
                                        + " CAST(v.t AS timestamptz) FROM unnest(CAST(?2 AS bigint[]), CAST(?3 AS bigint[]),"
                                        + " CAST(?4 AS text[]), CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS text[]))"
                                        + " WITH ORDINALITY AS v(l, m, r, k, p, t, n) ORDER BY v.n RETURNING id, message_id")
                        .setParameter(2, leads)
                        .setParameter(3, messages)
                        .setParameter(4, recipients)
                        .setParameter(5, kinds)
                        .setParameter(6, payloads)
                        .setParameter(7, dues)
                        .getResultList();
        Map<Long, Long> byMessage = new HashMap<>();
        for (Object[] r : inserted) {
            if (byMessage.put(((Number) r[1]).longValue(), ((Number) r[0]).longValue()) != null) {
                throw new IllegalArgumentException("a message goes into the outbox once: " + r[1]);
            }
        }
        List<Long> ids = new ArrayList<>(n);
        List<String> jobs = new ArrayList<>(n);
        for (Item item : items) {
            long id = byMessage.get(item.messageId());
            ids.add(id);
            jobs.add(id + ":0");
        }
        JobQueue.enqueueAll(em, SEND_TASK, tenantId, jobs, dueAt);
        return ids;
    }
}
