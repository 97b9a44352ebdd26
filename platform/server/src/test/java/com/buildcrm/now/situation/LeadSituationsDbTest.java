package com.buildcrm.now.situation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.nextaction.LeadSituation;
import com.buildcrm.nextaction.OpenTask;
import com.buildcrm.nextaction.PlannerSettings;
import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.tenancy.TenantRef;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bulk situation read on real PostgreSQL: every field the planner looks at, for several leads
 * at once, from leads, stages, messages, lead events and open tasks; another company's look-alike
 * rows never show up.
 */
class LeadSituationsDbTest {

    private static final DbTier DB = DbTier.get();
    private static TenantRef acme;
    private static TenantRef other;
    private static long aliya;
    private static long waiting;
    private static long won;
    private static long decided;
    private static long undecided;
    private static long quiet;

    @BeforeAll
    static void seed() {
        acme = DB.newTenant("situations", "Asia/Almaty");
        other = DB.newTenant("situations-other", "Europe/Berlin");
        DB.sql(
                acme,
                "INSERT INTO users (email, name, role, password_hash) VALUES"
                        + " ('aliya@acme.kz', 'Aliya', 'manager', 'x')");
        aliya = DB.number(acme, "SELECT id FROM users WHERE email = 'aliya@acme.kz'");
        waiting =
                lead(
                        acme,
                        "+77010000001",
                        "CALL_REQUESTED",
                        "HOT",
                        80,
                        true,
                        "HUMAN",
                        aliya,
                        false,
                        "2026-11-01T10:00:00Z",
                        "2026-11-20T12:30:00Z");
        won =
                lead(
                        acme,
                        "+77010000002",
                        "WON",
                        "WARM",
                        40,
                        false,
                        "AI",
                        null,
                        false,
                        "2026-11-02T10:00:00Z",
                        null);
        decided =
                lead(
                        acme,
                        "+77010000003",
                        "IN_PROGRESS",
                        "COLD",
                        10,
                        false,
                        "AI",
                        null,
                        true,
                        "2026-11-03T10:00:00Z",
                        null);
        undecided =
                lead(
                        acme,
                        "+77010000004",
                        "NEW",
                        "COLD",
                        5,
                        false,
                        "AI",
                        null,
                        true,
                        "2026-11-04T10:00:00Z",
                        null);
        quiet =
                lead(
                        acme,
                        "+77010000005",
                        "NEW",
                        "WARM",
                        30,
                        false,
                        "AI",
                        null,
                        false,
                        "2026-11-05T10:00:00Z",
                        null);
        // the waiting lead: the client wrote last; a failed send is no answer
        message(acme, waiting, "IN", "CLIENT", "RECEIVED", "2026-11-20T11:00:00Z");
        message(acme, waiting, "OUT", "AI", "SENT", "2026-11-20T11:01:00Z");
        message(acme, waiting, "IN", "CLIENT", "RECEIVED", "2026-11-20T11:05:00Z");
        message(acme, waiting, "OUT", "HUMAN", "FAILED", "2026-11-20T11:06:00Z");
        event(acme, waiting, "stage.changed", "AI", "2026-11-20T11:07:00Z");
        task(acme, waiting, "CALL", "Позвонить", null, "завтра после обеда", null, null);
        task(
                acme,
                waiting,
                "TODO",
                "Отправить смету",
                "2026-11-21T05:00:00Z",
                null,
                null,
                "2026-11-20T13:00:00Z");
        task(
                acme,
                waiting,
                "TODO",
                "Done already",
                "2026-11-19T05:00:00Z",
                null,
                "2026-11-19T06:00:00Z",
                null);
        // follow-ups ran out on both; a person acted on one of them afterwards
        event(acme, decided, "followup.finished", "SYSTEM", "2026-11-10T10:00:00Z");
        event(acme, decided, "lead.assigned", "HUMAN", "2026-11-11T10:00:00Z");
        event(acme, undecided, "lead.edited", "HUMAN", "2026-11-09T10:00:00Z");
        event(acme, undecided, "followup.finished", "SYSTEM", "2026-11-10T10:00:00Z");
        event(acme, undecided, "followup.cancelled", "SYSTEM", "2026-11-12T10:00:00Z");
        // the other company: a look-alike lead with the same id shape, hot and needing a human
        lead(
                other,
                "+77010000001",
                "NEW",
                "HOT",
                99,
                true,
                "AI",
                null,
                false,
                "2026-11-01T10:00:00Z",
                null);
        long otherLead = DB.number(other, "SELECT id FROM leads");
        message(other, otherLead, "IN", "CLIENT", "RECEIVED", "2026-11-25T11:00:00Z");
        task(other, otherLead, "CALL", "Чужой звонок", null, null, null, null);
    }

