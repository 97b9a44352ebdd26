package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.it.Api.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lead list's filters, sorts and cursors, and the board, on real leads from the sandbox. */
class CrmBoardIT {

    private static Api api;
    private static CrmFixture a;
    private static CrmFixture b;
    private static long asel;
    private static long berik;
    private static long vera;
    private static long gani;
    private static long managerId;
    private static String manager;

    @BeforeAll
    static void setUp() {
        api = SharedServer.get().api();
        String operator =
                api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        a = new CrmFixture(api, operator, "board-a");
        b = new CrmFixture(api, operator, "board-b");
        a.clientWrites("+7 701 000 11 01", "Асель", "Дом в Алматы");
        a.clientWrites("+7 701 000 11 02", "Берик", "Нужен дом в Астане");
        a.clientWrites("+7 701 000 11 03", "Вера", "Цена?");
        a.clientWrites("+7 701 000 11 04", "Гани", "Хочу дом");
        b.clientWrites("+7 701 000 11 01", "Другая компания", "Здравствуйте");
        Map<String, JsonObject> leads = a.awaitLeads(4);
        b.awaitLeads(1);
        asel = CrmFixture.id(leads.get("Асель"));
        berik = CrmFixture.id(leads.get("Берик"));
        vera = CrmFixture.id(leads.get("Вера"));
        gani = CrmFixture.id(leads.get("Гани"));
        managerId = a.createManager("Марат", "marat@board-a.kz");
        manager = a.login("marat@board-a.kz");
        a.patchLead(asel, "{\"city\":\"Алматы\",\"stageId\":" + a.stageId("IN_PROGRESS") + "}");
        a.patchLead(berik, "{\"city\":\"Астана\",\"assigneeId\":" + managerId + "}");
        a.patchLead(vera, "{\"assigneeId\":" + managerId + "}");
    }

    private static List<Long> ids(String query) {
        return ids(query, a.owner);
    }

