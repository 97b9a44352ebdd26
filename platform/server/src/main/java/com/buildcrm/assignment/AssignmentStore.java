package com.buildcrm.assignment;

import com.buildcrm.tenancy.TenantWork;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The assignment rule's SQL, always inside the caller's tenant unit of work: user ids are only ever
 * looked up in that tenant's own {@code users} table (ids overlap across tenants).
 */
public final class AssignmentStore {

    private AssignmentStore() {}

    /** One row of {@code assignment_settings}: a typed projection of {@link #COLUMNS}. */
    private record SettingsRow(
            String mode, String moments, String rotation, Integer minutes, Long cursor) {

        static final String COLUMNS =
                "mode, moments, rotation, reassign_after_minutes, last_assigned_user_id";

        static SettingsRow of(Object[] r) {
            return new SettingsRow(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    r[3] == null ? null : ((Number) r[3]).intValue(),
                    r[4] == null ? null : ((Number) r[4]).longValue());
        }

        AssignmentSettings settings() {
            Set<AssignmentMoment> on = EnumSet.noneOf(AssignmentMoment.class);
            for (String m : moments.split(",")) {
                if (!m.isBlank()) {
                    on.add(AssignmentMoment.valueOf(m.strip()));
                }
            }
            List<Long> ids = new ArrayList<>();
            for (String id : rotation.split(",")) {
                if (!id.isBlank()) {
                    ids.add(Long.parseLong(id.strip()));
                }
            }
            return new AssignmentSettings(AssignmentMode.valueOf(mode), on, ids, minutes, cursor);
        }
    }

    /**
     * The tenant's settings; {@code lock} takes the row {@code FOR UPDATE} until the transaction
     * ends, so two turns (on any instance) never read the same round-robin cursor.
     */
    public static AssignmentSettings settings(TenantWork work, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                work.sql(
                                "SELECT "
                                        + SettingsRow.COLUMNS
                                        + " FROM assignment_settings"
                                        + (lock ? " FOR UPDATE" : ""))
                        .getResultList();
        if (rows.isEmpty()) {
            return new AssignmentSettings(
                    AssignmentMode.MANUAL,
                    AssignmentSettings.DEFAULT_MOMENTS,
                    List.of(),
                    null,
                    null);
        }
        return SettingsRow.of(rows.get(0)).settings();
    }

    /** Replaces the settings (the cursor stays). */
    public static void save(TenantWork work, AssignmentSettings s, OffsetDateTime now) {
        List<String> moments =
                Arrays.stream(AssignmentMoment.values())
                        .filter(s.on()::contains)
                        .map(Enum::name)
                        .toList();
        work.sql(
                        "UPDATE assignment_settings SET mode = ?1, moments = ?2, rotation = ?3,"
                                + " reassign_after_minutes = CAST(?4 AS integer), updated_at = ?5")
                .setParameter(1, s.mode().name())
                .setParameter(2, String.join(",", moments))
                .setParameter(
                        3, String.join(",", s.rotation().stream().map(String::valueOf).toList()))
                .setParameter(4, s.reassignAfterMinutes())
                .setParameter(5, now)
                .executeUpdate();
    }

    /** Moves the round-robin cursor to the user just picked. */
    public static void moveCursor(TenantWork work, long userId) {
        work.sql("UPDATE assignment_settings SET last_assigned_user_id = ?1")
                .setParameter(1, userId)
                .executeUpdate();
    }

    /** One user row: a typed projection of {@link #COLUMNS}. */
    record UserRow(long id, String name, String role, String status) {

        static final String COLUMNS = "id, name, role, status";

        static UserRow of(Object[] r) {
            return new UserRow(
                    ((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]);
        }

        boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /** The tenant's users with these ids (unknown ids are simply absent), by id. */
    static Map<Long, UserRow> users(TenantWork work, List<Long> ids) {
        Map<Long, UserRow> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                work.sql(
                                "SELECT "
                                        + UserRow.COLUMNS
                                        + " FROM users WHERE id = ANY(CAST(?1 AS bigint[])) ORDER BY id")
                        .setParameter(1, ids.toArray(Long[]::new))
                        .getResultList();
        for (Object[] r : rows) {
            UserRow u = UserRow.of(r);
            result.put(u.id(), u);
        }
        return result;
    }

    /** One candidate row: a typed projection of {@link #COLUMNS}. */
    private record CandidateRow(long id, String name, String status, long openLeads) {

        static final String COLUMNS =
                "u.id, u.name, u.status, (SELECT count(*) FROM leads l JOIN stages s ON s.id = l.stage_id"
                        + " WHERE l.assignee_id = u.id AND COALESCE(s.role, '') NOT IN ('WON', 'LOST'))";

        static CandidateRow of(Object[] r) {
            return new CandidateRow(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).longValue());
        }

        Candidate candidate() {
            return new Candidate(id, name, "ACTIVE".equals(status), openLeads);
        }
    }