    private static long lead(
            TenantRef tenant,
            String phone,
            String stageRole,
            String temperature,
            int score,
            boolean needsHuman,
            String handledBy,
            Long assignee,
            boolean noReply,
            String createdAt,
            String snoozedUntil) {
        DB.sql(
                tenant,
                "INSERT INTO leads (phone, stage_id, temperature, score, needs_human, handled_by,"
                        + " assignee_id, no_reply, created_at, next_action_snoozed_until) VALUES ('"
                        + phone
                        + "', "
                        + DB.stage(tenant, stageRole)
                        + ", '"
                        + temperature
                        + "', "
                        + score
                        + ", "
                        + needsHuman
                        + ", '"
                        + handledBy
                        + "', "
                        + (assignee == null ? "NULL" : assignee)
                        + ", "
                        + noReply
                        + ", '"
                        + createdAt
                        + "', "
                        + (snoozedUntil == null ? "NULL" : "'" + snoozedUntil + "'")
                        + ")");
        return DB.number(tenant, "SELECT id FROM leads WHERE phone = ?", phone);
    }

    private static void message(
            TenantRef tenant,
            long lead,
            String direction,
            String author,
            String status,
            String at) {
        DB.sql(
                tenant,
                "INSERT INTO messages (lead_id, direction, author, kind, text, status, created_at)"
                        + " VALUES ("
                        + lead
                        + ", '"
                        + direction
                        + "', '"
                        + author
                        + "', 'text', 'x', '"
                        + status
                        + "', '"
                        + at
                        + "')");
    }

    private static void event(TenantRef tenant, long lead, String type, String actor, String at) {
        DB.sql(
                tenant,
                "INSERT INTO lead_events (lead_id, type, actor, created_at) VALUES ("
                        + lead
                        + ", '"
                        + type
                        + "', '"
                        + actor
                        + "', '"
                        + at
                        + "')");
    }

    private static void task(
            TenantRef tenant,
            long lead,
            String kind,
            String title,
            String dueAt,
            String dueText,
            String doneAt,
            String snoozedUntil) {
        DB.sql(
                tenant,
                "INSERT INTO lead_tasks (lead_id, kind, title, due_at, due_text, source, done_at,"
                        + " snoozed_until, created_at) VALUES ("
                        + lead
                        + ", '"
                        + kind
                        + "', '"
                        + title
                        + "', "
                        + quoted(dueAt)
                        + ", "
                        + quoted(dueText)
                        + ", 'USER', "
                        + quoted(doneAt)
                        + ", "
                        + quoted(snoozedUntil)
                        + ", '2026-11-01T00:00:00Z')");
    }

    private static String quoted(String s) {
        return s == null ? "NULL" : "'" + s + "'";
    }

    private static Map<Long, LeadSituation> read(TenantRef tenant, List<Long> ids) {
        TenantData data = DB.data(tenant, 1, "owner");
        return data.work(work -> LeadSituations.read(work, ids));
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void readsEveryFieldOfManyLeadsAtOnce() {
        Map<Long, LeadSituation> all =
                read(acme, List.of(quiet, waiting, won, decided, undecided, 999_999L));
        assertThat(all.keySet()).containsExactly(quiet, waiting, won, decided, undecided);

        LeadSituation w = all.get(waiting);
        assertThat(w.score()).isEqualTo(80);
        assertThat(w.hot()).isTrue();
        assertThat(w.finalStage()).isFalse();
        assertThat(w.callRequested()).isTrue();
        assertThat(w.needsHuman()).isTrue();
        assertThat(w.humanLed()).isTrue();
        assertThat(w.assigneeId()).isEqualTo(aliya);
        assertThat(w.lastClientMessageAt()).isEqualTo(at("2026-11-20T11:05:00Z"));
        assertThat(w.lastOutboundAt()).isEqualTo(at("2026-11-20T11:01:00Z"));
        assertThat(w.lastActivityAt()).isEqualTo(at("2026-11-20T11:07:00Z"));
        assertThat(w.followUpsExhausted()).isFalse();
        assertThat(w.decidedSinceExhausted()).isFalse();
        assertThat(w.snoozedUntil()).isEqualTo(at("2026-11-20T12:30:00Z"));
        assertThat(w.openTasks())
                .extracting(OpenTask::title, OpenTask::call, OpenTask::dueAt, OpenTask::dueText)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Позвонить", true, null, "завтра после обеда"),
                        org.assertj.core.groups.Tuple.tuple(
                                "Отправить смету", false, at("2026-11-21T05:00:00Z"), null));
        assertThat(w.openTasks().get(1).snoozedUntil()).isEqualTo(at("2026-11-20T13:00:00Z"));

        LeadSituation closed = all.get(won);
        assertThat(closed.finalStage()).isTrue();
        assertThat(closed.callRequested()).isFalse();
        assertThat(closed.hot()).isFalse();
        assertThat(closed.assigneeId()).isNull();
        assertThat(closed.lastClientMessageAt()).isNull();
        assertThat(closed.lastOutboundAt()).isNull();
        assertThat(closed.lastActivityAt()).isEqualTo(at("2026-11-02T10:00:00Z"));
        assertThat(closed.openTasks()).isEmpty();
        assertThat(closed.snoozedUntil()).isNull();
    }

