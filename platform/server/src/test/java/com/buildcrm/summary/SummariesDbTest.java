package com.buildcrm.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.lead.LeadService;
import com.buildcrm.notify.LeadMilestone;
import com.buildcrm.notify.Milestone;
import com.buildcrm.now.situation.NextActions;
import com.buildcrm.packs.genericsales.GenericSalesPack;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.summary.HandoffSummary.Fact;
import com.buildcrm.summary.Summaries.SummaryView;
import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.web.ApiProblem;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The summary endpoint's service on real PostgreSQL: the snapshot a milestone stores, the live view
 * with its changes, who may read which lead (a manager who sees only their own leads, another
 * company).
 */
class SummariesDbTest {

    private static final DbTier DB = DbTier.get();
    private static final Instant NOW = Instant.parse("2026-12-04T06:00:00Z");
    private static TenantRef acme;
    private static TenantRef other;
    private static long aliya;
    private static long bolat;
    private static long aliyasLead;
    private static long othersLead;

    @BeforeAll
    static void seed() {
        acme = DB.newTenant("sum", "Asia/Almaty");
        other = DB.newTenant("sumother", "Asia/Almaty");
        DB.sql(
                acme,
                "INSERT INTO users (email, name, role, password_hash) VALUES"
                        + " ('aliya@acme.kz', 'Aliya', 'manager', 'x'),"
                        + " ('bolat@acme.kz', 'Bolat', 'manager', 'x')");
        aliya = DB.number(acme, "SELECT id FROM users WHERE email = 'aliya@acme.kz'");
        bolat = DB.number(acme, "SELECT id FROM users WHERE email = 'bolat@acme.kz'");
        DB.sql(
                acme,
                "INSERT INTO leads (phone, name, stage_id, handled_by, assignee_id, fields, created_at)"
                        + " VALUES ('+77010000001', 'Ержан', "
                        + DB.stage(acme, "CALL_REQUESTED")
                        + ", 'AI', "
                        + aliya
                        + ", '{\"need\": \"Шкаф-купе\", \"budget_kzt\": 300000,"
                        + " \"preferred_call_time\": \"сегодня после обеда\"}',"
                        + " '2026-12-04T05:00:00Z')");
        aliyasLead = DB.number(acme, "SELECT id FROM leads WHERE phone = '+77010000001'");
        DB.sql(
                acme,
                "INSERT INTO messages (lead_id, direction, author, kind, text, status, created_at)"
                        + " VALUES ("
                        + aliyasLead
                        + ", 'IN', 'CLIENT', 'text', 'Нужен шкаф-купе, позвоните после обеда',"
                        + " 'RECEIVED', '2026-12-04T05:10:00Z')");
        // ids are per company: the other company's lead gets an id acme does not have
        for (String phone : new String[] {"+77010000007", "+77010000008", "+77010000009"}) {
            DB.sql(
                    other,
                    "INSERT INTO leads (phone, stage_id, handled_by, created_at) VALUES ('"
                            + phone
                            + "', "
                            + DB.stage(other, "NEW")
                            + ", 'HUMAN', '2026-12-04T05:00:00Z')");
        }
        othersLead = DB.number(other, "SELECT id FROM leads WHERE phone = '+77010000009'");
    }

    private static Summaries service(TenantRef tenant, long userId, String role) {
        NextActions actions = NextActions.at(Clock.fixed(NOW, ZoneOffset.UTC), DB.directory());
        LeadService leads = new LeadService();
        set(leads, "data", DB.data(tenant, userId, role));
        set(leads, "nextActions", actions);
        set(leads, "directory", DB.directory());
        Summaries s =
                new Summaries() {
                    @Override
                    IndustryPack pack(String packId) {
                        return new GenericSalesPack();
                    }
                };
        s.data = DB.data(tenant, userId, role);
        s.leads = leads;
        s.nextActions = actions;
        return s;
    }

