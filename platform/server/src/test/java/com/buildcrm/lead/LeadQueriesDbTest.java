package com.buildcrm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.lead.LeadViews.LeadPage;
import com.buildcrm.lead.LeadViews.LeadResponse;
import com.buildcrm.now.situation.NextActions;
import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.web.ApiProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lead list's native queries (filters, search, keyset paging, counts, per-stage counts and the
 * managers' visibility) on real PostgreSQL, through {@link LeadService} with a bound tenant. A
 * second company with look-alike rows must never show up.
 */
class LeadQueriesDbTest {

    private static final DbTier DB = DbTier.get();
    private static TenantRef acme;
    private static long owner = 1;
    private static long aliya;
    private static long bolat;
    private static long newStage;
    private static long progressStage;
    private static long wonStage;

    @BeforeAll
    static void seed() {
        acme = DB.newTenant("leads", "Asia/Almaty");
        TenantRef other = DB.newTenant("leads-other", "Asia/Almaty");
        DB.sql(
                acme,
                "INSERT INTO users (email, name, role, password_hash) VALUES"
                        + " ('aliya@acme.kz', 'Aliya', 'manager', 'x'),"
                        + " ('bolat@acme.kz', 'Bolat', 'manager', 'x')");
        aliya = DB.number(acme, "SELECT id FROM users WHERE email = 'aliya@acme.kz'");
        bolat = DB.number(acme, "SELECT id FROM users WHERE email = 'bolat@acme.kz'");
        newStage = DB.stage(acme, "NEW");
        progressStage = DB.stage(acme, "IN_PROGRESS");
        wonStage = DB.stage(acme, "WON");
        long lost = DB.stage(acme, "LOST");
        // created_at in UTC; Almaty is UTC+5, so 2026-11-09T20:00Z is already 10 November there
        DB.sql(
                acme,
                lead(
                        "+77010000001",
                        "Айгерим",
                        "Алматы",
                        newStage,
                        "HOT",
                        90,
                        "AI",
                        aliya,
                        false,
                        "Хочу дом 8 на 10",
                        "2026-11-01T10:00:00Z",
                        "2026-11-02T10:00:00Z"),
                lead(
                        "+77010000002",
                        "Boris",
                        "алматы",
                        progressStage,
                        "WARM",
                        50,
                        "HUMAN",
                        bolat,
                        true,
                        "скидка 100%?",
                        "2026-11-05T10:00:00Z",
                        "2026-11-06T10:00:00Z"),
                lead(
                        "+77015551234",
                        null,
                        "Астана",
                        newStage,
                        "COLD",
                        10,
                        "AI",
                        null,
                        false,
                        "позвоните после 18:00",
                        "2026-11-09T20:00:00Z",
                        "2026-11-09T21:00:00Z"),
                lead(
                        "+77010000004",
                        "Dana_1",
                        "Шымкент",
                        wonStage,
                        "HOT",
                        70,
                        "HUMAN",
                        aliya,
                        false,
                        "договорились",
                        "2026-11-15T10:00:00Z",
                        "2026-11-16T10:00:00Z"),
                lead(
                        "+77010000005",
                        "Erlan",
                        null,
                        lost,
                        "COLD",
                        0,
                        "AI",
                        null,
                        false,
                        null,
                        "2026-10-20T10:00:00Z",
                        null));
        DB.sql(
                other,
                lead(
                        "+77010000001",
                        "Айгерим",
                        "Алматы",
                        DB.stage(other, "NEW"),
                        "HOT",
                        95,
                        "AI",
                        null,
                        false,
                        "Хочу дом 8 на 10",
                        "2026-11-01T10:00:00Z",
                        "2026-11-02T10:00:00Z"));
    }

