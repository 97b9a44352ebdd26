package com.buildcrm.now;

import com.buildcrm.lead.LeadService;
import com.buildcrm.lead.LeadViews.LeadResponse;
import com.buildcrm.lead.LeadViews.NextActionView;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.nextaction.LeadSituation;
import com.buildcrm.nextaction.NextAction;
import com.buildcrm.nextaction.NextActionKind;
import com.buildcrm.nextaction.NextActionPlanner;
import com.buildcrm.now.situation.NextActions;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantWork;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Now queue, the team's counts and snoozing. Visibility is the lead list's: a manager of a
 * company where managers see only their own leads sees only those (no unassigned ones).
 */
@ApplicationScoped
public class NowService {

    /** The most items one queue answer holds (the most urgent first). */
    public static final int MAX_ITEMS = 200;

    /** A client waiting this long for a person counts as overdue on the team view. */
    public static final Duration WAITING_OVERDUE = Duration.ofMinutes(15);

    public static final int MIN_SNOOZE_MINUTES = 5;
    public static final int MAX_SNOOZE_MINUTES = 1440;

    /** Non-final leads: the only ones the planner can give an action. */
    private static final String OPEN_LEADS =
            "SELECT l.id FROM leads l JOIN stages s ON s.id = l.stage_id"
                    + " WHERE (s.role IS NULL OR s.role NOT IN ('WON', 'LOST'))";

    /** One line of the queue: the lead as the list shows it and its next action. */
    public record NowItem(LeadResponse lead, NextActionView action) {}

    /**
     * A person's queue on the team view.
     *
     * @param queued leads assigned to them that have a next action
     * @param overdue of those, the ones whose action is past due, or whose client has waited for a
     *     person more than 15 minutes
     */
    public record TeamMember(long userId, String name, int queued, int overdue) {}

    @Inject TenantData data;
    @Inject LeadService leads;
    @Inject NextActions nextActions;
    @Inject Event<LiveEvent> live;

    /** The ranked queue of {@code me} (default) or {@code team} (owner, ROP). */
    public List<NowItem> queue(String scope) {
        boolean team = team(scope);
        if (team) {
            requireTeamRole();
        }
        long me = data.currentUserId();
        return data.readWork(
                work -> {
                    EntityManager em = work.em();
                    String sql = OPEN_LEADS;
                    if (!team) {
                        sql +=
                                leads.onlyAssigned(em)
                                        ? " AND l.assignee_id = ?1"
                                        : " AND (l.assignee_id = ?1 OR l.assignee_id IS NULL)";
                    }
                    var query = work.sql(sql);
                    if (!team) {
                        query.setParameter(1, me);
                    }
                    NextActions.Planned planned =
                            nextActions.plan(work, ids(query.getResultList()));
                    List<NextActionPlanner.Ranked> ranked = planned.ranked();
                    List<Long> top =
                            ranked.stream()
                                    .limit(MAX_ITEMS)
                                    .map(NextActionPlanner.Ranked::leadId)
                                    .toList();
                    return leads.responses(em, top, planned.actions()).stream()
                            .map(
                                    l ->
                                            new NowItem(
                                                    l,
                                                    NextActionView.of(
                                                            planned.actions().get(l.id()))))
                            .toList();
                });
    }

    /** Every active owner, ROP and manager with their queue size and overdue count. */
    public List<TeamMember> team() {
        return data.readWork(
                work -> {
                    @SuppressWarnings("unchecked")
                    List<Object[]> users =
                            work.sql(
                                            "SELECT id, name FROM users WHERE status = 'ACTIVE'"
                                                    + " AND role IN ('owner', 'rop', 'manager')"
                                                    + " ORDER BY lower(name), id")
                                    .getResultList();
                    NextActions.Planned planned =
                            nextActions.plan(
                                    work,
                                    ids(
                                            work.sql(OPEN_LEADS + " AND l.assignee_id IS NOT NULL")
                                                    .getResultList()));
                    Map<Long, int[]> counts = new LinkedHashMap<>();
                    planned.actions()
                            .forEach(
                                    (leadId, action) -> {
                                        LeadSituation s = planned.situations().get(leadId);
                                        int[] c =
                                                counts.computeIfAbsent(
                                                        s.assigneeId(), k -> new int[2]);
                                        c[0]++;
                                        if (overdue(s, action, planned.now())) {
                                            c[1]++;
                                        }
                                    });
                    return users.stream()
                            .map(
                                    u -> {
                                        long id = ((Number) u[0]).longValue();
                                        int[] c = counts.getOrDefault(id, new int[2]);
                                        return new TeamMember(id, (String) u[1], c[0], c[1]);
                                    })
                            .toList();
                });
    }

