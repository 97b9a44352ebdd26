package com.buildcrm.followup;

import com.buildcrm.db.Timestamps;
import com.buildcrm.jobs.JobQueue;
import com.buildcrm.jobs.JobType;
import com.buildcrm.lead.ActorKind;
import com.buildcrm.lead.Lead;
import com.buildcrm.lead.LeadJson;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.message.Message;
import com.buildcrm.message.MessageAuthor;
import com.buildcrm.outbox.OutgoingMessage;
import com.buildcrm.outbox.OutgoingMessages;
import com.buildcrm.phone.PhoneNumbers;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import com.buildcrm.tenancy.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follow-ups on the durable scheduler (DESIGN §6): armed when the bot has written and waits for the
 * client, one {@code followups} row per step (unique per lead, silence and step), one job per row.
 * The job re-reads everything in the sending transaction and asks {@link FollowUpPlanner}; sending,
 * marking the step and scheduling the next one commit together with the outbox row, so each step is
 * sent at most once whatever the number of instances or crashes.
 */
@ApplicationScoped
public class FollowUps {

    /** Sends one due follow-up; the instance is {@code tenantId:followupId[:suffix]}. */
    public static final JobType TASK = new JobType("followup", 10);

    /** After the last step the lead gets this long (at least) to answer before it is flagged. */
    static final Duration MIN_FINAL_WAIT = Duration.ofMinutes(30);

    @Inject TenantTransactions tenants;
    @Inject FollowUpStore store;
    @Inject Clock clock;
    @Inject Event<LiveEvent> live;
    @Inject OutgoingMessages outgoing;
    @Inject FollowUpTemplates windowed;