    private static String lead(
            String phone,
            String name,
            String city,
            long stage,
            String temperature,
            int score,
            String handledBy,
            Long assignee,
            boolean noReply,
            String lastText,
            String createdAt,
            String lastMessageAt) {
        return "INSERT INTO leads (phone, name, city, stage_id, temperature, score, handled_by,"
                + " assignee_id, no_reply, last_message_text, last_message_direction,"
                + " last_message_at, created_at) VALUES ("
                + String.join(
                        ", ",
                        quote(phone),
                        quote(name),
                        quote(city),
                        Long.toString(stage),
                        quote(temperature),
                        Integer.toString(score),
                        quote(handledBy),
                        assignee == null ? "NULL" : assignee.toString(),
                        Boolean.toString(noReply),
                        quote(lastText),
                        lastText == null ? "NULL" : "'IN'",
                        lastMessageAt == null ? "NULL" : quote(lastMessageAt) + "::timestamptz",
                        quote(createdAt) + "::timestamptz")
                + ")";
    }

    private static String quote(String s) {
        return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
    }

    private static LeadService service(long userId, String role) {
        return service(acme, userId, role);
    }

    private static LeadService service(TenantRef tenant, long userId, String role) {
        LeadService service = new LeadService();
        service.data = DB.data(tenant, userId, role);
        service.directory = DB.directory();
        service.nextActions = NextActions.at(Clock.systemUTC(), service.directory);
        return service;
    }

    private static LeadFilterParams params(Map<String, String> values) {
        return LeadFilterParams.of(
                values.get("stage"),
                values.get("temperature"),
                values.get("assignee"),
                values.get("handledBy"),
                values.get("noReply"),
                values.get("city"),
                values.get("from"),
                values.get("to"),
                values.get("q"));
    }

    private static List<String> phones(Map<String, String> filter) {
        LeadPage page = service(owner, "owner").list(params(filter), "score", null, 200);
        assertThat(page.total()).isEqualTo(page.items().size());
        return page.items().stream().map(LeadResponse::phone).toList();
    }

    @Test
    void everyFilterSelectsExactlyItsLeads() {
        assertThat(phones(Map.of()))
                .containsExactly(
                        "+77010000001",
                        "+77010000004",
                        "+77010000002",
                        "+77015551234",
                        "+77010000005");
        assertThat(phones(Map.of("stage", Long.toString(newStage))))
                .containsExactly("+77010000001", "+77015551234");
        assertThat(phones(Map.of("temperature", "hot")))
                .containsExactly("+77010000001", "+77010000004");
        assertThat(phones(Map.of("assignee", "none")))
                .containsExactly("+77015551234", "+77010000005");
        assertThat(phones(Map.of("assignee", Long.toString(aliya))))
                .containsExactly("+77010000001", "+77010000004");
        assertThat(phones(Map.of("handledBy", "human")))
                .containsExactly("+77010000004", "+77010000002");
        assertThat(phones(Map.of("noReply", "true"))).containsExactly("+77010000002");
        assertThat(phones(Map.of("stage", Long.toString(newStage), "temperature", "COLD")))
                .containsExactly("+77015551234");
    }

    @Test
    void cityIsMatchedWithoutCaseInCyrillic() {
        assertThat(phones(Map.of("city", "АЛМАТЫ")))
                .containsExactly("+77010000001", "+77010000002");
    }

    @Test
    void datesAreDaysInTheCompanysZone() {
        // 2026-11-09T20:00Z is 10 November in Almaty: not on the 9th, but on the 10th
        assertThat(phones(Map.of("from", "2026-11-05", "to", "2026-11-09")))
                .containsExactly("+77010000002");
        assertThat(phones(Map.of("from", "2026-11-10", "to", "2026-11-10")))
                .containsExactly("+77015551234");
        assertThat(phones(Map.of("to", "2026-10-31"))).containsExactly("+77010000005");
    }