    private static void set(Object target, String field, Object value) {
        try {
            Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void milestone(Summaries s, long leadId, Milestone m, String at) {
        s.data.work(
                work -> {
                    s.onMilestone(
                            new LeadMilestone(work, leadId, m, null, OffsetDateTime.parse(at)));
                    return null;
                });
    }

    @Test
    void aHandoffStoresTheSnapshotAndTheLiveViewMarksWhatChangedSince() {
        Summaries owner = service(acme, 1, "owner");
        SummaryView before = owner.view(aliyasLead);
        assertThat(before.pinned()).isTrue(); // CALL_REQUESTED
        assertThat(before.snapshot()).isNull();
        assertThat(before.trigger()).isNull();
        assertThat(before.summary().want().need()).isEqualTo("Шкаф-купе");
        assertThat(before.summary().want().callTime()).isEqualTo("сегодня после обеда");
        assertThat(before.summary().want().clientWords())
                .containsExactly("Нужен шкаф-купе, позвоните после обеда");
        assertThat(before.summary().fields())
                .extracting(Fact::labelRu)
                .containsExactly("Потребность", "Бюджет, ₸", "Имя", "Удобное время звонка");
        assertThat(before.summary().open())
                .extracting(o -> o.key())
                .containsExactly("city", "timeline");

        // a milestone that is no handoff stores nothing
        milestone(owner, aliyasLead, Milestone.BECAME_HOT, "2026-12-04T05:20:00Z");
        assertThat(owner.view(aliyasLead).snapshot()).isNull();

        milestone(owner, aliyasLead, Milestone.HANDED_OFF, "2026-12-04T05:30:00Z");
        SummaryView handed = owner.view(aliyasLead);
        assertThat(handed.trigger()).isEqualTo("HANDED_OFF");
        assertThat(handed.takenAt()).isEqualTo(OffsetDateTime.parse("2026-12-04T05:30:00Z"));
        assertThat(handed.snapshot().fields()).hasSize(4);
        assertThat(handed.summary().fields()).noneMatch(Fact::changed);
        // no LLM configured: the rule summary stands and no wording job is queued
        assertThat(handed.snapshot().text()).isNull();
        assertThat(
                        DB.number(
                                acme,
                                "SELECT count(*) FROM platform.scheduled_tasks WHERE task_name = ?",
                                Summaries.TEXT_TASK.name()))
                .isZero();

        // the client tells more after the handoff
        DB.sql(
                acme,
                "UPDATE leads SET city = 'Алматы', fields = fields || '{\"budget_kzt\": 350000}'"
                        + " WHERE id = "
                        + aliyasLead);
        SummaryView later = owner.view(aliyasLead);
        assertThat(later.summary().fields().stream().filter(Fact::changed).map(Fact::key))
                .containsExactlyInAnyOrder("city", "budget_kzt");
        assertThat(later.summary().fields().stream().filter(f -> f.key().equals("budget_kzt")))
                .extracting(f -> new BigDecimal(f.value().toString()))
                .containsExactly(new BigDecimal("350000"));
        assertThat(later.snapshot().fields().stream().filter(f -> f.key().equals("budget_kzt")))
                .extracting(f -> new BigDecimal(f.value().toString()))
                .containsExactly(new BigDecimal("300000"));

        // a later take-over replaces the snapshot
        milestone(owner, aliyasLead, Milestone.TAKEN_OVER, "2026-12-04T05:40:00Z");
        SummaryView taken = owner.view(aliyasLead);
        assertThat(taken.trigger()).isEqualTo("TAKEN_OVER");
        assertThat(taken.summary().fields()).noneMatch(Fact::changed);
        assertThat(
                        DB.number(
                                acme,
                                "SELECT version FROM lead_summaries WHERE lead_id = ?",
                                aliyasLead))
                .isEqualTo(2);
    }

    @Test
    void managersSeeOnlyWhatTheyMaySeeAndNeverAnotherCompany() {
        // a company whose managers see only their own leads (set before anything reads it)
        TenantRef own = DB.newTenant("sumown", "Asia/Almaty");
        DB.sql(
                own,
                "UPDATE crm_settings SET managers_see_all = false",
                "INSERT INTO users (email, name, role, password_hash) VALUES"
                        + " ('aliya@own.kz', 'Aliya', 'manager', 'x'),"
                        + " ('bolat@own.kz', 'Bolat', 'manager', 'x')");
        long a = DB.number(own, "SELECT id FROM users WHERE email = 'aliya@own.kz'");
        long b = DB.number(own, "SELECT id FROM users WHERE email = 'bolat@own.kz'");
        DB.sql(
                own,
                "INSERT INTO leads (phone, stage_id, handled_by, assignee_id, created_at) VALUES"
                        + " ('+77010000005', "
                        + DB.stage(own, "NEW")
                        + ", 'HUMAN', "
                        + a
                        + ", '2026-12-04T05:00:00Z')");
        long lead = DB.number(own, "SELECT id FROM leads WHERE phone = '+77010000005'");
        assertThat(service(own, a, "manager").view(lead).leadId()).isEqualTo(lead);
        assertThatThrownBy(() -> service(own, b, "manager").view(lead))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThat(service(own, 1, "rop").view(lead).leadId()).isEqualTo(lead);
        assertThat(service(acme, bolat, "manager").view(aliyasLead).leadId())
                .isEqualTo(aliyasLead); // acme's managers see all leads
        // another company's lead id does not exist here, and that company reads its own
        assertThat(DB.number(acme, "SELECT count(*) FROM leads WHERE id = ?", othersLead)).isZero();
        assertThatThrownBy(() -> service(acme, 1, "owner").view(othersLead))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(404));
        SummaryView theirs = service(other, 1, "owner").view(othersLead);
        assertThat(theirs.pinned()).isTrue(); // a person leads it
        assertThat(theirs.summary().fields()).isEmpty();
        assertThat(theirs.summary().nextStep().kind())
                .isIn("ASK", "CLIENT_WAITING", "HOT_UNASSIGNED");
    }
}
