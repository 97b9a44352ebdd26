package com.buildcrm.assignment;

import com.buildcrm.lead.ActorKind;
import com.buildcrm.lead.Lead;
import com.buildcrm.lead.LeadJson;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.notify.AlertKind;
import com.buildcrm.notify.LeadAlert;
import com.buildcrm.notify.LeadMilestone;
import com.buildcrm.notify.Milestone;
import com.buildcrm.tenancy.TenantWork;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the tenant's assignment rule when a lead reaches a moment, and makes the taker the
 * assignee of an unassigned lead taken over. Runs inside the emitter's unit of work (same
 * transaction); the {@code lead.assigned} live event follows that transaction's commit.
 */
@ApplicationScoped
public class Assignments {

    /** How an assignment came about: its lead event's actor and reason. */
    public enum Why {
        ROUND_ROBIN,
        LEAST_LOADED,
        TAKEN_OVER,
        IDLE
    }

    @Inject Event<LeadAlert> alerts;
    @Inject Event<LiveEvent> live;

    void onMilestone(@Observes @Priority(Interceptor.Priority.APPLICATION) LeadMilestone m) {
        if (m.milestone() == Milestone.TAKEN_OVER) {
            if (m.userId() != null) {
                takenOver(m.work(), m.leadId(), m.userId(), m.at());
            }
            return;
        }
        Optional<AssignmentMoment> moment = AssignmentMoment.of(m.milestone());
        if (moment.isPresent()) {
            applyRule(m.work(), m.leadId(), moment.get(), m.at());
        }
    }

    /**
     * Applies the rule to an unassigned lead at {@code moment}, if the tenant's rule applies then.
     *
     * @return the user picked, or empty (assigned already, manual, moment not chosen, nobody
     *     eligible)
     */
    public Optional<Candidate> applyRule(
            TenantWork work, long leadId, AssignmentMoment moment, OffsetDateTime at) {
        Lead lead = work.em().find(Lead.class, leadId);
        if (lead == null || lead.assigneeId() != null) {
            return Optional.empty();
        }
        if (!AssignmentStore.settings(work, false).appliesAt(moment)) {
            return Optional.empty();
        }
        // lock the settings row: the cursor is read and moved by one turn at a time
        AssignmentSettings s = AssignmentStore.settings(work, true);
        if (!s.appliesAt(moment)) {
            return Optional.empty();
        }
        Optional<Candidate> pick =
                AssignmentChoice.choose(
                        s.mode(),
                        AssignmentStore.candidates(work, s.rotation()),
                        s.lastAssignedUserId(),
                        Set.of());
        pick.ifPresent(
                c -> {
                    AssignmentStore.moveCursor(work, c.userId());
                    Why why =
                            s.mode() == AssignmentMode.LEAST_LOADED
                                    ? Why.LEAST_LOADED
                                    : Why.ROUND_ROBIN;
                    assign(work, lead, c.userId(), c.name(), why, null, at);
                });
        return pick;
    }

    /** The taker becomes the assignee of a lead that had nobody, whatever the mode. */
    void takenOver(TenantWork work, long leadId, long userId, OffsetDateTime at) {
        Lead lead = work.em().find(Lead.class, leadId);
        if (lead == null || lead.assigneeId() != null) {
            return;
        }
        List<AssignmentStore.UserRow> taker =
                List.copyOf(AssignmentStore.users(work, List.of(userId)).values());
        if (taker.isEmpty()) {
            return;
        }
        assign(work, lead, userId, taker.get(0).name(), Why.TAKEN_OVER, userId, at);
    }

    /**
     * Re-assigns an idle lead to the next candidate (excluding its current assignee).
     *
     * @return the user picked, or empty when nobody else is eligible
     */
    public Optional<Candidate> reassignIdle(
            TenantWork work, long leadId, long currentAssignee, OffsetDateTime at) {
        Lead lead = work.em().find(Lead.class, leadId);
        if (lead == null || lead.assigneeId() == null || lead.assigneeId() != currentAssignee) {
            return Optional.empty();
        }
        AssignmentSettings s = AssignmentStore.settings(work, true);
        Optional<Candidate> pick =
                AssignmentChoice.choose(
                        s.mode(),
                        AssignmentStore.candidates(work, s.rotation()),
                        s.lastAssignedUserId(),
                        Set.of(currentAssignee));
        pick.ifPresent(
                c -> {
                    AssignmentStore.moveCursor(work, c.userId());
                    assign(work, lead, c.userId(), c.name(), Why.IDLE, null, at);
                });
        return pick;
    }

    /**
     * Makes {@code userId} the lead's assignee: the lead's {@code assigned_at}, its open tasks
     * without anyone, a {@code lead.assigned} event, an ASSIGNED alert (unless the user assigned
     * themself) and, after commit, a {@code lead.assigned} live event.
     *
     * @param actorId the person who caused it, or {@code null} for the rule (SYSTEM)
     */
    void assign(
            TenantWork work,
            Lead lead,
            long userId,
            String name,
            Why why,
            Long actorId,
            OffsetDateTime at) {
        lead.assign(userId, at);
        work.em().flush();
        boolean byRule = actorId == null;
        AssignmentStore.stamp(work, lead.id(), byRule, at);
        AssignmentStore.handOpenTasks(work, lead.id(), userId, at);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("assigneeId", userId);
        details.put("assignee", name);
        details.put("rule", why.name());
        LeadJson.event(
                work,
                lead.id(),
                "lead.assigned",
                byRule ? ActorKind.SYSTEM : ActorKind.HUMAN,
                actorId,
                reason(why, name),
                details,
                at);
        if (actorId == null || actorId != userId) {
            alerts.fire(new LeadAlert(work, lead.id(), AlertKind.ASSIGNED, userId));
        }
        LiveEvent event = new LiveEvent(work.tenantId(), "lead.assigned", lead.id(), null);
        work.afterCommit(() -> live.fire(event));
    }

    static String reason(Why why, String name) {
        return switch (why) {
            case ROUND_ROBIN -> "Назначен по очереди: " + name;
            case LEAST_LOADED -> "Назначен наименее загруженному: " + name;
            case TAKEN_OVER -> "Взял диалог — назначен на себя";
            case IDLE ->
                    "Переназначен: предыдущий ответственный не взялся за клиента. Теперь: " + name;
        };
    }
}