    @Test
    void searchLooksAtNameCityLastMessageAndPhoneDigits() {
        assertThat(phones(Map.of("q", "дом"))).containsExactly("+77010000001");
        assertThat(phones(Map.of("q", "астана"))).containsExactly("+77015551234");
        assertThat(phones(Map.of("q", "ERLAN"))).containsExactly("+77010000005");
        // typed as people type a number
        assertThat(phones(Map.of("q", "555 12-34"))).containsExactly("+77015551234");
        // LIKE's wildcards are literal characters in a search
        assertThat(phones(Map.of("q", "%"))).containsExactly("+77010000002");
        assertThat(phones(Map.of("q", "a_1"))).containsExactly("+77010000004");
        assertThat(phones(Map.of("q", "_"))).containsExactly("+77010000004");
    }

    @Test
    void searchFindsAWordFromAnyMessageNotOnlyTheLastOne() {
        long boris = DB.number(acme, "SELECT id FROM leads WHERE phone = '+77010000002'");
        DB.sql(
                acme,
                "INSERT INTO messages (lead_id, direction, author, kind, text, status) VALUES ("
                        + boris
                        + ", 'IN', 'CLIENT', 'text', 'А рассрочка на год возможна?', 'RECEIVED')");
        try {
            assertThat(phones(Map.of("q", "рассрочк"))).containsExactly("+77010000002");
            assertThat(phones(Map.of("q", "Рассрочка"))).containsExactly("+77010000002");
        } finally {
            DB.sql(acme, "DELETE FROM messages WHERE lead_id = " + boris);
        }
    }

    @Test
    void searchIsOneTrigramIndexScanNotAScanOfTheTable() {
        // with sequential scans priced out, a plan that still needs one has no index to use
        String plan =
                DB.plan(
                        acme,
                        "SELECT id FROM leads WHERE id = ANY(ARRAY(SELECT id FROM leads WHERE "
                                + LeadService.SEARCH_TEXT_LOWER
                                + " LIKE lower('%Дом 8%') OR "
                                + LeadService.SEARCH_TEXT_LOWER
                                + " LIKE '%55512%' UNION SELECT lead_id FROM messages WHERE"
                                + " lower(text) LIKE lower('%Дом 8%')))");
        assertThat(plan).contains("leads_search_trgm_idx").contains("messages_text_trgm_idx");
        // the leads are read by key from the matches' array, never through an OR with it (that
        // recheck would search the whole array for every lead that matched only by a message)
        assertThat(plan).contains("leads_pkey");
        assertThat(plan.lines().filter(l -> l.contains("= ANY")))
                .isNotEmpty()
                .noneMatch(l -> l.contains(" OR "));
        assertThat(plan).doesNotContain("Seq Scan");
    }

