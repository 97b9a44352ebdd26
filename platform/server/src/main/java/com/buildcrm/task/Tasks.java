package com.buildcrm.task;

import com.buildcrm.lead.ActorKind;
import com.buildcrm.lead.LeadJson;
import com.buildcrm.lead.LeadService;
import com.buildcrm.lead.LeadViews.PersonRef;
import com.buildcrm.live.LiveEvent;
import com.buildcrm.task.TaskRequests.NewTask;
import com.buildcrm.task.TaskRequests.TaskPatch;
import com.buildcrm.task.TaskViews.TaskView;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenancy.TenantWork;
import com.buildcrm.user.User;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Tasks on a lead: read, create, edit, mark done or open again, delete. Anyone who may see the lead
 * may do all of it; a task of a lead the caller cannot see does not exist (404). Every change is a
 * lead event and a {@code task.changed} live event after commit.
 */
@ApplicationScoped
public class Tasks {

    /** How far in the past a due time may be (clock skew, a slow form): more is a 400. */
    static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);

    /** The live event type of every task change. */
    public static final String LIVE_TYPE = "task.changed";

    @Inject TenantData data;
    @Inject LeadService leads;
    @Inject Clock clock;
    @Inject Event<LiveEvent> live;

    /**
     * One task row with its assignee's name: a typed projection of {@link #COLUMNS} (over {@code
     * lead_tasks t} and {@code users u}).
     */
    record TaskRow(
            long id,
            long leadId,
            String kind,
            String title,
            String note,
            OffsetDateTime dueAt,
            String dueText,
            Long assigneeId,
            String assigneeName,
            OffsetDateTime doneAt,
            String source,
            OffsetDateTime createdAt) {

        /** The select list {@link #of} reads, in its order. */
        static final String COLUMNS =
                "t.id, t.lead_id, t.kind, t.title, t.note, t.due_at, t.due_text, t.assignee_id,"
                        + " u.name, t.done_at, t.source, t.created_at";

        /** The tables {@link #COLUMNS} reads. */
        static final String FROM = " FROM lead_tasks t LEFT JOIN users u ON u.id = t.assignee_id";

        static TaskRow of(Object[] r) {
            return new TaskRow(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    time(r[5]),
                    (String) r[6],
                    r[7] == null ? null : ((Number) r[7]).longValue(),
                    (String) r[8],
                    time(r[9]),
                    (String) r[10],
                    time(r[11]));
        }

        boolean done() {
            return doneAt != null;
        }

        TaskView view() {
            return new TaskView(
                    id,
                    leadId,
                    kind,
                    title,
                    note,
                    dueAt,
                    dueText,
                    assigneeId == null ? null : new PersonRef(assigneeId, assigneeName),
                    doneAt != null,
                    doneAt,
                    source,
                    createdAt);
        }
    }

    /**
     * The lead's tasks: open ones first, soonest due first (as soon as possible before any time),
     * then done ones, last done first.
     */
    public List<TaskView> list(long leadId) {
        return data.work(
                work -> {
                    leads.findVisible(work.em(), leadId);
                    return ofLead(work, leadId).stream().map(TaskRow::view).toList();
                });
    }

    /** The tasks of a lead in list order, in the caller's unit of work. */
    static List<TaskRow> ofLead(TenantWork work, long leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                work.sql(
                                "SELECT "
                                        + TaskRow.COLUMNS
                                        + TaskRow.FROM
                                        + " WHERE t.lead_id = ?1"
                                        + " ORDER BY t.done_at IS NOT NULL,"
                                        + " CASE WHEN t.done_at IS NULL THEN t.due_at END ASC NULLS FIRST,"
                                        + " t.done_at DESC, t.id")
                        .setParameter(1, leadId)
                        .getResultList();
        return rows.stream().map(TaskRow::of).toList();
    }

    /** A task by id in the caller's unit of work, or {@code null}. */
    static TaskRow find(TenantWork work, long taskId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                work.sql("SELECT " + TaskRow.COLUMNS + TaskRow.FROM + " WHERE t.id = ?1")
                        .setParameter(1, taskId)
                        .getResultList();
        return rows.isEmpty() ? null : TaskRow.of(rows.get(0));
    }

    public TaskView create(long leadId, NewTask body) {
        long me = data.currentUserId();
        Instant now = clock.instant();
        TaskView created =
                data.work(
                        work -> {
                            leads.findVisible(work.em(), leadId);
                            String kind = kind(body.kind);
                            String title = title(body.title);
                            OffsetDateTime due = due(body.dueAt, now);
                            Long assignee = assignee(work.em(), body.assigneeId);
                            long id =
                                    insert(
                                            work,
                                            leadId,
                                            kind,
                                            title,
                                            blankToNull(body.note),
                                            due,
                                            null,
                                            assignee,
                                            "USER",
                                            me,
                                            utc(now));
                            TaskRow row = find(work, id);
                            event(
                                    work,
                                    row,
                                    "task.created",
                                    ActorKind.HUMAN,
                                    me,
                                    "Задача «" + row.title() + "» создана",
                                    utc(now));
                            return row.view();
                        });
        live.fire(new LiveEvent(data.tenant().id(), LIVE_TYPE, leadId, null));
        return created;
    }

    public TaskView patch(long taskId, TaskPatch p) {
        long me = data.currentUserId();
        Instant now = clock.instant();
        TaskView result =
                data.work(
                        work -> {
                            TaskRow before = visible(work, taskId);
                            String title = p.title == null ? before.title() : title(p.title);
                            OffsetDateTime due = before.dueAt();
                            if (p.dueAt != null) {
                                // the same time sent back (an overdue task's form) is no change
                                OffsetDateTime asked = parseDue(p.dueAt);
                                if (!sameInstant(asked, before.dueAt())) {
                                    due = due(p.dueAt, now);
                                }
                            }
                            Long assignee =
                                    p.assigneeId == null
                                            ? before.assigneeId()
                                            : assignee(work.em(), p.assigneeId);
                            String note = p.note == null ? before.note() : blankToNull(p.note);
                            boolean done = p.done == null ? before.done() : p.done;
                            if (!done && before.done() && otherOpenAiCall(work, before)) {
                                throw ApiProblem.conflict(
                                        "open-call-task",
                                        "The lead already has an open call task of the AI");
                            }
                            List<String> changed = new ArrayList<>();
                            if (!title.equals(before.title())) {
                                changed.add("title");
                            }
                            if (!sameInstant(due, before.dueAt())) {
                                changed.add("dueAt");
                            }
                            if (!Objects.equals(assignee, before.assigneeId())) {
                                changed.add("assigneeId");
                            }
                            if (!Objects.equals(note, before.note())) {
                                changed.add("note");
                            }
                            OffsetDateTime at = utc(now);
                            if (changed.isEmpty() && done == before.done()) {
                                return before.view();
                            }
                            work.sql(
                                            "UPDATE lead_tasks SET title = ?1, due_at = CAST(?2 AS timestamptz),"
                                                    + " assignee_id = CAST(?3 AS bigint), note = CAST(?4 AS text),"
                                                    + " done_at = CASE WHEN ?5 THEN COALESCE(done_at, CAST(?6 AS timestamptz)) END,"
                                                    + " done_by = CASE WHEN ?5 THEN COALESCE(done_by, CAST(?7 AS bigint)) END,"
                                                    + " snoozed_until = CASE WHEN CAST(?2 AS timestamptz) IS DISTINCT FROM due_at"
                                                    + " THEN NULL ELSE snoozed_until END,"
                                                    + " updated_at = CAST(?6 AS timestamptz) WHERE id = ?8")
                                    .setParameter(1, title)
                                    .setParameter(2, due)
                                    .setParameter(3, assignee)
                                    .setParameter(4, note)
                                    .setParameter(5, done)
                                    .setParameter(6, at)
                                    .setParameter(7, me)
                                    .setParameter(8, taskId)
                                    .executeUpdate();
                            TaskRow after = find(work, taskId);
                            if (!changed.isEmpty()) {
                                Map<String, Object> details = details(after);
                                details.put("changed", changed);
                                LeadJson.event(
                                        work,
                                        after.leadId(),
                                        "task.updated",
                                        ActorKind.HUMAN,
                                        me,
                                        "Задача «" + after.title() + "» изменена",
                                        details,
                                        at);
                            }
                            if (done != before.done()) {
                                event(
                                        work,
                                        after,
                                        done ? "task.done" : "task.reopened",
                                        ActorKind.HUMAN,
                                        me,
                                        "Задача «"
                                                + after.title()
                                                + (done ? "» выполнена" : "» снова открыта"),
                                        at);
                            }
                            return after.view();
                        });
        live.fire(new LiveEvent(data.tenant().id(), LIVE_TYPE, result.leadId(), null));
        return result;
    }

    public void delete(long taskId) {
        long me = data.currentUserId();
        Instant now = clock.instant();
        long leadId =
                data.work(
                        work -> {
                            TaskRow row = visible(work, taskId);
                            work.sql("DELETE FROM lead_tasks WHERE id = ?1")
                                    .setParameter(1, taskId)
                                    .executeUpdate();
                            event(
                                    work,
                                    row,
                                    "task.deleted",
                                    ActorKind.HUMAN,
                                    me,
                                    "Задача «" + row.title() + "» удалена",
                                    utc(now));
                            return row.leadId();
                        });
        live.fire(new LiveEvent(data.tenant().id(), LIVE_TYPE, leadId, null));
    }

    /** The task if the caller may see its lead, else 404 naming the task. */
    private TaskRow visible(TenantWork work, long taskId) {
        TaskRow row = find(work, taskId);
        if (row == null) {
            throw ApiProblem.notFound("Task " + taskId);
        }
        try {
            leads.findVisible(work.em(), row.leadId());
        } catch (ApiProblem e) {
            throw ApiProblem.notFound("Task " + taskId);
        }
        return row;
    }

    private static boolean otherOpenAiCall(TenantWork work, TaskRow task) {
        if (!"AI".equals(task.source()) || !"CALL".equals(task.kind())) {
            return false;
        }
        return !work.sql(
                        "SELECT 1 FROM lead_tasks WHERE lead_id = ?1 AND source = 'AI' AND kind = 'CALL'"
                                + " AND done_at IS NULL AND id <> ?2")
                .setParameter(1, task.leadId())
                .setParameter(2, task.id())
                .getResultList()
                .isEmpty();
    }

    /** Inserts a task; returns its id. */
    static long insert(
            TenantWork work,
            long leadId,
            String kind,
            String title,
            String note,
            OffsetDateTime due,
            String dueText,
            Long assignee,
            String source,
            Long createdBy,
            OffsetDateTime at) {
        Object id =
                work.sql(
                                "INSERT INTO lead_tasks (lead_id, kind, title, note, due_at, due_text,"
                                        + " assignee_id, source, created_by, created_at, updated_at)"
                                        + " VALUES (?1, ?2, ?3, CAST(?4 AS text), CAST(?5 AS timestamptz),"
                                        + " CAST(?6 AS text), CAST(?7 AS bigint), ?8, CAST(?9 AS bigint), ?10, ?10)"
                                        + " RETURNING id")
                        .setParameter(1, leadId)
                        .setParameter(2, kind)
                        .setParameter(3, title)
                        .setParameter(4, note)
                        .setParameter(5, due)
                        .setParameter(6, dueText)
                        .setParameter(7, assignee)
                        .setParameter(8, source)
                        .setParameter(9, createdBy)
                        .setParameter(10, at)
                        .getSingleResult();
        return ((Number) id).longValue();
    }

    /** A lead event about a task, with the task's id, kind, title, due time and assignee. */
    static void event(
            TenantWork work,
            TaskRow task,
            String type,
            ActorKind actor,
            Long actorId,
            String reason,
            OffsetDateTime at) {
        LeadJson.event(work, task.leadId(), type, actor, actorId, reason, details(task), at);
    }

    private static Map<String, Object> details(TaskRow task) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("taskId", task.id());
        d.put("kind", task.kind());
        d.put("title", task.title());
        d.put("dueAt", task.dueAt() == null ? null : task.dueAt().toInstant().toString());
        d.put("dueText", task.dueText());
        d.put("assigneeId", task.assigneeId());
        d.put("assignee", task.assigneeName());
        return d;
    }

    private static String kind(String kind) {
        if (kind == null) {
            return "TODO";
        }
        String k = kind.strip().toUpperCase(Locale.ROOT);
        if (!k.equals("CALL") && !k.equals("TODO")) {
            throw ApiProblem.invalidField("kind", "must be CALL or TODO");
        }
        return k;
    }

    private static String title(String title) {
        if (title == null || title.isBlank()) {
            throw ApiProblem.invalidField("title", "must not be blank");
        }
        String t = title.strip();
        if (t.length() > 200) {
            throw ApiProblem.invalidField("title", "at most 200 characters");
        }
        return t;
    }

    /** An ISO instant not more than {@link #PAST_TOLERANCE} ago, or {@code null} for none. */
    private static OffsetDateTime due(String text, Instant now) {
        OffsetDateTime at = parseDue(text);
        if (at != null && at.toInstant().isBefore(now.minus(PAST_TOLERANCE))) {
            throw ApiProblem.invalidField("dueAt", "is in the past");
        }
        return at;
    }

    /** An ISO instant (UTC), or {@code null} for none; else 400 naming {@code dueAt}. */
    private static OffsetDateTime parseDue(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return utc(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(
                    "dueAt", "not an ISO date-time with offset, e.g. 2026-12-04T09:00:00Z");
        }
    }

    /** An active user of the company, {@code null} for 0 (no assignee); else 400. */
    private static Long assignee(EntityManager em, Long id) {
        if (id == null || id == 0) {
            return null;
        }
        User u = em.find(User.class, id);
        if (u == null || !u.active()) {
            throw ApiProblem.invalidField("assigneeId", "no such active user");
        }
        return id;
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.toInstant().equals(b.toInstant());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return utc(ts.toInstant());
        }
        if (value instanceof Instant i) {
            return utc(i);
        }
        throw new IllegalStateException("unexpected timestamp " + value);
    }
}