    /**
     * The rotation as candidates, in rotation order, with their open leads counted now: the named
     * users that still exist in this tenant, or every active manager by id when the rotation is
     * empty. Disabled users stay in the list (marked inactive) and are skipped by the choice.
     */
    public static List<Candidate> candidates(TenantWork work, List<Long> rotation) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                rotation.isEmpty()
                        ? work.sql(
                                        "SELECT "
                                                + CandidateRow.COLUMNS
                                                + " FROM users u WHERE u.role = 'manager' AND u.status = 'ACTIVE'"
                                                + " ORDER BY u.id")
                                .getResultList()
                        : work.sql(
                                        "SELECT "
                                                + CandidateRow.COLUMNS
                                                + " FROM users u WHERE u.id = ANY(CAST(?1 AS bigint[]))")
                                .setParameter(1, rotation.toArray(Long[]::new))
                                .getResultList();
        Map<Long, Candidate> byId = new LinkedHashMap<>();
        for (Object[] r : rows) {
            Candidate c = CandidateRow.of(r).candidate();
            byId.put(c.userId(), c);
        }
        if (rotation.isEmpty()) {
            return List.copyOf(byId.values());
        }
        List<Candidate> ordered = new ArrayList<>();
        for (Long id : rotation) {
            Candidate c = byId.get(id);
            if (c != null) {
                ordered.add(c);
            }
        }
        return ordered;
    }

    /** A lead the idle sweep re-assigns: a typed projection of {@link #COLUMNS}. */
    public record IdleLead(long leadId, long assigneeId) {

        static final String COLUMNS = "l.id, l.assignee_id";

        static IdleLead of(Object[] r) {
            return new IdleLead(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
        }
    }

    /**
     * Leads the rule assigned before {@code cutoff} whose assignee did nothing since: no message
     * they wrote to the client, no lead event they caused, no task they closed; in a non-final
     * stage.
     */
    public static List<IdleLead> idle(TenantWork work, OffsetDateTime cutoff, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                work.sql(
                                "SELECT "
                                        + IdleLead.COLUMNS
                                        + " FROM leads l JOIN stages s ON s.id = l.stage_id"
                                        + " WHERE l.assigned_by_rule AND l.assignee_id IS NOT NULL"
                                        + " AND l.assigned_at < ?1"
                                        + " AND COALESCE(s.role, '') NOT IN ('WON', 'LOST')"
                                        + " AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.lead_id = l.id"
                                        + "   AND m.direction = 'OUT' AND m.author = 'HUMAN'"
                                        + "   AND m.author_id = l.assignee_id AND m.created_at >= l.assigned_at)"
                                        + " AND NOT EXISTS (SELECT 1 FROM lead_events e WHERE e.lead_id = l.id"
                                        + "   AND e.actor = 'HUMAN' AND e.actor_id = l.assignee_id"
                                        + "   AND e.created_at >= l.assigned_at)"
                                        + " AND NOT EXISTS (SELECT 1 FROM lead_tasks t WHERE t.lead_id = l.id"
                                        + "   AND t.done_by = l.assignee_id AND t.done_at >= l.assigned_at)"
                                        + " ORDER BY l.assigned_at, l.id LIMIT ?2")
                        .setParameter(1, cutoff)
                        .setParameter(2, limit)
                        .getResultList();
        return rows.stream().map(IdleLead::of).toList();
    }

    /** Records when and how the lead's current assignee got it. */
    static void stamp(TenantWork work, long leadId, boolean byRule, OffsetDateTime at) {
        work.sql("UPDATE leads SET assigned_at = ?1, assigned_by_rule = ?2 WHERE id = ?3")
                .setParameter(1, at)
                .setParameter(2, byRule)
                .setParameter(3, leadId)
                .executeUpdate();
    }

    /** Gives the lead's open tasks that have nobody the new assignee. */
    static void handOpenTasks(TenantWork work, long leadId, long assigneeId, OffsetDateTime at) {
        work.sql(
                        "UPDATE lead_tasks SET assignee_id = ?1, updated_at = ?2"
                                + " WHERE lead_id = ?3 AND done_at IS NULL AND assignee_id IS NULL")
                .setParameter(1, assigneeId)
                .setParameter(2, at)
                .setParameter(3, leadId)
                .executeUpdate();
    }
}