    @Test
    void aSearchCountsEveryMatchOnEveryPage() {
        LeadService service = service(owner, "owner");
        long boris = DB.number(acme, "SELECT id FROM leads WHERE phone = '+77010000002'");
        long dana = DB.number(acme, "SELECT id FROM leads WHERE phone = '+77010000004'");
        // Dana matches only through an older message, Boris through two of them
        DB.sql(
                acme,
                "INSERT INTO messages (lead_id, direction, author, kind, text, status) VALUES ("
                        + dana
                        + ", 'IN', 'CLIENT', 'text', 'Фундамент готов', 'RECEIVED'), ("
                        + boris
                        + ", 'IN', 'CLIENT', 'text', 'ФУНДАМЕНТ ленточный', 'RECEIVED'), ("
                        + boris
                        + ", 'IN', 'CLIENT', 'text', 'а фундамент?', 'RECEIVED')");
        try {
            // two leads match, each only through its messages, one of them twice
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                LeadPage page = service.list(params(Map.of("q", "фундамент")), "score", cursor, 1);
                assertThat(page.total()).isEqualTo(2);
                assertThat(page.totalCapped()).isFalse();
                page.items().forEach(l -> seen.add(l.phone()));
                cursor = page.nextCursor();
            } while (cursor != null);
            assertThat(seen).containsExactly("+77010000004", "+77010000002");
            // the phone digits: four leads, one per page, each page saying four
            for (String sort : List.of("score", "lastActivity", "createdAt")) {
                List<String> digits = new ArrayList<>();
                cursor = null;
                do {
                    LeadPage page = service.list(params(Map.of("q", "0000")), sort, cursor, 1);
                    assertThat(page.total()).as(sort).isEqualTo(4);
                    page.items().forEach(l -> digits.add(l.phone()));
                    cursor = page.nextCursor();
                } while (cursor != null);
                assertThat(digits).as(sort).hasSize(4).doesNotHaveDuplicates();
            }
            // a cursor past the last match: an empty page that still says how many matched
            String pastTheEnd =
                    new LeadSort.Cursor(LeadSort.SCORE, -1, java.time.Instant.EPOCH, 0).encode();
            LeadPage empty = service.list(params(Map.of("q", "0000")), "score", pastTheEnd, 1);
            assertThat(empty.items()).isEmpty();
            assertThat(empty.total()).isEqualTo(4);
            assertThat(empty.nextCursor()).isNull();
            // a filter narrows what the search counts
            LeadPage hot =
                    service.list(
                            params(Map.of("q", "0000", "temperature", "HOT")), "score", null, 1);
            assertThat(hot.total()).isEqualTo(2);
            assertThat(hot.items()).extracting(LeadResponse::phone).containsExactly("+77010000001");
        } finally {
            DB.sql(acme, "DELETE FROM messages WHERE lead_id IN (" + boris + ", " + dana + ")");
        }
    }

    @Test
    void theBoardReadsTheFirstPageOfEveryStageInOneGo() {
        LeadService service = service(owner, "owner");
        Map<Long, LeadPage> pages =
                service.data.tx(
                        em ->
                                service.firstPagesByStage(
                                        em,
                                        service.filter(params(Map.of())),
                                        List.of(newStage, progressStage, wonStage),
                                        1));
        // NEW holds two leads: the higher score first, and a cursor to the second
        assertThat(pages.get(newStage).items())
                .extracting(LeadResponse::phone)
                .containsExactly("+77010000001");
        String cursor = pages.get(newStage).nextCursor();
        assertThat(cursor).isNotNull();
        LeadPage rest =
                service.list(params(Map.of("stage", Long.toString(newStage))), "score", cursor, 1);
        assertThat(rest.items()).extracting(LeadResponse::phone).containsExactly("+77015551234");
        assertThat(pages.get(progressStage).items())
                .extracting(LeadResponse::phone)
                .containsExactly("+77010000002");
        assertThat(pages.get(progressStage).nextCursor()).isNull();
        assertThat(pages.get(wonStage).items())
                .extracting(LeadResponse::phone)
                .containsExactly("+77010000004");
        // the filter and a manager's visibility apply inside every column
        DB.sql(acme, "UPDATE crm_settings SET managers_see_all = false");
        try {
            LeadService bolatView = service(bolat, "manager");
            Map<Long, LeadPage> his =
                    bolatView.data.tx(
                            em ->
                                    bolatView.firstPagesByStage(
                                            em,
                                            bolatView.filter(params(Map.of())),
                                            List.of(newStage, progressStage, wonStage),
                                            20));
            assertThat(his.get(newStage).items()).isEmpty();
            assertThat(his.get(wonStage).items()).isEmpty();
            assertThat(his.get(progressStage).items())
                    .extracting(LeadResponse::phone)
                    .containsExactly("+77010000002");
        } finally {
            DB.sql(acme, "UPDATE crm_settings SET managers_see_all = true");
        }
    }

    @Test
    void aSearchedBoardIsTheSameColumnsReadInOneStatement() {
        LeadService service = service(owner, "owner");
        List<Long> stageIds = stages();
        // the search's one statement against the per-stage walks, which take the same filter
        for (Map<String, String> filter :
                List.of(
                        Map.of("q", "0000"),
                        Map.of("q", "алматы"),
                        Map.of("q", "0000", "temperature", "HOT"),
                        Map.of("q", "Вольфрам"))) {
            for (int size : List.of(1, 20)) {
                LeadService.Columns searched =
                        service.data.tx(
                                em ->
                                        service.columns(
                                                em,
                                                service.filter(params(filter)),
                                                stageIds,
                                                size));
                Map<Long, Long> counts = countsByStage(service, filter, stageIds);
                Map<Long, LeadPage> walked =
                        service.data.tx(
                                em ->
                                        service.firstPagesByStage(
                                                em,
                                                service.filter(params(filter)),
                                                List.copyOf(counts.keySet()),
                                                size));
                assertThat(searched.counts()).as(filter + " " + size).isEqualTo(counts);
                assertThat(searched.pages()).as(filter + " " + size).isEqualTo(walked);
            }
        }
        // and what that is, for one: one lead with 0000 in each stage that has leads
        LeadService.Columns zeros =
                service.data.tx(
                        em ->
                                service.columns(
                                        em,
                                        service.filter(params(Map.of("q", "0000"))),
                                        stageIds,
                                        1));
        assertThat(zeros.counts())
                .containsEntry(newStage, 1L)
                .containsEntry(progressStage, 1L)
                .containsEntry(wonStage, 1L)
                .hasSize(4); // and LOST's Erlan
        assertThat(zeros.pages().get(newStage).items())
                .extracting(LeadResponse::phone)
                .containsExactly("+77010000001");
        assertThat(zeros.pages().get(newStage).nextCursor()).isNull();
    }

    @Test
    void keysetPagesCoverEveryLeadOnceInEachSort() {
        for (String sort : List.of("score", "lastActivity", "createdAt")) {
            LeadService service = service(owner, "owner");
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                LeadPage page = service.list(params(Map.of()), sort, cursor, 2);
                assertThat(page.total()).isEqualTo(5);
                assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
                page.items().forEach(l -> seen.add(l.phone()));
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null);
            assertThat(pages).isEqualTo(3);
            List<String> all =
                    service.list(params(Map.of()), sort, null, 200).items().stream()
                            .map(LeadResponse::phone)
                            .toList();
            assertThat(seen).as(sort).isEqualTo(all).doesNotHaveDuplicates().hasSize(5);
        }
        assertThat(
                        service(owner, "owner")
                                .list(params(Map.of()), "createdAt", null, 200)
                                .items()
                                .get(0)
                                .phone())
                .isEqualTo("+77010000004");
        assertThat(
                        service(owner, "owner")
                                .list(params(Map.of()), "lastActivity", null, 200)
                                .items()
                                .stream()
                                .map(LeadResponse::phone)
                                .toList())
                .containsExactly(
                        "+77010000004",
                        "+77015551234",
                        "+77010000002",
                        "+77010000001",
                        "+77010000005");
    }

    @Test
    void countsPerStageMatchTheFilter() {
        LeadService service = service(owner, "owner");
        Map<Long, Long> all = countsByStage(service, Map.of(), stages());
        assertThat(all).containsEntry(newStage, 2L).containsEntry(progressStage, 1L);
        assertThat(all.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
        Map<Long, Long> hot = countsByStage(service, Map.of("temperature", "HOT"), stages());
        assertThat(hot).containsOnly(Map.entry(newStage, 1L), Map.entry(wonStage, 1L));
    }

    /** The per-stage counts as the board takes them: inside the request's tenant transaction. */
    private static Map<Long, Long> countsByStage(
            LeadService service, Map<String, String> filter, List<Long> stageIds) {
        return service.data.tx(
                em -> service.countByStage(em, service.filter(params(filter)), stageIds));
    }

    /** Every stage id of the company. */
    private static List<Long> stages() {
        return DB.column(acme, "SELECT id FROM stages ORDER BY id").stream()
                .map(id -> ((Number) id).longValue())
                .toList();
    }

    @Test
    void countsStopAtTheCapAndSaySo() {
        TenantRef many = DB.newTenant("leads-many", "Asia/Almaty");
        long manyNew = DB.stage(many, "NEW");
        long manyWon = DB.stage(many, "WON");
        int over = LeadService.COUNT_CAP + 200;
        DB.sql(
                many,
                "INSERT INTO leads (phone, name, stage_id, created_at) SELECT '+7702' || lpad(i::text,"
                        + " 7, '0'), 'Lead ' || i, "
                        + manyNew
                        + ", now() FROM generate_series(1, "
                        + over
                        + ") i");
        DB.sql(
                many,
                "INSERT INTO leads (phone, name, stage_id, created_at) SELECT '+7703' || lpad(i::text,"
                        + " 7, '0'), 'Won ' || i, "
                        + manyWon
                        + ", now() FROM generate_series(1, 3) i");
        LeadService service = service(many, owner, "owner");
        Map<Long, Long> counts = countsByStage(service, Map.of(), List.of(manyNew, manyWon));
        // counting stops one past the cap: "more than the cap", not the exact 1,200
        assertThat(counts)
                .containsOnly(
                        Map.entry(manyNew, (long) LeadService.COUNT_CAP + 1),
                        Map.entry(manyWon, 3L));
        assertThat(LeadService.Capped.of(counts.get(manyNew)))
                .isEqualTo(new LeadService.Capped(LeadService.COUNT_CAP, true));
        assertThat(LeadService.Capped.of(counts.get(manyWon)))
                .isEqualTo(new LeadService.Capped(3, false));
        LeadPage all = service.list(params(Map.of()), "score", null, 10);
        assertThat(all.total()).isEqualTo(LeadService.COUNT_CAP);
        assertThat(all.totalCapped()).isTrue();
        // a search counts its matches the same way
        LeadPage found = service.list(params(Map.of("q", "lead")), "score", null, 10);
        assertThat(found.items()).hasSize(10);
        assertThat(found.total()).isEqualTo(LeadService.COUNT_CAP);
        assertThat(found.totalCapped()).isTrue();
        LeadPage wonFound = service.list(params(Map.of("q", "WON")), "score", null, 10);
        assertThat(wonFound.total()).isEqualTo(3);
        assertThat(wonFound.totalCapped()).isFalse();
        LeadPage won =
                service.list(params(Map.of("stage", Long.toString(manyWon))), "score", null, 10);
        assertThat(won.total()).isEqualTo(3);
        assertThat(won.totalCapped()).isFalse();
        // exactly the cap is still exact
        DB.sql(
                many,
                "DELETE FROM leads WHERE stage_id = "
                        + manyNew
                        + " AND id IN (SELECT id FROM leads WHERE stage_id = "
                        + manyNew
                        + " ORDER BY id LIMIT 203)");
        LeadPage exact = service.list(params(Map.of()), "score", null, 10);
        assertThat(exact.total()).isEqualTo(LeadService.COUNT_CAP);
        assertThat(exact.totalCapped()).isFalse();
    }

    @Test
    void aManagerWhoSeesOnlyTheirOwnLeadsSeesNothingElse() {
        LeadService managerView = service(aliya, "manager");
        assertThat(managerView.list(params(Map.of()), "score", null, 200).total()).isEqualTo(5);
        DB.sql(acme, "UPDATE crm_settings SET managers_see_all = false");
        try {
            LeadPage mine = managerView.list(params(Map.of()), "score", null, 200);
            assertThat(mine.items().stream().map(LeadResponse::phone))
                    .containsExactly("+77010000001", "+77010000004");
            assertThat(mine.total()).isEqualTo(2);
            long borisId = DB.number(acme, "SELECT id FROM leads WHERE phone = '+77010000002'");
            assertThatThrownBy(() -> managerView.get(borisId))
                    .isInstanceOfSatisfying(
                            ApiProblem.class, p -> assertThat(p.status()).isEqualTo(404));
            // the owner is not limited by the setting
            assertThat(service(owner, "owner").list(params(Map.of()), "score", null, 200).total())
                    .isEqualTo(5);
        } finally {
            DB.sql(acme, "UPDATE crm_settings SET managers_see_all = true");
        }
    }
}