    @Test
    void decidedSinceMeansAPersonActedAfterTheFollowUpsRanOut() {
        Map<Long, LeadSituation> all = read(acme, List.of(decided, undecided, quiet));
        assertThat(all.get(decided).followUpsExhausted()).isTrue();
        assertThat(all.get(decided).decidedSinceExhausted()).isTrue();
        assertThat(all.get(undecided).followUpsExhausted()).isTrue();
        // a person acted before the follow-ups ran out, only the system after
        assertThat(all.get(undecided).decidedSinceExhausted()).isFalse();
        assertThat(all.get(undecided).lastActivityAt()).isEqualTo(at("2026-11-12T10:00:00Z"));
        assertThat(all.get(quiet).followUpsExhausted()).isFalse();
        assertThat(all.get(quiet).decidedSinceExhausted()).isFalse();
    }

    @Test
    void anotherCompanyReadsOnlyItsOwnRows() {
        long otherLead = DB.number(other, "SELECT id FROM leads");
        Map<Long, LeadSituation> theirs = read(other, List.of(otherLead, waiting, quiet));
        assertThat(theirs).containsOnlyKeys(otherLead);
        LeadSituation s = theirs.get(otherLead);
        assertThat(s.score()).isEqualTo(99);
        assertThat(s.lastClientMessageAt()).isEqualTo(at("2026-11-25T11:00:00Z"));
        assertThat(s.openTasks()).extracting(OpenTask::title).containsExactly("Чужой звонок");
        // and acme's read of the same id is acme's lead
        if (read(acme, List.of(otherLead)).containsKey(otherLead)) {
            assertThat(read(acme, List.of(otherLead)).get(otherLead).score()).isNotEqualTo(99);
        }
    }

    @Test
    void theNewestOfALongHistoryIsFoundWithoutReadingIt() {
        long chatty =
                lead(
                        acme,
                        "+77010000006",
                        "IN_PROGRESS",
                        "WARM",
                        50,
                        false,
                        "AI",
                        null,
                        false,
                        "2026-10-01T10:00:00Z",
                        null);
        // 300 messages, client and AI taking turns a minute apart, then the newest client message
        // and, after it, two sends that failed: the newest delivered answer lies further back
        DB.sql(
                acme,
                "INSERT INTO messages (lead_id, direction, author, kind, text, status, created_at)"
                        + " SELECT "
                        + chatty
                        + ", CASE WHEN g % 2 = 0 THEN 'IN' ELSE 'OUT' END,"
                        + " CASE WHEN g % 2 = 0 THEN 'CLIENT' ELSE 'AI' END, 'text', 'x',"
                        + " CASE WHEN g % 2 = 0 THEN 'RECEIVED' ELSE 'SENT' END,"
                        + " timestamptz '2026-10-01T10:00:00Z' + g * interval '1 minute'"
                        + " FROM generate_series(1, 300) g");
        message(acme, chatty, "IN", "CLIENT", "RECEIVED", "2026-10-01T16:00:00Z");
        message(acme, chatty, "OUT", "AI", "FAILED", "2026-10-01T16:01:00Z");
        message(acme, chatty, "OUT", "AI", "FAILED", "2026-10-01T16:02:00Z");
        // 200 events, one follow-up run finished among them, the newest an hour after the messages
        DB.sql(
                acme,
                "INSERT INTO lead_events (lead_id, type, actor, created_at) SELECT "
                        + chatty
                        + ", CASE WHEN g = 120 THEN 'followup.finished' ELSE 'field.updated' END,"
                        + " 'AI', timestamptz '2026-10-01T10:00:00Z' + g * interval '1 minute'"
                        + " + CASE WHEN g = 200 THEN interval '4 hours' ELSE interval '0' END"
                        + " FROM generate_series(1, 200) g");

        LeadSituation s = read(acme, List.of(chatty)).get(chatty);
        assertThat(s.lastClientMessageAt()).isEqualTo(at("2026-10-01T16:00:00Z"));
        assertThat(s.lastOutboundAt()).isEqualTo(at("2026-10-01T14:59:00Z"));
        assertThat(s.lastActivityAt()).isEqualTo(at("2026-10-01T17:20:00Z"));

        // each newest value is one backward step on an index: none of those five scans returns
        // more than one row or skips more than the newer rows of the other kind (the newest
        // delivered answer skips two failed sends and two client messages), however long the
        // history (ADR 052)
        String plan =
                DB.plan(
                        acme,
                        "(ANALYZE, COSTS OFF, TIMING OFF) SELECT "
                                + LeadSituations.Row.COLUMNS
                                + LeadSituations.Row.FROM
                                + " WHERE l.id = "
                                + chatty);
        List<List<String>> newest = backwardScans(plan);
        assertThat(newest).hasSize(5);
        assertThat(newest)
                .allSatisfy(
                        scan -> {
                            assertThat(number(scan, "\\(actual rows=(\\d+)"))
                                    .isLessThanOrEqualTo(1);
                            assertThat(number(scan, "Rows Removed by Filter: (\\d+)"))
                                    .isLessThanOrEqualTo(4);
                        });
        assertThat(plan).doesNotContain("Seq Scan");
    }