    /**
     * Arms the sequence after a bot message (in the caller's transaction): anything pending of an
     * earlier silence is dropped, step 0 is scheduled from {@code armedMessageId}'s time.
     */
    public void arm(TenantWork work, Lead lead, long armedMessageId, Instant at) {
        EntityManager em = work.em();
        TenantRef tenant = work.tenant();
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
        long id = insert(work, lead.id(), armedMessageId, at, 0, due);
        if (id > 0) {
            JobQueue.enqueue(em, TASK, tenant.id(), tenant.id() + ":" + id, due);
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
                    step(work, followupId, published);
                    return null;
                });
        published.forEach(live::fire);
    }

    /** One follow-up as a step reads it: a typed projection of {@link #COLUMNS}. */
    record Row(
            long id, long leadId, long armedMessageId, Instant armedAt, int step, String status) {

        /** The select list {@link #of} reads, in its order. */
        static final String COLUMNS = "id, lead_id, armed_message_id, armed_at, step, status";

        static Row of(Object[] r) {
            return new Row(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(),
                    Timestamps.toInstant(r[3]),
                    ((Number) r[4]).intValue(),
                    (String) r[5]);
        }
    }

    private void step(TenantWork work, long followupId, List<LiveEvent> published) {
        EntityManager em = work.em();
        TenantRef tenant = work.tenant();
        Row row = row(work, followupId);
        if (row == null || !row.status().equals("PENDING")) {
            return;
        }
        Lead lead = em.find(Lead.class, row.leadId(), LockModeType.PESSIMISTIC_WRITE);
        row = row(work, followupId); // re-read under the lead's lock
        if (lead == null || row == null || !row.status().equals("PENDING")) {
            return;
        }
        FollowUpStore.Setup setup = store.load(work);
        Instant now = clock.instant();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        LeadFacts facts = facts(work, lead, row, setup);
        Decision decision =
                FollowUpPlanner.decide(setup.policy(), facts, row.step(), now, setup.zone());
        if (decision instanceof Decision.Send send) {
            String recipient = PhoneNumbers.toJid(lead.phone()).orElse(null);
            if (recipient == null) {
                mark(work, row.id(), "CANCELLED", null, null, "no recipient");
                return;
            }
            OutgoingMessage what =
                    windowed.compose(work, lead, row.id(), row.step(), send.text(), now);
            if (what == null) {
                // past WhatsApp's window without a usable template: recorded, never retried
                next(work, lead, row, setup, now);
                return;
            }
            Message message =
                    outgoing.send(
                            em,
                            tenant.id(),
                            lead.id(),
                            recipient,
                            MessageAuthor.AI,
                            null,
                            what,
                            now);
            lead.weWrote(what.text(), at);
            mark(work, row.id(), "SENT", what.text(), message.id(), null);
            Map<String, Object> sentDetails = new LinkedHashMap<>();
            sentDetails.put("step", row.step() + 1);
            sentDetails.put("text", what.text());
            if (what.template() != null) {
                sentDetails.put("template", what.template().name());
            }
            LeadJson.event(
                    work,
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
            published.add(new LiveEvent(tenant.id(), "message.created", lead.id(), message.id()));
            next(work, lead, row, setup, now);
        } else if (decision instanceof Decision.SkipDuplicate) {
            mark(work, row.id(), "SKIPPED", null, null, "duplicate text");
            next(work, lead, row, setup, now);
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
            mark(work, row.id(), "CANCELLED", null, null, cancel.reason().name());
            LeadJson.event(
                    work,
                    lead.id(),
                    "followup.cancelled",
                    ActorKind.SYSTEM,
                    null,
                    cancel.reasonRu(),
                    Map.of("reason", cancel.reason().name()),
                    at);
        } else if (decision instanceof Decision.Finish) {
            mark(work, row.id(), "FINISHED", null, null, null);
            lead.noAnswer(at);
            LeadJson.event(
                    work,
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

    /** Schedules the step after {@code row}: the next text, or the final check after the last. */
    private void next(TenantWork work, Lead lead, Row row, FollowUpStore.Setup setup, Instant now) {
        EntityManager em = work.em();
        TenantRef tenant = work.tenant();
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
        long id = insert(work, lead.id(), row.armedMessageId(), row.armedAt(), nextStep, due);
        if (id > 0) {
            JobQueue.enqueue(em, TASK, tenant.id(), tenant.id() + ":" + id, due);
        }
    }

    private LeadFacts facts(TenantWork work, Lead lead, Row row, FollowUpStore.Setup setup) {
        EntityManager em = work.em();
        List<String> roles =
                em.createQuery("SELECT s.role FROM Stage s WHERE s.id = :id", String.class)
                        .setParameter("id", lead.stageId())
                        .getResultList();
        boolean replied =
                !em.createQuery(
                                "SELECT m.id FROM Message m WHERE m.leadId = :l AND m.direction = 'IN' AND m.id > :armed")
                        .setParameter("l", lead.id())
                        .setParameter("armed", row.armedMessageId())
                        .setMaxResults(1)
                        .getResultList()
                        .isEmpty();
        Set<String> sent =
                new HashSet<>(
                        em.createQuery(
                                        "SELECT m.text FROM Message m WHERE m.leadId = :l AND m.direction = 'OUT'"
                                                + " AND m.text IS NOT NULL",
                                        String.class)
                                .setParameter("l", lead.id())
                                .getResultList());
        Number sentInSilence =
                (Number)
                        em.createNativeQuery(
                                        "SELECT count(*) FROM followups WHERE lead_id = ?1 AND armed_message_id = ?2 AND status = 'SENT'")
                                .setParameter(1, lead.id())
                                .setParameter(2, row.armedMessageId())
                                .getSingleResult();
        List<OffsetDateTime> lastOut =
                em.createQuery(
                                "SELECT MAX(m.createdAt) FROM Message m WHERE m.leadId = :l AND m.direction = 'OUT'",
                                OffsetDateTime.class)
                        .setParameter("l", lead.id())
                        .getResultList();
        Map<String, Object> fields = LeadJson.fields(work, lead.id());
        Object name = fields.get("name");
        return new LeadFacts(
                lead.id(),
                lead.ledByHuman() && !lead.needsHuman(),
                lead.needsHuman(),
                setup.aiEnabled(),
                lead.aiEnabled(),
                roles.isEmpty() ? null : roles.get(0),
                LeadJson.memory(work, lead.id()).notInterested(),
                replied,
                name == null ? null : name.toString(),
                sent,
                sentInSilence.intValue(),
                lastOut.isEmpty() || lastOut.get(0) == null ? null : lastOut.get(0).toInstant());
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

    private static long insert(
            TenantWork work,
            long leadId,
            long armedMessageId,
            Instant armedAt,
            int step,
            Instant due) {
        EntityManager em = work.em();
        @SuppressWarnings("unchecked")
        List<Object> ids =
                em.createNativeQuery(
                                "INSERT INTO followups (lead_id, armed_message_id, armed_at, step, due_at)"
                                        + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (lead_id, armed_message_id, step) DO NOTHING"
                                        + " RETURNING id")
                        .setParameter(1, leadId)
                        .setParameter(2, armedMessageId)
                        .setParameter(3, OffsetDateTime.ofInstant(armedAt, ZoneOffset.UTC))
                        .setParameter(4, step)
                        .setParameter(5, OffsetDateTime.ofInstant(due, ZoneOffset.UTC))
                        .getResultList();
        return ids.isEmpty() ? -1 : ((Number) ids.get(0)).longValue();
    }

    private static void mark(
            TenantWork work, long id, String status, String text, Long messageId, String reason) {
        EntityManager em = work.em();
        em.createNativeQuery(
                        "UPDATE followups SET status = ?2, text = ?3, message_id = CAST(?4 AS bigint), reason = ?5,"
                                + " updated_at = now() WHERE id = ?1")
                .setParameter(1, id)
                .setParameter(2, status)
                .setParameter(3, text)
                .setParameter(4, messageId)
                .setParameter(5, reason)
                .executeUpdate();
    }
}
