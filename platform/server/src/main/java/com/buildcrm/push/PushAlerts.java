package com.buildcrm.push;

import com.buildcrm.followup.FollowUpStore;
import com.buildcrm.followup.QuietHours;
import com.buildcrm.jobs.JobQueue;
import com.buildcrm.jobs.JobType;
import com.buildcrm.notify.AlertKind;
import com.buildcrm.notify.LeadAlert;
import com.buildcrm.notify.LeadMilestone;
import com.buildcrm.tenancy.TenantWork;
import com.buildcrm.tenant.Tenant;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Turns lead alerts into deliveries, in the transaction of the change that caused them: the
 * recipients (ADR 020), their choices, the tenant's quiet hours, then one {@code push_deliveries}
 * row and one {@link PushJob} per subscription. Nothing is sent here.
 *
 * <p>It also raises the alerts this package owns from milestones: a hand-off or a client writing to
 * a person → CLIENT_WAITING; a lead turning hot → HOT_LEAD.
 */
@ApplicationScoped
public class PushAlerts {

    private static final Logger LOG = Logger.getLogger(PushAlerts.class.getName());

    /** Sends one delivery; the instance is {@code tenantId:deliveryId}. */
    public static final JobType TASK = new JobType("push-send", 60);

    @Inject Clock clock;
    @Inject FollowUpStore followUps;
    @Inject Event<LeadAlert> alerts;

    void onMilestone(@Observes @Priority(Interceptor.Priority.APPLICATION + 200) LeadMilestone m) {
        AlertKind kind =
                switch (m.milestone()) {
                    case HANDED_OFF, CLIENT_WROTE_TO_HUMAN -> AlertKind.CLIENT_WAITING;
                    case BECAME_HOT -> AlertKind.HOT_LEAD;
                    default -> null;
                };
        if (kind != null) {
            alerts.fire(new LeadAlert(m.work(), m.leadId(), kind, null));
        }
    }

    void onAlert(@Observes @Priority(Interceptor.Priority.APPLICATION + 200) LeadAlert alert) {
        dispatch(alert.work(), alert.leadId(), alert.kind(), alert.userId());
    }

    /** The lead as an alert reads it: a typed projection of {@link #COLUMNS}. */
    record LeadRow(
            long id,
            String name,
            String phone,
            Long assigneeId,
            Long handlerId,
            String lastMessageText,
            String lastMessageDirection) {

        static final String COLUMNS =
                "id, name, phone, assignee_id, handler_id, last_message_text, last_message_direction";

        static LeadRow of(Object[] r) {
            return new LeadRow(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    r[3] == null ? null : ((Number) r[3]).longValue(),
                    r[4] == null ? null : ((Number) r[4]).longValue(),
                    (String) r[5],
                    (String) r[6]);
        }
    }

    /** An open call task as a reminder reads it: a typed projection of {@link #COLUMNS}. */
    record CallTaskRow(long id, String title, Long assigneeId) {

        static final String COLUMNS = "id, title, assignee_id";

        static CallTaskRow of(Object[] r) {
            return new CallTaskRow(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    r[2] == null ? null : ((Number) r[2]).longValue());
        }
    }

    /** A subscription a delivery goes to: a typed projection of {@link #COLUMNS}. */
    record Target(long subscriptionId, long userId) {

        static final String COLUMNS = "s.id, s.user_id";

