package com.buildcrm.now.situation;

import com.buildcrm.nextaction.LeadSituation;
import com.buildcrm.nextaction.OpenTask;
import com.buildcrm.tenancy.TenantWork;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@link LeadSituation} of many leads at once: two native queries for any number of leads
 * (the leads with their message and event aggregates, then their open tasks), inside the caller's
 * tenant unit of work.
 *
 * <ul>
 *   <li>newest client message: {@code messages} with {@code direction = 'IN'}; newest outbound:
 *       {@code direction = 'OUT'} that did not fail (a failed send answered nobody). Both come from
 *       one aggregate per lead over {@code messages_lead_created_idx (lead_id, created_at, id)}; an
 *       index on {@code (lead_id, direction, created_at)} would make it index-only (not added: the
 *       issue adds no migration for it).
 *   <li>last activity: the newest of the newest message, the newest lead event and the lead's
 *       creation.
 *   <li>follow-ups exhausted: {@code leads.no_reply}, which the follow-up timer sets when the
 *       client answered none of them (event {@code followup.finished}) and a client message clears.
 *   <li>decided since: after the newest {@code followup.finished} event, a person did something on
 *       the lead: a lead event with actor {@code HUMAN} (a move, an edit, an assignment, a
 *       take-over), a message written by a person, or a task created on it.
 * </ul>
 */
public final class LeadSituations {

    private LeadSituations() {}

    /** A lead's row with its aggregates: a typed projection of {@link #COLUMNS}. */
    record Row(
            long leadId,
            int score,
            boolean hot,
            String stageRole,
            boolean needsHuman,
            boolean humanLed,
            Long assigneeId,
            Instant lastClientMessageAt,
            Instant lastOutboundAt,
            Instant lastActivityAt,
            boolean noReply,
            boolean decidedSince,
            Instant snoozedUntil) {

        /** The select list {@link #of} reads, in its order (aliases of {@link #FROM}). */
        static final String COLUMNS =
                "l.id, l.score, l.temperature = 'HOT', s.role, l.needs_human,"
                        + " l.handled_by = 'HUMAN', l.assignee_id, m.last_in, m.last_out,"
                        + " GREATEST(m.last_any, e.last_event, l.created_at), l.no_reply,"
                        + " (e.finished_at IS NOT NULL AND ("
                        + "EXISTS (SELECT 1 FROM lead_events h WHERE h.lead_id = l.id"
                        + " AND h.actor = 'HUMAN' AND h.created_at > e.finished_at)"
                        + " OR EXISTS (SELECT 1 FROM messages hm WHERE hm.lead_id = l.id"
                        + " AND hm.author = 'HUMAN' AND hm.created_at > e.finished_at)"
                        + " OR EXISTS (SELECT 1 FROM lead_tasks t WHERE t.lead_id = l.id"
                        + " AND t.created_at > e.finished_at))),"
                        + " l.next_action_snoozed_until";

        static final String FROM =
                " FROM leads l JOIN stages s ON s.id = l.stage_id"
                        + " LEFT JOIN LATERAL (SELECT"
                        + " max(created_at) FILTER (WHERE direction = 'IN') AS last_in,"
                        + " max(created_at) FILTER (WHERE direction = 'OUT'"
                        + " AND status <> 'FAILED') AS last_out,"
                        + " max(created_at) AS last_any"
                        + " FROM messages WHERE lead_id = l.id) m ON true"
                        + " LEFT JOIN LATERAL (SELECT max(created_at) AS last_event,"
                        + " max(created_at) FILTER (WHERE type = 'followup.finished')"
                        + " AS finished_at"
                        + " FROM lead_events WHERE lead_id = l.id) e ON true";

        static Row of(Object[] r) {
            return new Row(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).intValue(),
                    Boolean.TRUE.equals(r[2]),
                    (String) r[3],
                    Boolean.TRUE.equals(r[4]),
                    Boolean.TRUE.equals(r[5]),
                    r[6] == null ? null : ((Number) r[6]).longValue(),
                    instant(r[7]),
                    instant(r[8]),
                    instant(r[9]),
                    Boolean.TRUE.equals(r[10]),
                    Boolean.TRUE.equals(r[11]),
                    instant(r[12]));
        }

        LeadSituation situation(List<OpenTask> tasks) {
            return new LeadSituation(
                    leadId,
                    score,
                    hot,
                    "WON".equals(stageRole) || "LOST".equals(stageRole),
                    "CALL_REQUESTED".equals(stageRole),
                    needsHuman,
                    humanLed,
                    assigneeId,
                    lastClientMessageAt,
                    lastOutboundAt,
                    lastActivityAt,
                    noReply,
                    noReply && decidedSince,
                    tasks,
                    snoozedUntil);
        }
    }

    /** An open task: a typed projection of {@link #COLUMNS}. */
    record TaskRow(
            long id,
            long leadId,
            String kind,
            String title,
            Instant dueAt,
            String dueText,
            Long assigneeId,
            Instant snoozedUntil) {

        static final String COLUMNS =
                "id, lead_id, kind, title, due_at, due_text, assignee_id, snoozed_until";

        static TaskRow of(Object[] r) {
            return new TaskRow(
                    ((Number) r[0]).longValue(),
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    (String) r[3],
                    instant(r[4]),
                    (String) r[5],
                    r[6] == null ? null : ((Number) r[6]).longValue(),
                    instant(r[7]));
        }

        OpenTask task() {
            return new OpenTask(
                    id, "CALL".equals(kind), title, dueAt, dueText, assigneeId, snoozedUntil);
        }
    }

    /**
     * The situations of these leads (ids that do not exist are absent), in the order of {@code
     * ids}. Open tasks are ordered by due time (as soon as possible first), then id.
     */
    public static Map<Long, LeadSituation> read(TenantWork work, Collection<Long> ids) {
        Map<Long, LeadSituation> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        Long[] array = ids.stream().distinct().toArray(Long[]::new);
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                work.sql(
                                "SELECT "
                                        + Row.COLUMNS
                                        + Row.FROM
                                        + " WHERE l.id = ANY(CAST(?1 AS bigint[]))")
                        .setParameter(1, array)
                        .getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> taskRows =
                work.sql(
                                "SELECT "
                                        + TaskRow.COLUMNS
                                        + " FROM lead_tasks WHERE done_at IS NULL"
                                        + " AND lead_id = ANY(CAST(?1 AS bigint[]))"
                                        + " ORDER BY due_at NULLS FIRST, id")
                        .setParameter(1, array)
                        .getResultList();
        Map<Long, List<OpenTask>> tasks = new HashMap<>();
        for (Object[] r : taskRows) {
            TaskRow t = TaskRow.of(r);
            tasks.computeIfAbsent(t.leadId(), k -> new ArrayList<>()).add(t.task());
        }
        Map<Long, Row> byId = new HashMap<>();
        rows.forEach(r -> byId.put(((Number) r[0]).longValue(), Row.of(r)));
        for (Long id : array) {
            Row row = byId.get(id);
            if (row != null) {
                result.put(id, row.situation(tasks.getOrDefault(id, List.of())));
            }
        }
        return result;
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected timestamp " + value);
    }
}