    /**
     * Overdue: a client waiting for a person for more than {@link #WAITING_OVERDUE} (since their
     * newest message, else the action's due time), or any other action due before now.
     */
    static boolean overdue(LeadSituation s, NextAction action, Instant now) {
        if (action.kind() == NextActionKind.CLIENT_WAITING) {
            Instant since =
                    s.lastClientMessageAt() != null ? s.lastClientMessageAt() : action.dueAt();
            return since != null && since.plus(WAITING_OVERDUE).isBefore(now);
        }
        return action.dueAt() != null && action.dueAt().isBefore(now);
    }

    /**
     * Hides the lead's next action for {@code minutes} (5–1440): the lead's snooze, and when the
     * action comes from a task, that task's too. 404 for a lead the caller cannot see.
     */
    public void snooze(long leadId, Integer minutes) {
        if (minutes == null || minutes < MIN_SNOOZE_MINUTES || minutes > MAX_SNOOZE_MINUTES) {
            throw ApiProblem.invalidField(
                    "minutes", "must be from " + MIN_SNOOZE_MINUTES + " to " + MAX_SNOOZE_MINUTES);
        }
        TenantRef tenant = data.tenant();
        data.work(
                work -> {
                    leads.findVisible(work.em(), leadId);
                    NextActions.Planned planned = nextActions.plan(work, List.of(leadId));
                    OffsetDateTime until =
                            OffsetDateTime.ofInstant(
                                    planned.now().plus(Duration.ofMinutes(minutes)),
                                    ZoneOffset.UTC);
                    work.sql(
                                    "UPDATE leads SET next_action_snoozed_until ="
                                            + " CAST(?1 AS timestamptz) WHERE id = ?2")
                            .setParameter(1, until)
                            .setParameter(2, leadId)
                            .executeUpdate();
                    NextAction action = planned.actions().get(leadId);
                    if (action != null && action.taskId() != null) {
                        snoozeTask(
                                work,
                                leadId,
                                action.taskId(),
                                until,
                                OffsetDateTime.ofInstant(planned.now(), ZoneOffset.UTC));
                    }
                    return null;
                });
        live.fire(new LiveEvent(tenant.id(), "lead.updated", leadId, null));
    }

    private static void snoozeTask(
            TenantWork work, long leadId, long taskId, OffsetDateTime until, OffsetDateTime now) {
        work.sql(
                        "UPDATE lead_tasks SET snoozed_until = CAST(?1 AS timestamptz),"
                                + " updated_at = CAST(?4 AS timestamptz)"
                                + " WHERE id = ?2 AND lead_id = ?3 AND done_at IS NULL")
                .setParameter(1, until)
                .setParameter(2, taskId)
                .setParameter(3, leadId)
                .setParameter(4, now)
                .executeUpdate();
    }

    private static boolean team(String scope) {
        if (scope == null || scope.isBlank() || "me".equals(scope)) {
            return false;
        }
        if (!"team".equals(scope)) {
            throw ApiProblem.invalidField("scope", "must be me or team");
        }
        return true;
    }

    /** scope=team is for owner and ROP (a manager: 403). */
    void requireTeamRole() {
        if (!"owner".equals(data.currentRole()) && !"rop".equals(data.currentRole())) {
            throw ApiProblem.forbidden(
                    "team-view-not-allowed", "Only the owner and the ROP see the team's queue");
        }
    }

    private static List<Long> ids(List<?> rows) {
        return rows.stream().map(r -> ((Number) r).longValue()).toList();
    }
}