        static Target of(Object[] r) {
            return new Target(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
    }

    void dispatch(TenantWork work, long leadId, AlertKind kind, Long userId) {
        EntityManager em = work.em();
        @SuppressWarnings("unchecked")
        List<Object[]> leads =
                em.createNativeQuery("SELECT " + LeadRow.COLUMNS + " FROM leads WHERE id = ?1")
                        .setParameter(1, leadId)
                        .getResultList();
        if (leads.isEmpty()) {
            return;
        }
        LeadRow lead = LeadRow.of(leads.get(0));
        CallTaskRow task = kind == AlertKind.CALL_SOON ? openCallTask(em, leadId) : null;
        Set<Long> recipients = recipients(em, lead, kind, userId, task);
        List<Target> targets = targets(em, recipients, kind);
        if (targets.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant at = now;
        QuietWindow window = quietWindow(work);
        QuietHours quiet = window.hours();
        ZoneId zone = window.zone();
        if (quiet.contains(now, zone)) {
            if (kind == AlertKind.CALL_SOON) {
                // a reminder "in 10 minutes" means nothing in the morning; the Now queue shows it
                LOG.fine(() -> "Call reminder for lead " + leadId + " dropped in quiet hours");
                return;
            }
            at = quiet.endOfWindow(now, zone);
        }
        Tenant tenant = em.find(Tenant.class, work.tenantId());
        String locale = tenant == null ? "ru" : tenant.locale();
        String lastClient =
                "IN".equals(lead.lastMessageDirection()) ? lead.lastMessageText() : null;
        String payload =
                PushTexts.payload(
                        kind,
                        new PushTexts.LeadFacts(
                                lead.id(),
                                lead.name(),
                                lead.phone(),
                                lastClient,
                                task == null ? null : task.title()),
                        locale);
        String urgency =
                kind == AlertKind.CLIENT_WAITING || kind == AlertKind.CALL_SOON ? "high" : "normal";
        for (Target t : targets) {
            Number id =
                    (Number)
                            em.createNativeQuery(
                                            "INSERT INTO push_deliveries (subscription_id, lead_id, kind, payload, urgency, not_before)"
                                                    + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id")
                                    .setParameter(1, t.subscriptionId())
                                    .setParameter(2, leadId)
                                    .setParameter(3, kind.name())
                                    .setParameter(4, payload)
                                    .setParameter(5, urgency)
                                    .setParameter(6, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                                    .getSingleResult();
            JobQueue.enqueue(em, TASK, work.tenantId(), work.tenantId() + ":" + id.longValue(), at);
        }
    }

    /** The tenant's quiet hours and the zone they are in. */
    record QuietWindow(QuietHours hours, ZoneId zone) {}

    /** The follow-up policy's quiet hours in the tenant's zone (one "do not disturb" setting). */
    QuietWindow quietWindow(TenantWork work) {
        FollowUpStore.Setup setup = followUps.load(work);
        return new QuietWindow(setup.policy().quietHours(), setup.zone());
    }

    private static CallTaskRow openCallTask(EntityManager em, long leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery(
                                "SELECT "
                                        + CallTaskRow.COLUMNS
                                        + " FROM lead_tasks WHERE lead_id = ?1 AND kind = 'CALL'"
                                        + " AND done_at IS NULL ORDER BY due_at NULLS LAST, id LIMIT 1")
                        .setParameter(1, leadId)
                        .getResultList();
        return rows.isEmpty() ? null : CallTaskRow.of(rows.get(0));
    }

    /**
     * Who hears about it: the given user; else ASSIGNED → the assignee; CLIENT_WAITING → the person
     * leading the conversation, else the assignee, else owners and ROPs; HOT_LEAD → the assignee
     * and owners and ROPs; CALL_SOON → the call task's assignee, else the lead's, else owners and
     * ROPs. Disabled users are dropped later.
     */
    static Set<Long> recipients(
            EntityManager em, LeadRow lead, AlertKind kind, Long userId, CallTaskRow task) {
        Set<Long> out = new LinkedHashSet<>();
        if (userId != null) {
            out.add(userId);
            return out;
        }
        switch (kind) {
            case ASSIGNED -> {
                if (lead.assigneeId() != null) {
                    out.add(lead.assigneeId());
                }
            }
            case CLIENT_WAITING -> {
                if (lead.handlerId() != null) {
                    out.add(lead.handlerId());
                } else if (lead.assigneeId() != null) {
                    out.add(lead.assigneeId());
                } else {
                    out.addAll(leaders(em));
                }
            }
            case HOT_LEAD -> {
                if (lead.assigneeId() != null) {
                    out.add(lead.assigneeId());
                }
                out.addAll(leaders(em));
            }
            case CALL_SOON -> {
                if (task != null && task.assigneeId() != null) {
                    out.add(task.assigneeId());
                } else if (lead.assigneeId() != null) {
                    out.add(lead.assigneeId());
                } else {
                    out.addAll(leaders(em));
                }
            }
        }
        return out;
    }

    private static List<Long> leaders(EntityManager em) {
        @SuppressWarnings("unchecked")
        List<Object> ids =
                em.createNativeQuery(
                                "SELECT id FROM users WHERE role IN ('owner', 'rop') AND status = 'ACTIVE'"
                                        + " ORDER BY id")
                        .getResultList();
        List<Long> out = new ArrayList<>();
        ids.forEach(id -> out.add(((Number) id).longValue()));
        return out;
    }

    /** The subscriptions of active recipients who want this kind. */
    private static List<Target> targets(EntityManager em, Set<Long> recipients, AlertKind kind) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        String choice =
                switch (kind) {
                    case ASSIGNED -> "assigned";
                    case CLIENT_WAITING -> "client_waiting";
                    case CALL_SOON -> "call_soon";
                    case HOT_LEAD -> "hot_lead";
                };
        List<Target> out = new ArrayList<>();
        for (Long userId : recipients) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows =
                    em.createNativeQuery(
                                    "SELECT "
                                            + Target.COLUMNS
                                            + " FROM push_subscriptions s JOIN users u ON u.id = s.user_id"
                                            + " LEFT JOIN push_preferences p ON p.user_id = s.user_id"
                                            + " WHERE s.user_id = ?1 AND u.status = 'ACTIVE'"
                                            + " AND COALESCE(p."
                                            + choice
                                            + ", true) ORDER BY s.id")
                            .setParameter(1, userId)
                            .getResultList();
            rows.forEach(r -> out.add(Target.of(r)));
        }
        return out;
    }
}
