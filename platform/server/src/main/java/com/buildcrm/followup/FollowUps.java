package com.buildcrm.followup;

import com.buildcrm.brain.AiMemory;
import com.buildcrm.db.Timestamps;
import com.buildcrm.jobs.JobQueue;
import com.buildcrm.jobs.JobType;
import com.buildcrm.lead.ActorKind;
import com.buildcrm.lead.Lead;
import com.buildcrm.lead.LeadJson;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.live.LivePublisher;
import com.buildcrm.message.MessageAuthor;
import com.buildcrm.outbox.OutgoingMessage;
import com.buildcrm.outbox.OutgoingMessages;
import com.buildcrm.phone.PhoneNumbers;
import com.buildcrm.template.Templates;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import com.buildcrm.tenancy.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follow-ups on the durable scheduler (DESIGN §6): armed when the bot has written and waits for the
 * client, one {@code followups} row per step (unique per lead, silence and step), one job per row.
 * A job sends its own step and up to {@link #BATCH} more of its company's due ones (ADR 048); each
 * is re-read under its lead's lock in the sending transaction and decided by {@link
 * FollowUpPlanner}; sending, marking the step and scheduling the next one commit together with the
 * outbox row, so each step is sent at most once whatever the number of instances or crashes.
 */
@ApplicationScoped
public class FollowUps {

    /** Sends one due follow-up; the instance is {@code tenantId:followupId[:suffix]}. */
    public static final JobType TASK = new JobType("followup", 10);

    /**
     * How many more due follow-ups of its company a job sends in its transaction besides its own
     * (ADR 048): one commit, one read of the facts and one scheduler round trip for the lot.
     */
    static final int BATCH = 50;

    /** How soon a job whose lead another transaction holds looks again. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(2);

    /** After the last step the lead gets this long (at least) to answer before it is flagged. */
    static final Duration MIN_FINAL_WAIT = Duration.ofMinutes(30);

    @Inject TenantTransactions tenants;
    @Inject FollowUpStore store;
    @Inject Clock clock;
    @Inject LivePublisher live;
    @Inject OutgoingMessages outgoing;
    @Inject FollowUpTemplates windowed;
    @Inject Templates templates;