    private static List<Long> ids(String query, String token) {
        return a.leads("/api/crm/leads?limit=200&" + query, token).stream()
                .map(v -> CrmFixture.id(v.asJsonObject()))
                .toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void eachFilterNarrowsTheList() {
        assertThat(ids("stage=" + a.stageId("IN_PROGRESS"))).containsExactly(asel);
        assertThat(ids("city=" + enc("алматы"))).containsExactly(asel);
        assertThat(ids("assignee=" + managerId)).containsExactlyInAnyOrder(berik, vera);
        assertThat(ids("assignee=none")).containsExactlyInAnyOrder(asel, gani);
        assertThat(ids("assignee=me", manager)).containsExactlyInAnyOrder(berik, vera);
        assertThat(ids("q=" + enc("астане"))).containsExactly(berik);
        assertThat(ids("q=" + enc("Вера"))).containsExactly(vera);
        assertThat(ids("q=" + enc("701 000 11 04"))).containsExactly(gani);
        assertThat(ids("temperature=COLD")).hasSize(4);
        assertThat(ids("temperature=HOT")).isEmpty();
        assertThat(ids("handledBy=ai")).hasSize(4);
        assertThat(ids("handledBy=human")).isEmpty();
        assertThat(ids("noReply=false")).hasSize(4);
        assertThat(ids("noReply=true")).isEmpty();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Almaty"));
        assertThat(ids("from=" + today + "&to=" + today)).hasSize(4);
        assertThat(ids("to=" + today.minusDays(1))).isEmpty();
        assertThat(ids("from=" + today.plusDays(1))).isEmpty();
        assertThat(ids("from=" + enc(java.time.OffsetDateTime.now().minusHours(1).toString())))
                .hasSize(4);
        Reply r = api.get("/api/crm/leads?assignee=" + managerId + "&limit=1", a.owner);
        assertThat(r.json().getJsonNumber("total").longValue()).isEqualTo(2);
        assertThat(r.json().getJsonArray("items")).hasSize(1);
    }

    @Test
    void everySortPagesThroughAllLeadsOnceInOrder() {
        for (String sort : List.of("score", "lastActivity", "createdAt")) {
            List<Long> whole = ids("sort=" + sort);
            assertThat(whole).as(sort).hasSize(4);
            List<Long> paged = new ArrayList<>();
            String cursor = null;
            do {
                JsonObject page =
                        api.get(
                                        "/api/crm/leads?limit=1&sort="
                                                + sort
                                                + (cursor == null ? "" : "&cursor=" + cursor),
                                        a.owner)
                                .json();
                page.getJsonArray("items").forEach(v -> paged.add(CrmFixture.id(v.asJsonObject())));
                cursor =
                        page.containsKey("nextCursor") && !page.isNull("nextCursor")
                                ? page.getString("nextCursor")
                                : null;
            } while (cursor != null && paged.size() < 10);
            assertThat(paged).as(sort).isEqualTo(whole);
        }
        // newest first (by creation time: leads processed in parallel may get ids in another order)
        List<java.time.OffsetDateTime> created =
                a.leads("/api/crm/leads?limit=200&sort=createdAt", a.owner).stream()
                        .map(
                                v ->
                                        java.time.OffsetDateTime.parse(
                                                v.asJsonObject().getString("createdAt")))
                        .toList();
        for (int i = 1; i < created.size(); i++) {
            assertThat(created.get(i)).isBeforeOrEqualTo(created.get(i - 1));
        }
    }

    @Test
    void invalidParametersAreNamedInOneProblem() {
        Reply r =
                api.get(
                        "/api/crm/leads?temperature=warmish&assignee=bob&handledBy=robot"
                                + "&noReply=yes&from=yesterday&stage=first",
                        a.owner);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(
                        r.json().getJsonArray("errors").stream()
                                .map(e -> e.asJsonObject().getString("field"))
                                .toList())
                .containsExactlyInAnyOrder(
                        "temperature", "assignee", "handledBy", "noReply", "from", "stage");
        assertThat(field(api.get("/api/crm/leads?sort=name", a.owner))).isEqualTo("sort");
        assertThat(field(api.get("/api/crm/leads?limit=0", a.owner))).isEqualTo("limit");
        assertThat(field(api.get("/api/crm/leads?cursor=xyz", a.owner))).isEqualTo("cursor");
        String scoreCursor =
                api.get("/api/crm/leads?limit=1", a.owner).json().getString("nextCursor");
        assertThat(field(api.get("/api/crm/leads?sort=createdAt&cursor=" + scoreCursor, a.owner)))
                .isEqualTo("cursor");
        assertThat(field(api.get("/api/crm/board?city=x&noReply=1", a.owner))).isEqualTo("noReply");
    }

    private static String field(Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        return r.json().getJsonArray("errors").getJsonObject(0).getString("field");
    }

    @Test
    void anotherCompanysLeadsNeverShow() {
        JsonArray inB = b.leads("/api/crm/leads", b.owner);
        assertThat(inB).hasSize(1);
        assertThat(inB.getJsonObject(0).getString("name")).isEqualTo("Другая компания");
        assertThat(api.get("/api/crm/leads?q=" + enc("Другая"), a.owner).json().getInt("total"))
                .isZero();
        assertThat(api.get("/api/crm/board", b.owner).body()).doesNotContain("Асель");
        assertThat(api.get("/api/crm/board", a.owner).body()).doesNotContain("Другая компания");
    }

    @Test
    void aManagerWhoSeesOnlyAssignedLeadsGetsOnlyThose() {
        assertThat(ids("", manager)).hasSize(4);
        a.managersSeeAll(false);
        try {
            assertThat(ids("", manager)).containsExactlyInAnyOrder(berik, vera);
            assertThat(ids("assignee=none", manager)).isEmpty();
            JsonObject board = api.get("/api/crm/board", manager).json();
            long total =
                    board.getJsonArray("columns").stream()
                            .mapToLong(c -> c.asJsonObject().getJsonNumber("count").longValue())
                            .sum();
            assertThat(total).isEqualTo(2);
            assertThat(api.get("/api/crm/leads/" + gani, manager).status()).isEqualTo(404);
        } finally {
            a.managersSeeAll(true);
        }
    }

    @Test
    void theBoardHasEveryStageInOrderWithCountsAndFirstPages() {
        JsonObject board = api.get("/api/crm/board?limit=2", a.owner).json();
        List<JsonObject> columns =
                board.getJsonArray("columns").stream().map(JsonValue::asJsonObject).toList();
        JsonArray stages = api.get("/api/crm/stages", a.owner).array();
        assertThat(columns).hasSize(stages.size());
        List<Integer> positions =
                columns.stream().map(c -> c.getJsonObject("stage").getInt("position")).toList();
        assertThat(positions).isSorted();
        JsonObject newColumn = column(columns, "NEW");
        assertThat(newColumn.getJsonNumber("count").longValue()).isEqualTo(3);
        assertThat(newColumn.getJsonArray("leads")).hasSize(2);
        assertThat(newColumn.getJsonObject("stage").keySet())
                .contains("id", "name", "role", "position", "color");
        JsonObject inProgress = column(columns, "IN_PROGRESS");
        assertThat(inProgress.getJsonNumber("count").longValue()).isEqualTo(1);
        assertThat(CrmFixture.id(inProgress.getJsonArray("leads").getJsonObject(0)))
                .isEqualTo(asel);
        assertThat(column(columns, "WON").getJsonNumber("count").longValue()).isZero();

        // the column scrolls on the lead list: same order, no lead twice
        List<Long> firstPage =
                newColumn.getJsonArray("leads").stream()
                        .map(v -> CrmFixture.id(v.asJsonObject()))
                        .toList();
        List<Long> rest =
                ids(
                        "stage="
                                + a.stageId("NEW")
                                + "&sort=score&limit=2&cursor="
                                + newColumn.getString("nextCursor"));
        assertThat(rest).hasSize(1).doesNotContainAnyElementsOf(firstPage);
        List<Long> all = new ArrayList<>(firstPage);
        all.addAll(rest);
        assertThat(all).isEqualTo(ids("stage=" + a.stageId("NEW")));

        // filters apply to every column
        JsonObject mine = api.get("/api/crm/board?assignee=" + managerId, a.owner).json();
        assertThat(
                        column(
                                        mine.getJsonArray("columns").stream()
                                                .map(JsonValue::asJsonObject)
                                                .toList(),
                                        "NEW")
                                .getJsonNumber("count")
                                .longValue())
                .isEqualTo(2);
    }

    @Test
    void theOpenApiDocumentDescribesTheFiltersAndTheEventStream() {
        Reply doc =
                api.raw(
                        java.net.http.HttpRequest.newBuilder(api.uri("/openapi"))
                                .header("Accept", "application/json"));
        assertThat(doc.status()).isEqualTo(200);
        JsonObject paths = doc.json().getJsonObject("paths");
        for (String path : List.of("/api/crm/leads", "/api/crm/board")) {
            assertThat(
                            paths
                                    .getJsonObject(path)
                                    .getJsonObject("get")
                                    .getJsonArray("parameters")
                                    .stream()
                                    .map(p -> p.asJsonObject().getString("name"))
                                    .toList())
                    .as(path)
                    .contains(
                            "stage",
                            "temperature",
                            "assignee",
                            "handledBy",
                            "noReply",
                            "city",
                            "from",
                            "to",
                            "q",
                            "limit");
        }
        assertThat(paths.keySet())
                .contains(
                        "/api/crm/events",
                        "/api/crm/analytics/funnel",
                        "/api/crm/analytics/response-times",
                        "/api/crm/analytics/managers");
    }

    private static JsonObject column(List<JsonObject> columns, String role) {
        return columns.stream()
                .filter(c -> role.equals(c.getJsonObject("stage").getString("role", null)))
                .findFirst()
                .orElseThrow();
    }
}
