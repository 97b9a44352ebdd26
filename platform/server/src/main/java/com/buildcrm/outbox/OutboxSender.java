package com.buildcrm.outbox;

import com.buildcrm.channel.OutboundPart;
import com.buildcrm.channel.SendResult;
import com.buildcrm.channel.StorableText;
import com.buildcrm.channel.TenantChannels;
import com.buildcrm.channel.WhatsAppGateway;
import com.buildcrm.config.ServerSettings;
import com.buildcrm.db.Timestamps;
import com.buildcrm.jobs.JobQueue;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.live.LivePublisher;
import com.buildcrm.media.SignedUrls;
import com.buildcrm.message.Message;
import com.buildcrm.message.MessageStatus;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Sends one outbox row through the tenant's channel and records the outcome on the row and on the
 * message: accepted → SENT (with the provider's id); a clear, retryable failure → retried with
 * exponential backoff up to a cap; a refusal → FAILED; a timeout → UNKNOWN, never resent blindly
 * (the client may already have it). An open circuit breaker postpones the send.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());

    /** How many more due rows of its company a send job claims besides its own (ADR 048). */
    static final int BATCH = 16;

    /**
     * A batch claims nothing more after this long from its first send; what is left goes back to
     * the queue (a slow provider must not hold a company's other chats).
     */
    static final Duration BATCH_DEADLINE = Duration.ofSeconds(10);

    /**
     * A batch sends its chats in up to this many lanes side by side (ADR 050): while a provider
     * call waits on its round trip, the other lanes' calls are under way.
     */
    static final int LANES = 8;

    /**
     * This instance's threads for the lanes besides each job's own. A thread holds a database
     * connection only inside its short transactions, never during a provider call. Each has at most
     * one send under way, so a crash cuts off at most {@code JobRegistry.THREADS + CONCURRENCY}
     * sends (they become UNKNOWN, never resent: ADR 006).
     */
    public static final int CONCURRENCY = 28;

    /**
     * How long a reservation keeps other batches off a row: past the deadline and the longest send,
     * so that only a batch whose instance died lets it lapse (then the sweeper re-enqueues the
     * row).
     */
    static final Duration RESERVATION = Duration.ofMinutes(3);

    /** A clear, temporary failure is retried for this long before the message is marked FAILED. */
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

    static final Duration MAX_BACKOFF = Duration.ofMinutes(2);
    static final Duration MEDIA_URL_TTL = Duration.ofHours(24);

    @Inject Storage storage;
    @Inject TenantTransactions tenants;
    @Inject TenantChannels channels;
    @Inject SignedUrls signedUrls;
    @Inject ServerSettings settings;
    @Inject Clock clock;
    @Inject LivePublisher live;

    @Resource ManagedThreadFactory threadFactory;

    private volatile ChannelBreaker breaker;
    private ExecutorService pool;

    record Claimed(
            long id,
            long tenantId,
            long leadId,
            long messageId,
            String recipient,
            OutboundPayload payload,
            int attempts,
            Instant createdAt,
            List<Reserved> reserved) {

        /** The columns {@link #of} reads, in its order. */
        static final String COLUMNS =
                "id, tenant_id, lead_id, message_id, recipient, payload::text, attempts, created_at";

        static Claimed of(Object[] r) {
            return new Claimed(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(),
                    ((Number) r[3]).longValue(),
                    (String) r[4],
                    OutboundPayload.fromJson((String) r[5]),
                    ((Number) r[6]).intValue(),
                    Timestamps.toInstant(r[7]),
                    List.of());
        }

        Claimed reserving(List<Reserved> ids) {
            return new Claimed(
                    id, tenantId, leadId, messageId, recipient, payload, attempts, createdAt, ids);
        }
    }

    /** A row a batch reserved, and the chat it goes to. */
    record Reserved(long id, String recipient) {}

    /**
     * Sends the row, then up to {@link #BATCH} more of its company's due rows that its claim
     * reserved (ADR 048), in up to {@link #LANES} lanes side by side (ADR 050), each chat's rows
     * one after another in one lane. A reserved row stays PENDING (it still holds its chat back)
     * and has no job of its own; it is claimed for sending right before its send, exactly as a
     * row's own job claims it, in the transaction that records the lane's previous outcome (ADR
     * 049), and each outcome commits before the lane's next send. What the batch cannot send before
     * {@link #BATCH_DEADLINE} goes back to the queue.
     */
    public void send(long outboxId) {
        Optional<Claimed> claimed = claim(outboxId);
        if (claimed.isEmpty()) {
            return; // already sent, failed, or not due: nothing to do (idempotent)
        }
        Claimed own = claimed.get();
        Run run =
                new Run(
                        tenants.forJob(own.tenantId()),
                        Collections.synchronizedList(new ArrayList<>()));
        Instant deadline = clock.instant().plus(BATCH_DEADLINE);
        // the batch's chats in up to LANES lanes side by side, each chat's rows in one lane in
        // id order, the own row first in the first lane (ADR 050)
        List<List<Long>> lanes = lanes(own, run.remote(own.tenantId()) ? LANES : 1);
        List<Runnable> chains = new ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            Claimed first = i == 0 ? own : null;
            List<Long> ids = lanes.get(i);
            chains.add(() -> chain(run, first, ids, own.id(), deadline));
        }
        runAll(chains);
        // the screens hear of the batch's outcomes in one notification transaction
        live.publish(List.copyOf(run.events()));
    }

    /**
     * The reserved rows of a batch dealt into at most {@code count} lanes: every row of a chat in
     * the same lane, each lane in id order; the own row's chat in the first lane (whose first row,
     * the own one, is already claimed and not listed).
     */
    static List<List<Long>> lanes(Claimed own, int count) {
        Map<String, Integer> laneOf = new HashMap<>();
        laneOf.put(own.recipient(), 0);
        List<List<Long>> lanes = new ArrayList<>();
        lanes.add(new ArrayList<>());
        for (Reserved r : own.reserved()) {
            int lane =
                    laneOf.computeIfAbsent(
                            r.recipient(),
                            k -> {
                                if (lanes.size() < count) {
                                    lanes.add(new ArrayList<>());
                                    return lanes.size() - 1;
                                }
                                return laneOf.size() % count;
                            });
            lanes.get(lane).add(r.id());
        }
        return lanes;
    }

    /**
     * One lane's rows of a batch, one after another: {@code first} (already claimed, or none), then
     * each of {@code ids}, claimed right before its send in the transaction that records the
     * previous row's outcome (ADR 049).
     */
    private void chain(Run run, Claimed first, List<Long> ids, long batch, Instant deadline) {
        Claimed current = first;
        int next = 0;
        while (current != null || next < ids.size()) {
            if (next >= ids.size()) {
                run.deliver(current, null);
                break;
            }
            long nextId = ids.get(next++);
            Function<EntityManager, Optional<Claimed>> claimNext =
                    em -> claimReserved(em, nextId, batch, clock.instant().isAfter(deadline));
            current =
                    current == null
                            ? storage.transactions().inPlatform(claimNext).orElse(null)
                            : run.deliver(current, claimNext).orElse(null);
        }
    }

    /**
     * Runs a batch's chats side by side (ADR 050): a provider call is a round trip away, and a
     * chat's rows wait only for each other. The first chain runs on the job's own thread, the
     * others on this instance's send threads ({@link #CONCURRENCY}); the job ends when all have. A
     * failed chain fails the job after the others finish (its rows stay reserved or SENDING, as
     * when a sequential batch failed).
     */
    private void runAll(List<Runnable> chains) {
        if (chains.size() == 1) {
            chains.get(0).run();
            return;
        }
        List<Future<?>> others = new ArrayList<>();
        List<Runnable> here = new ArrayList<>();
        here.add(chains.get(0));
        for (Runnable chain : chains.subList(1, chains.size())) {
            try {
                others.add(pool().submit(chain));
            } catch (RejectedExecutionException stopping) {
                // the instance is stopping: the lane still runs, on this job's thread, so no
                // claimed row is left without its send
                here.add(chain);
            }
        }
        RuntimeException failed = null;
        for (Runnable chain : here) {
            try {
                chain.run();
            } catch (RuntimeException e) {
                failed = failed != null ? failed : e;
            }
        }
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = failed != null ? failed : new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (failed == null) {
                    failed =
                            e.getCause() instanceof RuntimeException r
                                    ? r
                                    : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    private synchronized ExecutorService pool() {
        if (pool == null) {
            ThreadFactory factory =
                    threadFactory != null
                            ? threadFactory
                            : r -> {
                                Thread t = new Thread(r, "buildcrm-send");
                                t.setDaemon(true);
                                return t;
                            };
            pool = Executors.newFixedThreadPool(CONCURRENCY, factory);
        }
        return pool;
    }

    @PreDestroy
    synchronized void stopPool() {
        if (pool != null) {
            pool.shutdown();
            pool = null;
        }
    }

    /** One job's sends: its company's channel, looked up once, and the events to publish. */
    private final class Run {
        private final Optional<TenantRef> tenant;
        private final List<LiveEvent> events;
        private Optional<TenantChannels.Connected> channel;
        private WhatsAppGateway gateway;

        Run(Optional<TenantRef> tenant, List<LiveEvent> events) {
            this.tenant = tenant;
            this.events = events;
        }

        List<LiveEvent> events() {
            return events;
        }

        /** The company's channel, looked up once for the batch's chains. */
        synchronized Optional<TenantChannels.Connected> channel(long tenantId) {
            if (channel == null) {
                channel = channels.forTenant(tenantId);
            }
            return channel;
        }

        /**
         * Whether the company's sends wait on a network round trip; an in-process gateway (the
         * sandbox) only adds threads contending for the same cores, so its batch is one lane.
         */
        boolean remote(long tenantId) {
            Optional<TenantChannels.Connected> connected = channel(tenantId);
            if (tenant.isEmpty() || connected.isEmpty()) {
                return false;
            }
            try {
                return gateway(connected.get()).remote();
            } catch (RuntimeException e) {
                return false; // the send itself reports the broken channel, row by row
            }
        }

        synchronized WhatsAppGateway gateway(TenantChannels.Connected connected) {
            if (gateway == null) {
                gateway = channels.gateway(connected);
            }
            return gateway;
        }

        /**
         * Sends the row and records its outcome; {@code then} (if any) runs in the transaction that
         * records it, or in one of its own when there is nothing to record, and its result is
         * returned.
         */
        Optional<Claimed> deliver(Claimed row, Function<EntityManager, Optional<Claimed>> then) {
            if (tenant.isPresent()) {
                // the provider call happens between transactions: name the tenant for its log
                // lines
                List<Optional<Claimed>> out = new ArrayList<>(1);
                tenants.namedInLogs(tenant.get(), () -> out.add(send(row, then)));
                return out.get(0);
            }
            return send(row, then);
        }

        private Optional<Claimed> send(
                Claimed row, Function<EntityManager, Optional<Claimed>> then) {
            ChannelBreaker b = breaker();
            if (b.state(row.tenantId()) == ChannelBreaker.State.OPEN) {
                postpone(row, b.retryAt(row.tenantId()), "channel circuit open");
                return then == null ? Optional.empty() : storage.transactions().inPlatform(then);
            }
            Optional<TenantChannels.Connected> channel = channel(row.tenantId());
            if (channel.isEmpty()) {
                return finish(
                        row,
                        SendResult.rejected("no WhatsApp channel is configured", false),
                        tenant,
                        events,
                        then);
            }
            SendResult result;
            try {
                result = part(row).sendThrough(gateway(channel.get()), row.recipient());
            } catch (RuntimeException e) {
                LOG.warning(() -> "send of outbox " + row.id() + " failed: " + e);
                result = SendResult.rejected(e.getClass().getSimpleName(), true);
            }
            if (result instanceof SendResult.Rejected r && r.retryable()) {
                b.failure(row.tenantId());
            } else if (result instanceof SendResult.Accepted) {
                b.success(row.tenantId());
            }
            return finish(row, result, tenant, events, then);
        }
    }

    private OutboundPart part(Claimed row) {
        OutboundPayload p = row.payload();
        return switch (p.type()) {
            case MEDIA ->
                    new OutboundPart.Media(
                            p.mediaKind(),
                            mediaUrl(row.tenantId(), p.mediaId()),
                            p.text(),
                            p.fileName());
            case VOICE -> new OutboundPart.Voice(mediaUrl(row.tenantId(), p.mediaId()));
            case TEXT -> new OutboundPart.Text(p.text());
            case TEMPLATE -> new OutboundPart.Template(p.template());
        };
    }

    private URI mediaUrl(long tenantId, String mediaId) {
        return URI.create(
                settings.baseUrl()
                        + signedUrls.sign(Long.toString(tenantId), mediaId, MEDIA_URL_TTL));
    }

    /**
     * How long a claimed send whose job's heartbeat stopped still holds its chat back (heartbeats
     * come every 10 s).
     */
    static final Duration LIVE_SEND = Duration.ofSeconds(30);

    /**
     * An earlier row of the same chat that goes out first: one due now (its job is about to run,
     * maybe on another instance), or one being sent by a live job (db-scheduler's heartbeat is
     * fresh; a row claimed in another row's batch lives by that row's job). A send claimed by a
     * dead instance stops holding the chat back within {@link #LIVE_SEND} (it becomes UNKNOWN
     * later, never resent); an earlier row waiting out a retry backoff does not hold it back
     * either.
     */
    static final String EARLIER_IN_CHAT =
            "EXISTS (SELECT 1 FROM platform.outbox b WHERE b.tenant_id = me.tenant_id"
                    + " AND b.recipient = me.recipient AND b.id < me.id AND ("
                    + " (b.status = 'PENDING' AND b.next_attempt_at <= now() + interval '1 second')"
                    + " OR (b.status = 'SENDING' AND EXISTS (SELECT 1 FROM platform.scheduled_tasks st"
                    + "   WHERE st.task_name = 'send-outbox' AND st.picked"
                    + "   AND st.last_heartbeat > now() - interval '"
                    + LIVE_SEND.toSeconds()
                    + " seconds'"
                    + "   AND split_part(st.task_instance, ':', 1) = COALESCE(b.claimed_with, b.id)::text))))";

    /** How soon a send held back by an earlier one of its chat looks again. */
    static final Duration IN_ORDER_RECHECK = Duration.ofMillis(300);

    /**
     * Claims the row for this send: PENDING and due, and no earlier message of the same chat still
     * to go ({@link #EARLIER_IN_CHAT}), so that a chat's messages reach the provider in the order
     * they were written even when several instances (or threads) pick their jobs at once — pacing
     * alone does not order them when one job starts late. A row held back gets a new job shortly.
     */
    private Optional<Claimed> claim(long id) {
        return storage.transactions()
                .inPlatform(
                        em -> {
                            @SuppressWarnings("unchecked")
                            List<Object[]> rows =
                                    em.createNativeQuery(
                                                    "UPDATE platform.outbox me SET status = 'SENDING', attempts = attempts + 1,"
                                                            // the sweeper's "interrupted while
                                                            // sending" counts from the claim,
                                                            // not from when the row was due (it may
                                                            // have queued for minutes)
                                                            + " next_attempt_at = now(), claimed_with = NULL, reserved_until = NULL"
                                                            + " WHERE me.id = ?1 AND me.status = 'PENDING'"
                                                            + " AND me.next_attempt_at <= now() + interval '1 second'"
                                                            + " AND NOT "
                                                            + EARLIER_IN_CHAT
                                                            + " RETURNING "
                                                            + Claimed.COLUMNS)
                                            .setParameter(1, id)
                                            .getResultList();
                            if (rows.isEmpty()) {
                                @SuppressWarnings("unchecked")
                                List<Object> held =
                                        em.createNativeQuery(
                                                        "SELECT me.tenant_id FROM platform.outbox me WHERE me.id = ?1"
                                                                + " AND me.status = 'PENDING'"
                                                                + " AND me.next_attempt_at <= now() + interval '1 second'"
                                                                + " AND "
                                                                + EARLIER_IN_CHAT)
                                                .setParameter(1, id)
                                                .getResultList();
                                if (!held.isEmpty()) {
                                    recheck(em, ((Number) held.get(0)).longValue(), id, "w");
                                }
                                return Optional.<Claimed>empty();
                            }
                            Claimed own = Claimed.of(rows.get(0));
                            return Optional.of(own.reserving(reserve(em, own)));
                        });
    }

    /**
     * Reserves up to {@link #BATCH} more due rows of the same company for this job, in due order
     * (not one reserved by a live batch), and takes their own not-yet-picked jobs off the queue.
     */
    private static List<Reserved> reserve(EntityManager em, Claimed own) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "UPDATE platform.outbox me SET claimed_with = ?2,"
                                        + " reserved_until = now() + CAST(?4 AS interval)"
                                        + " WHERE me.id IN (SELECT o.id FROM platform.outbox o WHERE o.tenant_id = ?1"
                                        + "   AND o.status = 'PENDING' AND o.next_attempt_at <= now() + interval '1 second'"
                                        + "   AND o.id <> ?2 AND (o.reserved_until IS NULL OR o.reserved_until < now())"
                                        + "   ORDER BY o.next_attempt_at, o.id LIMIT ?3 FOR UPDATE SKIP LOCKED)"
                                        + " RETURNING me.id, me.recipient")
                        .setParameter(1, own.tenantId())
                        .setParameter(2, own.id())
                        .setParameter(3, BATCH)
                        .setParameter(4, RESERVATION.toSeconds() + " seconds")
                        .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Reserved> reserved =
                rows.stream()
                        .map(r -> new Reserved(((Number) r[0]).longValue(), (String) r[1]))
                        .sorted(Comparator.comparingLong(Reserved::id))
                        .toList();
        em.createNativeQuery(
                        "DELETE FROM platform.scheduled_tasks WHERE task_name = ?1"
                                + " AND task_instance = ANY(CAST(?2 AS text[])) AND NOT picked")
                .setParameter(1, Outbox.SEND_TASK.name())
                .setParameter(2, reserved.stream().map(r -> r.id() + ":0").toArray(String[]::new))
                .executeUpdate();
        return reserved;
    }

    /**
     * Claims a row this batch reserved for its send, as its own job would ({@link
     * #EARLIER_IN_CHAT}), in the caller's transaction. A row it cannot claim, or one past the
     * batch's deadline ({@code giveBack}), goes back to the queue with a job of its own.
     */
    private Optional<Claimed> claimReserved(
            EntityManager em, long id, long batch, boolean giveBack) {
        if (!giveBack) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows =
                    em.createNativeQuery(
                                    "UPDATE platform.outbox me SET status = 'SENDING', attempts = attempts + 1,"
                                            + " next_attempt_at = now(), reserved_until = NULL"
                                            + " WHERE me.id = ?1 AND me.status = 'PENDING' AND me.claimed_with = ?2"
                                            + " AND me.reserved_until >= now() AND NOT "
                                            + EARLIER_IN_CHAT
                                            + " RETURNING "
                                            + Claimed.COLUMNS)
                            .setParameter(1, id)
                            .setParameter(2, batch)
                            .getResultList();
            if (!rows.isEmpty()) {
                return Optional.of(Claimed.of(rows.get(0)));
            }
        }
        @SuppressWarnings("unchecked")
        List<Object> released =
                em.createNativeQuery(
                                "UPDATE platform.outbox SET claimed_with = NULL, reserved_until = NULL"
                                        + " WHERE id = ?1 AND claimed_with = ?2 AND status = 'PENDING'"
                                        + " RETURNING tenant_id")
                        .setParameter(1, id)
                        .setParameter(2, batch)
                        .getResultList();
        if (!released.isEmpty()) {
            recheck(em, ((Number) released.get(0)).longValue(), id, "r");
        }
        return Optional.<Claimed>empty();
    }

    /** A job for the row shortly ({@link #IN_ORDER_RECHECK}). */
    private void recheck(EntityManager em, long tenantId, long id, String why) {
        Instant again = clock.instant().plus(IN_ORDER_RECHECK);
        JobQueue.enqueue(
                em, Outbox.SEND_TASK, tenantId, id + ":" + why + again.toEpochMilli(), again);
    }

    private void postpone(Claimed row, Instant at, String why) {
        storage.transactions()
                .inPlatformDo(
                        em -> {
                            em.createNativeQuery(
                                            "UPDATE platform.outbox SET status = 'PENDING', attempts = attempts - 1,"
                                                    + " next_attempt_at = ?2, last_error = ?3 WHERE id = ?1")
                                    .setParameter(1, row.id())
                                    .setParameter(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                                    .setParameter(3, why)
                                    .executeUpdate();
                            JobQueue.enqueue(
                                    em,
                                    Outbox.SEND_TASK,
                                    row.tenantId(),
                                    row.id() + ":p" + at.toEpochMilli(),
                                    at);
                        });
    }

    /**
     * Records the outcome; {@code tenant} is the row's, looked up once for the batch. {@code then}
     * (if any) runs in the same transaction, and its result is returned.
     */
    private Optional<Claimed> finish(
            Claimed row,
            SendResult result,
            Optional<TenantRef> company,
            List<LiveEvent> events,
            Function<EntityManager, Optional<Claimed>> then) {
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        TenantRef tenant = company.orElse(null);
        if (tenant == null) {
            return then == null ? Optional.empty() : storage.transactions().inPlatform(then);
        }
        OutboxStatus status;
        String error = null;
        String providerId = null;
        Instant retryAt = null;
        if (result instanceof SendResult.Accepted a) {
            status = OutboxStatus.SENT;
            // as the inbox stores ids, so that the provider's statuses find this message
            providerId = StorableText.id(a.providerMessageId());
        } else if (result instanceof SendResult.Rejected r) {
            error = r.reason();
            if (r.retryable() && row.createdAt().plus(GIVE_UP_AFTER).isAfter(now)) {
                status = OutboxStatus.PENDING;
                retryAt = now.plus(backoff(row.attempts()));
            } else {
                status = OutboxStatus.FAILED;
            }
        } else {
            status = OutboxStatus.UNKNOWN;
            error = ((SendResult.Unknown) result).reason();
        }
        OutboxStatus finalStatus = status;
        String finalError = error;
        String finalProviderId = providerId;
        Instant finalRetryAt = retryAt;
        Optional<Claimed> next =
                tenants.in(
                        tenant,
                        work -> {
                            EntityManager em = work.em();
                            em.createNativeQuery(
                                            "UPDATE platform.outbox SET status = ?2, last_error = ?3, provider_message_id = ?4,"
                                                    + " sent_at = CASE WHEN ?2 = 'SENT' THEN now() ELSE sent_at END,"
                                                    + " next_attempt_at = COALESCE(CAST(?5 AS timestamptz), next_attempt_at) WHERE id = ?1")
                                    .setParameter(1, row.id())
                                    .setParameter(2, finalStatus.name())
                                    .setParameter(3, finalError)
                                    .setParameter(4, finalProviderId)
                                    .setParameter(
                                            5,
                                            finalRetryAt == null
                                                    ? null
                                                    : OffsetDateTime.ofInstant(
                                                            finalRetryAt, ZoneOffset.UTC))
                                    .executeUpdate();
                            if (finalRetryAt != null) {
                                JobQueue.enqueue(
                                        em,
                                        Outbox.SEND_TASK,
                                        row.tenantId(),
                                        row.id() + ":" + row.attempts(),
                                        finalRetryAt);
                            }
                            // the message's status without loading it: one statement
                            Message.recordSend(
                                    em,
                                    row.messageId(),
                                    switch (finalStatus) {
                                        case SENT -> MessageStatus.SENT;
                                        case FAILED -> MessageStatus.FAILED;
                                        case UNKNOWN -> MessageStatus.UNKNOWN;
                                        case PENDING, SENDING -> MessageStatus.QUEUED;
                                    },
                                    finalProviderId,
                                    finalError,
                                    at);
                            if (then == null) {
                                return Optional.<Claimed>empty();
                            }
                            return then.apply(em);
                        });
        if (finalStatus != OutboxStatus.SENT) {
            channels.recordError(row.tenantId(), finalStatus + ": " + finalError);
        }
        events.add(new LiveEvent(row.tenantId(), "message.status", row.leadId(), row.messageId()));
        return next;
    }

    static Duration backoff(int attempts) {
        Duration d = Duration.ofSeconds(2).multipliedBy(1L << Math.min(attempts, 12));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /** This instance's circuit-breaker state for the tenant's channel (for the health page). */
    public ChannelBreaker.State breakerState(long tenantId) {
        return breaker().state(tenantId);
    }

    private ChannelBreaker breaker() {
        ChannelBreaker b = breaker;
        if (b == null) {
            b = new ChannelBreaker(clock, 5, Duration.ofSeconds(30));
            breaker = b;
        }
        return b;
    }
}