    /**
     * Arms the sequence after a bot message (in the caller's transaction): anything pending of an
     * earlier silence is dropped, step 0 is scheduled from {@code armedMessageId}'s time.
     */
    public void arm(TenantWork work, Lead lead, long armedMessageId, Instant at) {
        EntityManager em = work.em();
        FollowUpStore.Setup setup = store.load(work);
        if (setup.policy().steps().isEmpty()) {
            return;
        }
        em.createNativeQuery(
                        "UPDATE followups SET status = 'CANCELLED', reason = 'rearmed', updated_at = now()"
                                + " WHERE lead_id = ?1 AND status = 'PENDING'")
                .setParameter(1, lead.id())
                .executeUpdate();
        Instant due = FollowUpPlanner.dueAt(setup.policy(), setup.zone(), at, 0, at, lead.id());
        if (!insertAll(work, List.of(new NewStep(lead.id(), armedMessageId, at, 0, due)))
                .isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("step", 1);
            details.put("dueAt", due.toString());
            LeadJson.event(
                    work,
                    lead.id(),
                    "followup.armed",
                    ActorKind.SYSTEM,
                    null,
                    "Ждём ответа клиента: первое напоминание запланировано",
                    details,
                    OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        }
    }

    /** Cancels whatever is pending for the lead (in the caller's transaction) and records why. */
    public void cancelPending(
            TenantWork work,
            long leadId,
            Decision.Reason reason,
            ActorKind actor,
            Long actorId,
            OffsetDateTime at) {
        EntityManager em = work.em();
        int cancelled =
                em.createNativeQuery(
                                "UPDATE followups SET status = 'CANCELLED', reason = ?2, updated_at = now()"
                                        + " WHERE lead_id = ?1 AND status = 'PENDING'")
                        .setParameter(1, leadId)
                        .setParameter(2, reason.name())
                        .executeUpdate();
        if (cancelled > 0) {
            LeadJson.event(
                    work,
                    leadId,
                    "followup.cancelled",
                    actor,
                    actorId,
                    reason.reasonRu(),
                    Map.of("reason", reason.name()),
                    at);
        }
    }

    /** The job: {@code instance} is {@code tenantId:followupId[:suffix]}. */
    public void run(String instance) {
        String[] p = instance.split(":");
        run(Long.parseLong(p[0]), Long.parseLong(p[1]));
    }

    public void run(long tenantId, long followupId) {
        TenantRef tenant = tenants.forJob(tenantId).orElse(null);
        if (tenant == null) {
            return;
        }
        List<LiveEvent> published = new ArrayList<>();
        tenants.in(
                tenant,
                work -> {
                    dispatch(work, followupId, published);
                    return null;
                });
        live.publish(published);
    }

    /** One follow-up as a step reads it: a typed projection of {@link #COLUMNS}. */
    record Row(
            long id,
            long leadId,
            long armedMessageId,
            Instant armedAt,
            int step,
            String status,
            Instant dueAt) {

        /** The select list {@link #of} reads, in its order. */
        static final String COLUMNS =
                "id, lead_id, armed_message_id, armed_at, step, status, due_at";

        static Row of(Object[] r) {
            return new Row(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(),
                    Timestamps.toInstant(r[3]),
                    ((Number) r[4]).intValue(),
                    (String) r[5],
                    Timestamps.toInstant(r[6]));
        }

        boolean pending() {
            return status.equals("PENDING");
        }
    }

    /**
     * The job's own follow-up, and up to {@link #BATCH} more of the company's due ones, in one
     * transaction (ADR 048). Every row is decided under its lead's lock, taken with {@code SKIP
     * LOCKED} so that concurrent jobs (threads, instances) share the due rows instead of queueing
     * on them, and re-read after the lock; the rows this transaction handled lose their own
     * not-yet-picked jobs with it. A job whose lead is busy looks again shortly.
     */
    private void dispatch(TenantWork work, long followupId, List<LiveEvent> published) {
        Instant now = clock.instant();
        List<Long> locked = new ArrayList<>();
        Row own = row(work, followupId);
        if (own != null && own.pending()) {
            if (lockLead(work, own.leadId())) {
                locked.add(own.id());
            } else {
                JobQueue.enqueue(
                        work.em(),
                        TASK,
                        work.tenantId(),
                        work.tenantId() + ":" + own.id() + ":b" + now.toEpochMilli(),
                        now.plus(BUSY_RETRY));
            }
        }
        locked.addAll(lockDue(work, followupId, now));
        if (locked.isEmpty()) {
            return;
        }
        // re-read under the leads' locks (a writer of a lead's follow-ups holds its lead's lock);
        // one step per lead, as a lead has one pending step at a time
        Map<Long, Row> byLead = new LinkedHashMap<>();
        for (Row r : rows(work, locked)) {
            if (r.pending() && (r.id() == followupId || !r.dueAt().isAfter(now))) {
                byLead.merge(r.leadId(), r, (a, b) -> b.id() == followupId ? b : a);
            }
        }
        List<Row> rows = List.copyOf(byLead.values());
        if (rows.isEmpty()) {
            return;
        }
        Batch batch = batch(work, rows);
        Map<Long, Lead> leads = new HashMap<>();
        for (Lead lead :
                work.em()
                        .createQuery("SELECT l FROM Lead l WHERE l.id IN :ids", Lead.class)
                        .setParameter("ids", rows.stream().map(Row::leadId).toList())
                        .getResultList()) {
            leads.put(lead.id(), lead);
        }
        // the steps decide and change the leads without a query (each query would flush the
        // persistence context first, checking all the batch's leads: n² checks); their writes go
        // at the end, a statement per kind of row
        Writes writes = new Writes();
        for (Row row : rows) {
            Lead lead = leads.get(row.leadId());
            if (lead != null) {
                step(work, batch, lead, row, now, writes, published);
            }
        }
        writes.apply(work, outgoing, published);
        String[] handled =
                rows.stream()
                        .filter(r -> r.id() != followupId)
                        .map(r -> work.tenantId() + ":" + r.id())
                        .toArray(String[]::new);
        if (handled.length > 0) {
            work.em()
                    .createNativeQuery(
                            "DELETE FROM platform.scheduled_tasks WHERE task_name = ?1"
                                    + " AND task_instance = ANY(CAST(?2 AS text[])) AND NOT picked")
                    .setParameter(1, TASK.name())
                    .setParameter(2, handled)
                    .executeUpdate();
        }
    }

    /** Locks the lead unless another transaction holds it. */
    private static boolean lockLead(TenantWork work, long leadId) {
        return !work.sql("SELECT id FROM leads WHERE id = ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, leadId)
                .getResultList()
                .isEmpty();
    }

    /** Up to {@link #BATCH} other due follow-ups whose leads this transaction could lock. */
    private static List<Long> lockDue(TenantWork work, long followupId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> ids =
                work.sql(
                                "SELECT f.id FROM followups f JOIN leads l ON l.id = f.lead_id"
                                        + " WHERE f.status = 'PENDING' AND f.due_at <= ?1 AND f.id <> ?2"
                                        + " ORDER BY f.due_at LIMIT ?3 FOR UPDATE OF l SKIP LOCKED")
                        .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .setParameter(2, followupId)
                        .setParameter(3, BATCH)
                        .getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    /** What the steps of a batch read once: the company and its leads' facts. */
    private record Batch(
            FollowUpStore.Setup setup,
            Templates.Company company,
            Map<Long, String> stageRoles,
            Map<Long, MessageFacts> messages,
            Map<Long, Map<String, Object>> fields,
            Map<Long, AiMemory> memory,
            Map<List<Long>, Integer> sentInSilence) {}

    /** A lead's messages as a decision reads them. */
    private record MessageFacts(
            long lastInboundId, Instant lastInboundAt, Instant lastOutboundAt, Set<String> sent) {

        static final MessageFacts NONE = new MessageFacts(0, null, null, Set.of());
    }

    private Batch batch(TenantWork work, List<Row> rows) {
        EntityManager em = work.em();
        List<Long> leadIds = rows.stream().map(Row::leadId).distinct().toList();
        Map<Long, String> roles = new HashMap<>();
        for (Object[] r :
                em.createQuery("SELECT s.id, s.role FROM Stage s", Object[].class)
                        .getResultList()) {
            roles.put(((Number) r[0]).longValue(), (String) r[1]);
        }
        Long[] ids = leadIds.toArray(Long[]::new);
        Map<Long, MessageFacts> messages = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> m =
                work.sql(
                                "SELECT lead_id, max(id) FILTER (WHERE direction = 'IN'),"
                                        + " max(created_at) FILTER (WHERE direction = 'IN'),"
                                        + " max(created_at) FILTER (WHERE direction = 'OUT'),"
                                        + " json_agg(DISTINCT text) FILTER (WHERE direction = 'OUT' AND text IS NOT NULL)::text"
                                        + " FROM messages WHERE lead_id = ANY(CAST(?1 AS bigint[])) GROUP BY lead_id")
                        .setParameter(1, ids)
                        .getResultList();
        for (Object[] r : m) {
            Set<String> sent = new HashSet<>();
            if (r[4] != null) {
                FollowUpStore.parseArray((String) r[4])
                        .forEach(v -> sent.add(((JsonString) v).getString()));
            }
            messages.put(
                    ((Number) r[0]).longValue(),
                    new MessageFacts(
                            r[1] == null ? 0 : ((Number) r[1]).longValue(),
                            r[2] == null ? null : Timestamps.toInstant(r[2]),
                            r[3] == null ? null : Timestamps.toInstant(r[3]),
                            sent));
        }
        Map<List<Long>, Integer> sentInSilence = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> counts =
                work.sql(
                                "SELECT lead_id, armed_message_id, count(*) FROM followups"
                                        + " WHERE lead_id = ANY(CAST(?1 AS bigint[])) AND status = 'SENT'"
                                        + " GROUP BY lead_id, armed_message_id")
                        .setParameter(1, ids)
                        .getResultList();
        for (Object[] r : counts) {
            sentInSilence.put(
                    List.of(((Number) r[0]).longValue(), ((Number) r[1]).longValue()),
                    ((Number) r[2]).intValue());
        }
        return new Batch(
                store.load(work),
                templates.company(work),
                roles,
                messages,
                LeadJson.fields(work, leadIds),
                LeadJson.memory(work, leadIds),
                sentInSilence);
    }

    private void step(
            TenantWork work,
            Batch batch,
            Lead lead,
            Row row,
            Instant now,
            Writes writes,
            List<LiveEvent> published) {
        EntityManager em = work.em();
        TenantRef tenant = work.tenant();
        FollowUpStore.Setup setup = batch.setup();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        MessageFacts messages = batch.messages().getOrDefault(lead.id(), MessageFacts.NONE);
        LeadFacts facts = facts(batch, messages, lead, row);
        Decision decision =
                FollowUpPlanner.decide(setup.policy(), facts, row.step(), now, setup.zone());
        if (decision instanceof Decision.Send send) {
            String recipient = PhoneNumbers.toJid(lead.phone()).orElse(null);
            if (recipient == null) {
                writes.mark(row.id(), "CANCELLED", null, null, "no recipient");
                return;
            }
            OutgoingMessage what =
                    windowed.compose(
                            work,
                            batch.company(),
                            messages.lastInboundAt(),
                            lead,
                            row.id(),
                            row.step(),
                            send.text(),
                            now);
            if (what == null) {
                // past WhatsApp's window without a usable template: recorded, never retried
                writes.next(lead, row, setup, now);
                return;
            }
            writes.send(
                    row.id(),
                    new OutgoingMessages.Draft(
                            lead.id(), recipient, MessageAuthor.AI, null, what, now),
                    what.text());
            lead.weWrote(what.text(), at);
            Map<String, Object> sentDetails = new LinkedHashMap<>();
            sentDetails.put("step", row.step() + 1);
            sentDetails.put("text", what.text());
            if (what.template() != null) {
                sentDetails.put("template", what.template().name());
            }
            writes.event(
                    lead.id(),
                    "followup.sent",
                    ActorKind.SYSTEM,
                    null,
                    what.template() == null
                            ? "Отправлено напоминание " + (row.step() + 1)
                            : "Отправлено напоминание "
                                    + (row.step() + 1)
                                    + " шаблоном WhatsApp «"
                                    + what.template().name()
                                    + "»: прошло больше 24 часов с последнего сообщения клиента",
                    sentDetails,
                    at);
            writes.next(lead, row, setup, now);
        } else if (decision instanceof Decision.SkipDuplicate) {
            writes.mark(row.id(), "SKIPPED", null, null, "duplicate text");
            writes.next(lead, row, setup, now);
        } else if (decision instanceof Decision.Postpone postpone) {
            em.createNativeQuery(
                            "UPDATE followups SET due_at = ?2, updated_at = now() WHERE id = ?1")
                    .setParameter(1, row.id())
                    .setParameter(2, OffsetDateTime.ofInstant(postpone.at(), ZoneOffset.UTC))
                    .executeUpdate();
            JobQueue.enqueue(
                    em,
                    TASK,
                    tenant.id(),
                    tenant.id() + ":" + row.id() + ":" + postpone.at().getEpochSecond(),
                    postpone.at());
        } else if (decision instanceof Decision.Cancel cancel) {
            writes.mark(row.id(), "CANCELLED", null, null, cancel.reason().name());
            writes.event(
                    lead.id(),
                    "followup.cancelled",
                    ActorKind.SYSTEM,
                    null,
                    cancel.reasonRu(),
                    Map.of("reason", cancel.reason().name()),
                    at);
        } else if (decision instanceof Decision.Finish) {
            writes.mark(row.id(), "FINISHED", null, null, null);
            lead.noAnswer(at);
            writes.event(
                    lead.id(),
                    "followup.finished",
                    ActorKind.SYSTEM,
                    null,
                    "Клиент не ответил на напоминания: лид охлаждён",
                    Map.of("sent", facts.sentInThisSilence()),
                    at);
            published.add(new LiveEvent(tenant.id(), "lead.updated", lead.id(), null));
        }
    }

    /** The step after {@code row}: the next text, or the final check after the last. */
    private static NewStep next(Lead lead, Row row, FollowUpStore.Setup setup, Instant now) {
        int nextStep = row.step() + 1;
        List<FollowUpPolicy.Step> steps = setup.policy().steps();
        Instant due;
        if (nextStep < steps.size()) {
            due =
                    FollowUpPlanner.dueAt(
                            setup.policy(), setup.zone(), row.armedAt(), nextStep, now, lead.id());
        } else {
            int last = steps.get(steps.size() - 1).delayMinutes();
            int before = steps.size() > 1 ? steps.get(steps.size() - 2).delayMinutes() : 0;
            Duration wait = Duration.ofMinutes(Math.max(1, last - before));
            due = now.plus(wait.compareTo(MIN_FINAL_WAIT) < 0 ? MIN_FINAL_WAIT : wait);
        }
        return new NewStep(lead.id(), row.armedMessageId(), row.armedAt(), nextStep, due);
    }

    /** A follow-up step to schedule. */
    private record NewStep(
            long leadId, long armedMessageId, Instant armedAt, int step, Instant due) {}

    /**
     * What a batch's steps write, applied once for the lot (ADR 049): the rows' outcomes, the lead
     * events, the next steps with their jobs and the sends' outbox rows, each one statement
     * whatever the batch's size. The messages and the leads are written as each step goes (they are
     * entities, and a send needs its message's id).
     */
    private static final class Writes {
        final List<Long> ids = new ArrayList<>();
        final List<String> statuses = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        final List<Long> messageIds = new ArrayList<>();
        final List<String> reasons = new ArrayList<>();
        final List<LeadJson.NewEvent> events = new ArrayList<>();
        final List<NewStep> steps = new ArrayList<>();
        final List<OutgoingMessages.Draft> sends = new ArrayList<>();

        /** For each of {@link #sends}, the index of its row's mark (which takes its message id). */
        final List<Integer> sendMarks = new ArrayList<>();

        void mark(long id, String status, String text, Long messageId, String reason) {
            ids.add(id);
            statuses.add(status);
            texts.add(text);
            messageIds.add(messageId);
            reasons.add(reason);
        }

        void send(long id, OutgoingMessages.Draft draft, String text) {
            sendMarks.add(ids.size());
            mark(id, "SENT", text, null, null);
            sends.add(draft);
        }

        void event(
                long leadId,
                String type,
                ActorKind actor,
                Long actorId,
                String reason,
                Map<String, Object> details,
                OffsetDateTime at) {
            events.add(new LeadJson.NewEvent(leadId, type, actor, actorId, reason, details, at));
        }

        void next(Lead lead, Row row, FollowUpStore.Setup setup, Instant now) {
            steps.add(FollowUps.next(lead, row, setup, now));
        }

        void apply(TenantWork work, OutgoingMessages outgoing, List<LiveEvent> published) {
            List<Long> messages = outgoing.sendAll(work.em(), work.tenantId(), sends);
            for (int i = 0; i < messages.size(); i++) {
                messageIds.set(sendMarks.get(i), messages.get(i));
                published.add(
                        new LiveEvent(
                                work.tenantId(),
                                "message.created",
                                sends.get(i).leadId(),
                                messages.get(i)));
            }
            if (!ids.isEmpty()) {
                work.sql(
                                "UPDATE followups f SET status = v.s, text = v.t, message_id = v.m, reason = v.r,"
                                        + " updated_at = now() FROM unnest(CAST(?1 AS bigint[]), CAST(?2 AS text[]),"
                                        + " CAST(?3 AS text[]), CAST(?4 AS bigint[]), CAST(?5 AS text[]))"
                                        + " AS v(id, s, t, m, r) WHERE f.id = v.id")
                        .setParameter(1, ids.toArray(Long[]::new))
                        .setParameter(2, statuses.toArray(String[]::new))
                        .setParameter(3, texts.toArray(String[]::new))
                        .setParameter(4, messageIds.toArray(Long[]::new))
                        .setParameter(5, reasons.toArray(String[]::new))
                        .executeUpdate();
            }
            LeadJson.events(work, events);
            insertAll(work, steps);
        }
    }

    private static LeadFacts facts(Batch batch, MessageFacts messages, Lead lead, Row row) {
        Object name = batch.fields().getOrDefault(lead.id(), Map.of()).get("name");
        AiMemory memory = batch.memory().get(lead.id());
        return new LeadFacts(
                lead.id(),
                lead.ledByHuman() && !lead.needsHuman(),
                lead.needsHuman(),
                batch.setup().aiEnabled(),
                lead.aiEnabled(),
                batch.stageRoles().get(lead.stageId()),
                memory != null && memory.notInterested(),
                messages.lastInboundId() > row.armedMessageId(),
                name == null ? null : name.toString(),
                messages.sent(),
                batch.sentInSilence().getOrDefault(List.of(lead.id(), row.armedMessageId()), 0),
                messages.lastOutboundAt());
    }

    private static List<Row> rows(TenantWork work, List<Long> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                work.sql(
                                "SELECT "
                                        + Row.COLUMNS
                                        + " FROM followups WHERE id = ANY(CAST(?1 AS bigint[])) ORDER BY due_at, id")
                        .setParameter(1, ids.toArray(Long[]::new))
                        .getResultList();
        return rows.stream().map(Row::of).toList();
    }

    private static Row row(TenantWork work, long id) {
        EntityManager em = work.em();
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("SELECT " + Row.COLUMNS + " FROM followups WHERE id = ?1")
                        .setParameter(1, id)
                        .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        return Row.of(rows.get(0));
    }

    /**
     * Inserts the steps that are not there yet (one statement) and enqueues their jobs (one more).
     *
     * @return the ids of the inserted ones
     */
    private static List<Long> insertAll(TenantWork work, List<NewStep> steps) {
        if (steps.isEmpty()) {
            return List.of();
        }
        int n = steps.size();
        Long[] leads = new Long[n];
        Long[] armed = new Long[n];
        String[] armedAt = new String[n];
        Integer[] numbers = new Integer[n];
        String[] dues = new String[n];
        for (int i = 0; i < n; i++) {
            NewStep step = steps.get(i);
            leads[i] = step.leadId();
            armed[i] = step.armedMessageId();
            armedAt[i] = step.armedAt().toString();
            numbers[i] = step.step();
            dues[i] = step.due().toString();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> inserted =
                work.sql(
                                "INSERT INTO followups (lead_id, armed_message_id, armed_at, step, due_at)"
                                        + " SELECT v.l, v.a, CAST(v.aa AS timestamptz), v.s, CAST(v.d AS timestamptz)"
                                        + " FROM unnest(CAST(?1 AS bigint[]), CAST(?2 AS bigint[]), CAST(?3 AS text[]),"
                                        + " CAST(?4 AS int[]), CAST(?5 AS text[])) WITH ORDINALITY AS v(l, a, aa, s, d, n)"
                                        + " ORDER BY v.n"
                                        + " ON CONFLICT (lead_id, armed_message_id, step) DO NOTHING RETURNING id, due_at")
                        .setParameter(1, leads)
                        .setParameter(2, armed)
                        .setParameter(3, armedAt)
                        .setParameter(4, numbers)
                        .setParameter(5, dues)
                        .getResultList();
        long tenantId = work.tenantId();
        List<Long> ids = new ArrayList<>(inserted.size());
        List<String> jobs = new ArrayList<>(inserted.size());
        List<Instant> ats = new ArrayList<>(inserted.size());
        for (Object[] r : inserted) {
            long id = ((Number) r[0]).longValue();
            ids.add(id);
            jobs.add(tenantId + ":" + id);
            ats.add(Timestamps.toInstant(r[1]));
        }
        JobQueue.enqueueAll(work.em(), TASK, tenantId, jobs, ats);
        return ids;
    }
}