    /** Each backward index scan of the plan: its line and its detail lines. */
    private static List<List<String>> backwardScans(String plan) {
        List<List<String>> scans = new java.util.ArrayList<>();
        List<String> current = null;
        for (String line : plan.lines().toList()) {
            if (line.contains("->")) {
                current = null;
            }
            if (line.contains("Scan Backward")
                    && (line.contains(" on messages") || line.contains(" on lead_events"))) {
                current = new java.util.ArrayList<>();
                scans.add(current);
            }
            if (current != null) {
                current.add(line);
            }
        }
        return scans;
    }

    /** The number a pattern finds in a scan's lines, or 0. */
    private static long number(List<String> scan, String pattern) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(pattern);
        return scan.stream()
                .map(p::matcher)
                .filter(java.util.regex.Matcher::find)
                .mapToLong(m -> Long.parseLong(m.group(1)))
                .findFirst()
                .orElse(0);
    }

    @Test
    void noLeadsNoQueries() {
        assertThat(read(acme, List.of())).isEmpty();
    }

    @Test
    void plannerSettingsComeFromTheCompanysDirectoryEntryAndTheReader() {
        DB.sql(acme, "UPDATE crm_settings SET stale_after_days = 7");
        var directory = DB.directory();
        assertThat(directory.of(acme.id()).zone()).isEqualTo(ZoneId.of("Asia/Almaty"));
        assertThat(directory.of(other.id()).zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        NextActions actions =
                NextActions.at(Clock.fixed(at("2026-11-20T12:00:00Z"), ZoneOffset.UTC), directory);
        PlannerSettings settings = DB.data(acme, 1, "owner").work(work -> actions.settings(work));
        assertThat(settings.staleAfterDays()).isEqualTo(7);
        assertThat(settings.zone()).isEqualTo(ZoneId.of("Asia/Almaty"));
        assertThat(settings.locale()).isEqualTo(ReaderLanguage.RUSSIAN);
        PlannerSettings theirs = DB.data(other, 1, "owner").work(work -> actions.settings(work));
        assertThat(theirs.staleAfterDays()).isEqualTo(3);
        assertThat(theirs.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        // a stored name that is no zone reads as UTC
        assertThat(TenantDirectory.zoneOf("Mars/Olympus")).isEqualTo(ZoneOffset.UTC);
        assertThat(TenantDirectory.zoneOf(null)).isEqualTo(ZoneOffset.UTC);
        // a company that is not provisioned has no entry: a broken invariant, not a default
        assertThatThrownBy(() -> directory.of(987_654L)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theReadersLanguageIsRussianOrEnglish() {
        assertThat(ReaderLanguage.resolve(null, "ru")).isEqualTo(ReaderLanguage.RUSSIAN);
        assertThat(ReaderLanguage.resolve(null, "en")).isEqualTo(Locale.ENGLISH);
        assertThat(ReaderLanguage.resolve("en-US,en;q=0.9", "ru")).isEqualTo(Locale.ENGLISH);
        assertThat(ReaderLanguage.resolve("kk-KZ,ru;q=0.8", "en"))
                .isEqualTo(ReaderLanguage.RUSSIAN);
        assertThat(ReaderLanguage.resolve("de-DE,en;q=0.5", "ru")).isEqualTo(Locale.ENGLISH);
        assertThat(ReaderLanguage.resolve("de-DE", "ru")).isEqualTo(ReaderLanguage.RUSSIAN);
        assertThat(ReaderLanguage.resolve(";;;", null)).isEqualTo(ReaderLanguage.RUSSIAN);
    }
}
