package com.buildcrm.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.live.LiveEvent;
import com.buildcrm.notify.AlertKind;
import com.buildcrm.notify.LeadAlert;
import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The assignment rule on real PostgreSQL: settings validation (in this tenant's users only), the
 * round-robin cursor, least-loaded counting, the lead event / alert / after-commit live event, and
 * the idle re-assignment query with a fixed clock. A second company's users are never picked.
 */
class AssignmentRulesDbTest {

    private static final DbTier DB = DbTier.get();
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final AtomicInteger PHONES = new AtomicInteger();

    private static TenantRef acme;
    private static TenantRef other;
    private static long aliya;
    private static long bolat;
    private static long dana;
    private static long rop;
    private static long otherOnly;

    private final List<LeadAlert> alerts = new ArrayList<>();
    private final List<LiveEvent> live = new ArrayList<>();
    private Assignments assignments;
    private AssignmentSettingsService settings;

    @BeforeAll
    static void seed() {
        acme = DB.newTenant("assign", "Asia/Almaty");
        other = DB.newTenant("assign-other", "Asia/Almaty");
        DB.sql(
                acme,
                "INSERT INTO users (email, name, role, password_hash, status) VALUES"
                        + " ('aliya@acme.kz', 'Алия', 'manager', 'x', 'ACTIVE'),"
                        + " ('bolat@acme.kz', 'Болат', 'manager', 'x', 'ACTIVE'),"
                        + " ('dana@acme.kz', 'Дана', 'manager', 'x', 'DISABLED'),"
                        + " ('rop@acme.kz', 'РОП', 'rop', 'x', 'ACTIVE')");
        aliya = DB.number(acme, "SELECT id FROM users WHERE email = 'aliya@acme.kz'");
        bolat = DB.number(acme, "SELECT id FROM users WHERE email = 'bolat@acme.kz'");
        dana = DB.number(acme, "SELECT id FROM users WHERE email = 'dana@acme.kz'");
        rop = DB.number(acme, "SELECT id FROM users WHERE email = 'rop@acme.kz'");
        // the other company has more users: its highest id exists in no row of acme
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            many.append(i == 0 ? "" : ",")
                    .append("('m")
                    .append(i)
                    .append("@other.kz', 'Other ")
                    .append(i)
                    .append("', 'manager', 'x', 'ACTIVE')");
        }
        DB.sql(
                other,
                "INSERT INTO users (email, name, role, password_hash, status) VALUES " + many);
        otherOnly = DB.number(other, "SELECT max(id) FROM users");
        assertThat(DB.number(acme, "SELECT count(*) FROM users WHERE id = ?", otherOnly)).isZero();
    }

    @BeforeEach
    void wire() {
        assignments = new Assignments();
        assignments.alerts = new Recording<>(alerts::add);
        assignments.live = new Recording<>(live::add);
        settings = new AssignmentSettingsService();
        settings.data = owner(acme);
        settings.clock = Clock.fixed(T0, ZoneOffset.UTC);
        DB.sql(
                acme,
                "UPDATE leads SET assignee_id = NULL, assigned_at = NULL, assigned_by_rule = false",
                "UPDATE assignment_settings SET mode = 'MANUAL', moments = 'CALL_REQUESTED,HANDOFF',"
                        + " rotation = '', reassign_after_minutes = NULL, last_assigned_user_id = NULL");
    }

    private static TenantData owner(TenantRef tenant) {
        return DB.data(tenant, 1, "owner");
    }

    private static long lead(TenantRef tenant, String stageRole) {
        String phone = "+7701" + String.format("%07d", PHONES.incrementAndGet());
        DB.sql(
                tenant,
                "INSERT INTO leads (phone, stage_id) VALUES ('"
                        + phone
                        + "', "
                        + DB.stage(tenant, stageRole)
                        + ")");
        return DB.number(tenant, "SELECT id FROM leads WHERE phone = ?", phone);
    }

    private static Long assignee(TenantRef tenant, long leadId) {
        Object v = DB.column(tenant, "SELECT assignee_id FROM leads WHERE id = ?", leadId).get(0);
        return v == null ? null : ((Number) v).longValue();
    }

    private Optional<Candidate> rule(TenantRef tenant, long leadId, AssignmentMoment moment) {
        return owner(tenant)
                .work(
                        w ->
                                assignments.applyRule(
                                        w,
                                        leadId,
                                        moment,
                                        OffsetDateTime.ofInstant(T0, ZoneOffset.UTC)));
    }

    @Test
    void settingsDefaultToManualAndRoundTrip() {
        AssignmentSettingsService.SettingsView v = settings.get();
        assertThat(v.mode()).isEqualTo("MANUAL");
        assertThat(v.on()).containsExactly("CALL_REQUESTED", "HANDOFF");
        assertThat(v.rotation()).isEmpty();
        assertThat(v.reassignAfterMinutes()).isNull();

        settings.replace("ROUND_ROBIN", List.of("CREATED", "HANDOFF"), List.of(bolat, rop), 15);
        v = settings.get();
        assertThat(v.mode()).isEqualTo("ROUND_ROBIN");
        assertThat(v.on()).containsExactly("HANDOFF", "CREATED");
        // the rotation keeps its order; an owner or ROP may be in it
        assertThat(v.rotation()).containsExactly(bolat, rop);
        assertThat(v.reassignAfterMinutes()).isEqualTo(15);
    }

    @Test
    void badSettingsAreRefusedNamingTheFieldAndChangeNothing() {
        settings.replace("LEAST_LOADED", null, List.of(aliya), null);
        assertField(
                () -> settings.replace("ROUND_ROBIN", null, List.of(aliya, dana), null),
                "rotation");
        assertField(
                () -> settings.replace("ROUND_ROBIN", null, List.of(424242L), null), "rotation");
        // an id that exists only in the other company is unknown here
        assertField(
                () -> settings.replace("ROUND_ROBIN", null, List.of(otherOnly), null), "rotation");
        assertField(
                () -> settings.replace("ROUND_ROBIN", null, List.of(aliya, aliya), null),
                "rotation");
        assertField(() -> settings.replace("EVERYONE", null, List.of(), null), "mode");
        assertField(() -> settings.replace(null, null, List.of(), null), "mode");
        assertField(() -> settings.replace("ROUND_ROBIN", List.of("LUNCH"), List.of(), null), "on");
        assertField(
                () -> settings.replace("ROUND_ROBIN", null, List.of(), 4), "reassignAfterMinutes");
        assertField(
                () -> settings.replace("ROUND_ROBIN", null, List.of(), 1441),
                "reassignAfterMinutes");
        AssignmentSettingsService.SettingsView v = settings.get();
        assertThat(v.mode()).isEqualTo("LEAST_LOADED");
        assertThat(v.rotation()).containsExactly(aliya);
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        p -> {
                            assertThat(p.status()).isEqualTo(400);
                            assertThat(fieldsOf(p)).contains(field);
                        });
    }

    /** The fields a problem names (its errors are not exposed: read them like the mapper). */
    private static List<String> fieldsOf(ApiProblem p) {
        try {
            java.lang.reflect.Field f = ApiProblem.class.getDeclaredField("errors");
            f.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<com.buildcrm.web.FieldError> errors = (List<com.buildcrm.web.FieldError>) f.get(p);
            return errors.stream().map(com.buildcrm.web.FieldError::field).toList();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void roundRobinMovesTheCursorAndRecordsEverything() {
        settings.replace("ROUND_ROBIN", List.of("CALL_REQUESTED"), List.of(bolat, aliya), null);
        long first = lead(acme, "CALL_REQUESTED");
        long second = lead(acme, "CALL_REQUESTED");
        long third = lead(acme, "CALL_REQUESTED");
        DB.sql(
                acme,
                "INSERT INTO lead_tasks (lead_id, kind, title, source) VALUES ("
                        + first
                        + ", 'CALL', 'Позвонить', 'AI')");

        assertThat(rule(acme, first, AssignmentMoment.CALL_REQUESTED))
                .map(Candidate::userId)
                .contains(bolat);
        assertThat(rule(acme, second, AssignmentMoment.CALL_REQUESTED))
                .map(Candidate::userId)
                .contains(aliya);
        assertThat(rule(acme, third, AssignmentMoment.CALL_REQUESTED))
                .map(Candidate::userId)
                .contains(bolat);
        assertThat(assignee(acme, first)).isEqualTo(bolat);
        assertThat(assignee(acme, second)).isEqualTo(aliya);
        assertThat(DB.number(acme, "SELECT last_assigned_user_id FROM assignment_settings"))
                .isEqualTo(bolat);
        assertThat(DB.column(acme, "SELECT assigned_by_rule FROM leads WHERE id = ?", first))
                .containsExactly(true);
        assertThat(DB.column(acme, "SELECT assigned_at FROM leads WHERE id = ?", first).get(0))
                .isNotNull();
        // the open task without anyone goes to the new assignee
        assertThat(DB.number(acme, "SELECT assignee_id FROM lead_tasks WHERE lead_id = ?", first))
                .isEqualTo(bolat);
        // audited: a SYSTEM lead event with a Russian reason
        assertThat(
                        DB.column(
                                acme,
                                "SELECT reason FROM lead_events WHERE lead_id = ? AND type = 'lead.assigned' AND actor = 'SYSTEM'",
                                first))
                .containsExactly("Назначен по очереди: Болат");
        assertThat(alerts)
                .extracting(LeadAlert::leadId, LeadAlert::kind, LeadAlert::userId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first, AlertKind.ASSIGNED, bolat),
                        org.assertj.core.groups.Tuple.tuple(second, AlertKind.ASSIGNED, aliya),
                        org.assertj.core.groups.Tuple.tuple(third, AlertKind.ASSIGNED, bolat));
        assertThat(live)
                .extracting(LiveEvent::type, LiveEvent::leadId, LiveEvent::tenantId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("lead.assigned", first, acme.id()),
                        org.assertj.core.groups.Tuple.tuple("lead.assigned", second, acme.id()),
                        org.assertj.core.groups.Tuple.tuple("lead.assigned", third, acme.id()));
        // an assigned lead is left alone
        assertThat(rule(acme, first, AssignmentMoment.CALL_REQUESTED)).isEmpty();
        // a moment not chosen does nothing
        long fourth = lead(acme, "NEW");
        assertThat(rule(acme, fourth, AssignmentMoment.HANDOFF)).isEmpty();
        assertThat(assignee(acme, fourth)).isNull();
    }

    @Test
    void theLiveEventFollowsTheCommitAndNeverARollback() {
        settings.replace("ROUND_ROBIN", List.of("HANDOFF"), List.of(aliya), null);
        long leadId = lead(acme, "NEW");
        List<Long> seenAtPublish = new ArrayList<>();
        assignments.live =
                new Recording<>(
                        e -> {
                            live.add(e);
                            // another connection sees the assignment: it was committed
                            seenAtPublish.add(assignee(acme, e.leadId()));
                        });
        assertThatThrownBy(
                        () ->
                                owner(acme)
                                        .work(
                                                w -> {
                                                    assignments.applyRule(
                                                            w,
                                                            leadId,
                                                            AssignmentMoment.HANDOFF,
                                                            OffsetDateTime.ofInstant(
                                                                    T0, ZoneOffset.UTC));
                                                    throw new IllegalStateException(
                                                            "the turn failed");
                                                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(live).isEmpty();
        assertThat(assignee(acme, leadId)).isNull();
        assertThat(DB.column(acme, "SELECT last_assigned_user_id FROM assignment_settings").get(0))
                .isNull();

        rule(acme, leadId, AssignmentMoment.HANDOFF);
        assertThat(live).hasSize(1);
        assertThat(seenAtPublish).containsExactly(aliya);
    }

    @Test
    void anEmptyRotationMeansEveryActiveManager() {
        settings.replace("ROUND_ROBIN", List.of("CREATED"), List.of(), null);
        List<Long> picked = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            picked.add(
                    rule(acme, lead(acme, "NEW"), AssignmentMoment.CREATED).orElseThrow().userId());
        }
        // managers by id; the disabled manager and the ROP are not in it
        assertThat(picked).containsExactly(aliya, bolat, aliya, bolat);
    }

    @Test
    void aDisabledUserInTheRotationIsSkippedAtAssignmentTime() {
        settings.replace("ROUND_ROBIN", List.of("CREATED"), List.of(aliya, bolat), null);
        DB.sql(acme, "UPDATE users SET status = 'DISABLED' WHERE id = " + aliya);
        try {
            assertThat(rule(acme, lead(acme, "NEW"), AssignmentMoment.CREATED))
                    .map(Candidate::userId)
                    .contains(bolat);
            assertThat(rule(acme, lead(acme, "NEW"), AssignmentMoment.CREATED))
                    .map(Candidate::userId)
                    .contains(bolat);
            DB.sql(acme, "UPDATE users SET status = 'DISABLED' WHERE id = " + bolat);
            long nobody = lead(acme, "NEW");
            assertThat(rule(acme, nobody, AssignmentMoment.CREATED)).isEmpty();
            assertThat(assignee(acme, nobody)).isNull();
        } finally {
            DB.sql(
                    acme,
                    "UPDATE users SET status = 'ACTIVE' WHERE id IN ("
                            + aliya
                            + ", "
                            + bolat
                            + ")");
        }
    }

    @Test
    void leastLoadedCountsOpenLeadsOnly() {
        settings.replace("LEAST_LOADED", List.of("CREATED"), List.of(aliya, bolat), null);
        // aliya: two open leads; bolat: one open and three won/lost (final, not counted)
        DB.sql(acme, "UPDATE leads SET assignee_id = NULL");
        for (long id : List.of(lead(acme, "NEW"), lead(acme, "IN_PROGRESS"))) {
            DB.sql(acme, "UPDATE leads SET assignee_id = " + aliya + " WHERE id = " + id);
        }
        for (long id :
                List.of(
                        lead(acme, "NEW"),
                        lead(acme, "WON"),
                        lead(acme, "LOST"),
                        lead(acme, "WON"))) {
            DB.sql(acme, "UPDATE leads SET assignee_id = " + bolat + " WHERE id = " + id);
        }
        owner(acme)
                .work(
                        w -> {
                            List<Candidate> c =
                                    AssignmentStore.candidates(w, List.of(aliya, bolat));
                            assertThat(c)
                                    .extracting(Candidate::userId, Candidate::openLeads)
                                    .containsExactly(
                                            org.assertj.core.groups.Tuple.tuple(aliya, 2L),
                                            org.assertj.core.groups.Tuple.tuple(bolat, 1L));
                            return null;
                        });
        long next = lead(acme, "NEW");
        assertThat(rule(acme, next, AssignmentMoment.CREATED))
                .map(Candidate::userId)
                .contains(bolat);
        // now 2 : 2 — the tie goes in turn order after the cursor (bolat): aliya
        long tie = lead(acme, "NEW");
        assertThat(rule(acme, tie, AssignmentMoment.CREATED))
                .map(Candidate::userId)
                .contains(aliya);
        assertThat(
                        DB.column(
                                acme,
                                "SELECT reason FROM lead_events WHERE lead_id = ? AND type = 'lead.assigned'",
                                tie))
                .containsExactly("Назначен наименее загруженному: Алия");
    }

    @Test
    void aRotationNamingAnotherCompanysUserNeverAssignsIt() {
        // written behind the API's back: the id exists only in the other company
        DB.sql(
                acme,
                "UPDATE assignment_settings SET mode = 'ROUND_ROBIN', moments = 'CREATED', rotation = '"
                        + otherOnly
                        + "'");
        long leadId = lead(acme, "NEW");
        assertThat(rule(acme, leadId, AssignmentMoment.CREATED)).isEmpty();
        assertThat(assignee(acme, leadId)).isNull();
        // and the other company's rule picks its own managers for its own lead
        DB.sql(
                other,
                "UPDATE assignment_settings SET mode = 'ROUND_ROBIN', moments = 'CREATED', rotation = ''");
        long theirs = lead(other, "NEW");
        long picked = rule(other, theirs, AssignmentMoment.CREATED).orElseThrow().userId();
        assertThat(
                        DB.number(
                                other,
                                "SELECT count(*) FROM users WHERE id = ? AND role = 'manager'",
                                picked))
                .isOne();
        assertThat(
                        DB.column(
                                acme,
                                "SELECT id FROM leads WHERE assignee_id IS NOT NULL AND id = ?",
                                leadId))
                .isEmpty();
    }

    @Test
    void takingOverAnUnassignedLeadAssignsTheTakerWithoutAlertingThem() {
        long leadId = lead(acme, "NEW");
        owner(acme)
                .work(
                        w -> {
                            assignments.takenOver(
                                    w, leadId, bolat, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
                            return null;
                        });
        assertThat(assignee(acme, leadId)).isEqualTo(bolat);
        assertThat(DB.column(acme, "SELECT assigned_by_rule FROM leads WHERE id = ?", leadId))
                .containsExactly(false);
        assertThat(
                        DB.column(
                                acme,
                                "SELECT actor || ':' || actor_id || ':' || reason FROM lead_events WHERE lead_id = ? AND type = 'lead.assigned'",
                                leadId))
                .containsExactly("HUMAN:" + bolat + ":Взял диалог — назначен на себя");
        assertThat(alerts).isEmpty();
        assertThat(live).extracting(LiveEvent::type).containsExactly("lead.assigned");
        // a lead that has somebody keeps them
        owner(acme)
                .work(
                        w -> {
                            assignments.takenOver(
                                    w, leadId, aliya, OffsetDateTime.ofInstant(T0, ZoneOffset.UTC));
                            return null;
                        });
        assertThat(assignee(acme, leadId)).isEqualTo(bolat);
    }

    @Test
    void idleLeadsOfTheRuleAreReassignedAfterTheirMinutes() {
        settings.replace("ROUND_ROBIN", List.of("CREATED"), List.of(aliya, bolat), 15);
        long idle = lead(acme, "NEW");
        long wrote = lead(acme, "NEW");
        long noted = lead(acme, "NEW");
        long closedTask = lead(acme, "NEW");
        long won = lead(acme, "NEW");
        long byHand = lead(acme, "NEW");
        for (long id : List.of(idle, wrote, noted, closedTask, won)) {
            DB.sql(
                    acme,
                    "UPDATE leads SET assignee_id = "
                            + aliya
                            + ", assigned_by_rule = true,"
                            + " assigned_at = '2026-12-01T08:00:00Z' WHERE id = "
                            + id);
        }
        DB.sql(
                acme,
                "UPDATE leads SET assignee_id = "
                        + aliya
                        + ", assigned_by_rule = false,"
                        + " assigned_at = '2026-12-01T08:00:00Z' WHERE id = "
                        + byHand,
                "UPDATE leads SET stage_id = " + DB.stage(acme, "WON") + " WHERE id = " + won,
                "INSERT INTO messages (lead_id, direction, author, author_id, kind, text, status, created_at)"
                        + " VALUES ("
                        + wrote
                        + ", 'OUT', 'HUMAN', "
                        + aliya
                        + ", 'TEXT', 'Здравствуйте', 'SENT', '2026-12-01T08:05:00Z')",
                "INSERT INTO lead_events (lead_id, type, actor, actor_id, reason, created_at)"
                        + " VALUES ("
                        + noted
                        + ", 'fields.updated', 'HUMAN', "
                        + aliya
                        + ", 'x', '2026-12-01T08:03:00Z')",
                "INSERT INTO lead_tasks (lead_id, title, source, done_at, done_by)"
                        + " VALUES ("
                        + closedTask
                        + ", 'Позвонить', 'USER', '2026-12-01T08:10:00Z', "
                        + aliya
                        + ")",
                // activity by her *before* the assignment does not count
                "INSERT INTO lead_events (lead_id, type, actor, actor_id, reason, created_at)"
                        + " VALUES ("
                        + idle
                        + ", 'fields.updated', 'HUMAN', "
                        + aliya
                        + ", 'x', '2026-12-01T07:00:00Z')",
                "UPDATE assignment_settings SET last_assigned_user_id = " + aliya);

        IdleReassignment job = new IdleReassignment();
        job.assignments = assignments;
        // 14 minutes later: not yet
        job.clock = Clock.fixed(T0.plusSeconds(14 * 60), ZoneOffset.UTC);
        assertThat(owner(acme).work(job::sweep)).isZero();
        List<AssignmentStore.IdleLead> due =
                owner(acme)
                        .work(
                                w ->
                                        AssignmentStore.idle(
                                                w,
                                                OffsetDateTime.ofInstant(
                                                        T0.plusSeconds(60), ZoneOffset.UTC),
                                                10));
        assertThat(due).extracting(AssignmentStore.IdleLead::leadId).containsExactly(idle);

        job.clock = Clock.fixed(T0.plusSeconds(16 * 60), ZoneOffset.UTC);
        assertThat(owner(acme).work(job::sweep)).isOne();
        assertThat(assignee(acme, idle)).isEqualTo(bolat);
        for (long id : List.of(wrote, noted, closedTask, won, byHand)) {
            assertThat(assignee(acme, id)).isEqualTo(aliya);
        }
        assertThat(
                        DB.column(acme, "SELECT assigned_at FROM leads WHERE id = ?", idle)
                                .get(0)
                                .toString())
                .startsWith("2026-12-01 08:16");
        assertThat(
                        DB.number(
                                acme,
                                "SELECT count(*) FROM lead_events WHERE lead_id = ? AND type = 'lead.assigned' AND actor = 'SYSTEM'",
                                idle))
                .isOne();
        assertThat(alerts).extracting(LeadAlert::userId).containsExactly(bolat);
        // the new assignee's clock starts now: the next sweep leaves the lead with bolat
        assertThat(owner(acme).work(job::sweep)).isZero();

        // mode MANUAL or minutes off: nothing is swept
        settings.replace("MANUAL", null, List.of(), 15);
        job.clock = Clock.fixed(T0.plusSeconds(120 * 60), ZoneOffset.UTC);
        assertThat(owner(acme).work(job::sweep)).isZero();
    }

    /** An {@code Event} that hands what is fired to a consumer (no CDI container in this tier). */
    private static final class Recording<T> implements Event<T> {
        private final Consumer<T> sink;

        Recording(Consumer<T> sink) {
            this.sink = sink;
        }

        @Override
        public void fire(T event) {
            sink.accept(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<T> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
