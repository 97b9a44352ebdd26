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
 *       {@code direction = 'OUT'} that did not fail (a failed send answered nobody). Each is one
 *       backward step on {@code messages_lead_created_idx (lead_id, created_at, id)}, past the few
 *       newest messages of the other direction (ADR 052).
 *   <li>last activity: the newest of the newest message, the newest lead event and the lead's
 *       creation.
 *   <li>follow-ups exhausted: {@code leads.no_reply}, which the follow-up timer sets when the
 *       client answered none of them (event {@code followup.finished}) and a client message clears.
 *   <li>call requested: the stage's role is CALL_REQUESTED and no CALL task of the lead is done (a
 *       call marked done answers the request; a new request creates a new open call task).
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
            Instant snoozedUntil,
            boolean callMade) {

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
                        + " l.next_action_snoozed_until,"
                        + " EXISTS (SELECT 1 FROM lead_tasks c WHERE c.lead_id = l.id"
                        + " AND c.kind = 'CALL' AND c.done_at IS NOT NULL)";

        /**
         * Each aggregate is a {@code max} of its own that PostgreSQL answers with one backward step
         * on an index (ADR 052): the newest message from {@code messages_lead_created_idx}, the
         * newest client or delivered outbound message by walking it back past the few of the other
         * direction, the newest event and the newest finished follow-up from {@code
         * lead_events_lead_created_idx} and {@code lead_events_followup_finished_idx} (V17). One
         * aggregate over all of a lead's messages and events, as before, read its whole history for
         * every lead on a board.
         */
        static final String FROM =
                " FROM leads l JOIN stages s ON s.id = l.stage_id"
                        + " LEFT JOIN LATERAL (SELECT"
                        + " (SELECT max(created_at) FROM messages WHERE lead_id = l.id"
                        + " AND direction = 'IN') AS last_in,"
                        + " (SELECT max(created_at) FROM messages WHERE lead_id = l.id"
                        + " AND direction = 'OUT' AND status <> 'FAILED') AS last_out,"
                        + " (SELECT max(created_at) FROM messages WHERE lead_id = l.id) AS last_any"
                        + ") m ON true"
                        + " LEFT JOIN LATERAL (SELECT"
                        + " (SELECT max(created_at) FROM lead_events WHERE lead_id = l.id)"
                        + " AS last_event,"
                        + " (SELECT max(created_at) FROM lead_events WHERE lead_id = l.id"
                        + " AND type = 'followup.finished') AS finished_at"
                        + ") e ON true";

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
                    instant(r[12]),
                    Boolean.TRUE.equals(r[13]));
        }

        LeadSituation situation(List<OpenTask> tasks) {
            return new LeadSituation(
                    leadId,
                    score,
                    hot,
                    "WON".equals(stageRole) || "LOST".equals(stageRole),
                    // a call marked done answers the request: no "call as soon as possible" after
                    // it
                    "CALL_REQUESTED".equals(stageRole) && !callMade,
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
