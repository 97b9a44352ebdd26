package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.it.Api.Reply;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Now queue on real leads from the sandbox: a client waiting for a person comes first with a
 * reason in Russian, the same suggestion is on the list, the board and the lead card, snoozing
 * hides it, a manager sees only their own and unassigned leads (never the team's), and another
 * company's leads never show.
 */
class NowIT {

    private static final String CYRILLIC = ".*\\p{IsCyrillic}.*";

    private static Api api;
    private static CrmFixture a;
    private static CrmFixture b;
    private static long erlan;
    private static long zhanna;
    private static long gani;
    private static long dana;
    private static long maratId;
    private static String marat;

    @BeforeAll
    static void setUp() {
        api = SharedServer.get().api();
        String operator =
                api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        a = new CrmFixture(api, operator, "now-a");
        b = new CrmFixture(api, operator, "now-b");
        a.clientWrites("+7 701 000 31 01", "Ерлан", "Хочу дом, перезвоните");
        a.clientWrites("+7 701 000 31 02", "Жанна", "Сколько стоит?");
        a.clientWrites("+7 701 000 31 03", "Гани", "Здравствуйте");
        a.clientWrites("+7 701 000 31 04", "Дана", "Добрый день");
        b.clientWrites("+7 701 000 31 09", "Чужой клиент", "Нужен человек");
        Map<String, JsonObject> leads = a.awaitLeads(4);
        b.awaitLeads(1);
        erlan = CrmFixture.id(leads.get("Ерлан"));
        zhanna = CrmFixture.id(leads.get("Жанна"));
        gani = CrmFixture.id(leads.get("Гани"));
        dana = CrmFixture.id(leads.get("Дана"));
        maratId = a.createManager("Марат", "marat@now-a.kz");
        marat = a.login("marat@now-a.kz");
        // the owner takes Ерлан over: a person leads it now and the client wrote last
        takeOver(a.owner, erlan);
        // Жанна is Марат's, and he leads her conversation; Дана is someone else's (the owner's)
        a.patchLead(zhanna, "{\"assigneeId\":" + maratId + "}");
        takeOver(marat, zhanna);
        a.patchLead(dana, "{\"assigneeId\":1}");
        takeOver(a.owner, dana);
        // in the other company, the same: a client waits for a person
        takeOver(b.owner, CrmFixture.id(b.awaitLeads(1).values().iterator().next()));
    }

    private static void takeOver(String token, long leadId) {
        Reply r = api.post("/api/crm/leads/" + leadId + "/takeover", token, "");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static List<JsonObject> now(String query, String token) {
        Reply r = api.get("/api/crm/now" + query, token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.array().stream().map(JsonValue::asJsonObject).toList();
    }

    private static List<Long> leadIds(List<JsonObject> items) {
        return items.stream().map(i -> CrmFixture.id(i.getJsonObject("lead"))).toList();
    }

    private static JsonObject item(List<JsonObject> items, long leadId) {
        return items.stream()
                .filter(i -> CrmFixture.id(i.getJsonObject("lead")) == leadId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("lead " + leadId + " not in " + items));
    }

    @Test
    void aClientWaitingForAPersonIsFirstWithAReasonInRussian() {
        List<JsonObject> items = now("", a.owner);
        assertThat(leadIds(items)).contains(erlan);
        JsonObject first = items.get(0);
        assertThat(first.getJsonObject("action").getString("kind")).isEqualTo("CLIENT_WAITING");
        assertThat(first.getJsonObject("action").getString("reason")).matches(CYRILLIC);
        JsonObject waiting = item(items, erlan).getJsonObject("action");
        assertThat(waiting.getString("kind")).isEqualTo("CLIENT_WAITING");
        // ranked: urgency never rises down the queue
        List<Integer> urgencies =
                items.stream().map(i -> i.getJsonObject("action").getInt("urgency")).toList();
        for (int i = 1; i < urgencies.size(); i++) {
            assertThat(urgencies.get(i)).isLessThanOrEqualTo(urgencies.get(i - 1));
        }
        // the lead in the queue is the lead the list returns, with the same suggestion
        JsonObject lead = item(items, erlan).getJsonObject("lead");
        assertThat(lead.getString("phone")).isEqualTo("+77010003101");
        assertThat(lead.getJsonObject("nextAction").getString("kind")).isEqualTo("CLIENT_WAITING");
        // Марат's Жанна is not the owner's: scope=me holds only the owner's and unassigned leads
        assertThat(leadIds(items)).doesNotContain(zhanna);
    }

    @Test
    void theReasonFollowsTheReadersLanguage() {
        Reply r =
                api.raw(
                        HttpRequest.newBuilder(api.uri("/api/crm/now"))
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + a.owner)
                                .header("Accept-Language", "en-US,en;q=0.9")
                                .GET());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonObject action =
                item(r.array().stream().map(JsonValue::asJsonObject).toList(), erlan)
                        .getJsonObject("action");
        assertThat(action.getString("reason")).doesNotMatch(CYRILLIC);
    }

    @Test
    void theSameSuggestionIsOnTheListTheBoardAndTheCard() {
        JsonArray list = a.leads("/api/crm/leads?limit=200", a.owner);
        JsonObject row =
                list.stream()
                        .map(JsonValue::asJsonObject)
                        .filter(l -> CrmFixture.id(l) == erlan)
                        .findFirst()
                        .orElseThrow();
        JsonObject fromList = row.getJsonObject("nextAction");
        assertThat(fromList.getString("kind")).isEqualTo("CLIENT_WAITING");
        assertThat(fromList.getString("reason")).matches(CYRILLIC);
        assertThat(fromList.getInt("urgency")).isBetween(0, 100);

        JsonObject card = api.get("/api/crm/leads/" + erlan, a.owner).json();
        assertThat(card.getJsonObject("nextAction").getString("kind")).isEqualTo("CLIENT_WAITING");

        JsonObject board = api.get("/api/crm/board", a.owner).json();
        JsonObject onBoard =
                board.getJsonArray("columns").stream()
                        .flatMap(c -> c.asJsonObject().getJsonArray("leads").stream())
                        .map(JsonValue::asJsonObject)
                        .filter(l -> CrmFixture.id(l) == erlan)
                        .findFirst()
                        .orElseThrow();
        assertThat(onBoard.getJsonObject("nextAction").getString("kind"))
                .isEqualTo("CLIENT_WAITING");
    }

    @Test
    void aManagerSeesTheirOwnAndUnassignedLeadsButNotTheTeam() {
        List<JsonObject> mine = now("?scope=me", marat);
        assertThat(leadIds(mine)).contains(zhanna).doesNotContain(dana);
        for (JsonObject i : mine) {
            JsonObject lead = i.getJsonObject("lead");
            if (lead.containsKey("assignee") && !lead.isNull("assignee")) {
                assertThat(CrmFixture.id(lead.getJsonObject("assignee"))).isEqualTo(maratId);
            }
        }
        Reply team = api.get("/api/crm/now?scope=team", marat);
        assertThat(team.status()).isEqualTo(403);
        assertThat(team.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/crm/now/team", marat).status()).isEqualTo(403);
        assertThat(api.get("/api/crm/now?scope=everyone", a.owner).status()).isEqualTo(400);

        a.managersSeeAll(false);
        try {
            assertThat(leadIds(now("", marat))).containsExactly(zhanna);
        } finally {
            a.managersSeeAll(true);
        }
    }

    @Test
    void theOwnerSeesTheTeamAndEachPersonsQueue() {
        List<Long> team = leadIds(now("?scope=team", a.owner));
        assertThat(team).contains(erlan, zhanna);
        JsonArray members = api.get("/api/crm/now/team", a.owner).array();
        JsonObject m =
                members.stream()
                        .map(JsonValue::asJsonObject)
                        .filter(u -> u.getJsonNumber("userId").longValue() == maratId)
                        .findFirst()
                        .orElseThrow();
        assertThat(m.getString("name")).isEqualTo("Марат");
        assertThat(m.getInt("queued")).isGreaterThanOrEqualTo(1);
        assertThat(m.getInt("overdue")).isBetween(0, m.getInt("queued"));
    }

    @Test
    void snoozingHidesTheLeadFromNowAndItsCard() {
        Reply bad = api.post("/api/crm/leads/" + dana + "/snooze", a.owner, "{\"minutes\":1}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.body()).contains("minutes");
        assertThat(
                        api.post(
                                        "/api/crm/leads/" + dana + "/snooze",
                                        a.owner,
                                        "{\"minutes\":1441}")
                                .status())
                .isEqualTo(400);
        assertThat(api.post("/api/crm/leads/" + dana + "/snooze", a.owner, "{}").status())
                .isEqualTo(400);
        assertThat(leadIds(now("", a.owner))).contains(dana);

        Reply ok = api.post("/api/crm/leads/" + dana + "/snooze", a.owner, "{\"minutes\":30}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(204);
        assertThat(leadIds(now("", a.owner))).doesNotContain(dana).contains(erlan);
        JsonObject card = api.get("/api/crm/leads/" + dana, a.owner).json();
        assertThat(!card.containsKey("nextAction") || card.isNull("nextAction")).isTrue();

        // a lead the caller cannot see, or that does not exist
        assertThat(api.post("/api/crm/leads/999999/snooze", a.owner, "{\"minutes\":30}").status())
                .isEqualTo(404);
        a.managersSeeAll(false);
        try {
            assertThat(
                            api.post(
                                            "/api/crm/leads/" + gani + "/snooze",
                                            marat,
                                            "{\"minutes\":30}")
                                    .status())
                    .isEqualTo(404);
        } finally {
            a.managersSeeAll(true);
        }
    }

    @Test
    void aCallTaskPutsItsLeadInNowAndSnoozingItHidesIt() {
        Reply created =
                api.post(
                        "/api/crm/leads/" + gani + "/tasks",
                        a.owner,
                        "{\"title\":\"Позвонить\",\"kind\":\"CALL\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long taskId = created.json().getJsonNumber("id").longValue();
        JsonObject action = item(now("", a.owner), gani).getJsonObject("action");
        assertThat(action.getString("kind")).isEqualTo("CALL_DUE");
        assertThat(action.getJsonNumber("taskId").longValue()).isEqualTo(taskId);
        assertThat(action.getString("reason")).matches(CYRILLIC);

        Reply ok = api.post("/api/crm/leads/" + gani + "/snooze", a.owner, "{\"minutes\":60}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(204);
        assertThat(leadIds(now("?scope=team", a.owner))).doesNotContain(gani);
    }

    @Test
    void anotherCompanysLeadsNeverShowInNow() {
        List<JsonObject> theirs = now("?scope=team", b.owner);
        assertThat(theirs).isNotEmpty();
        assertThat(theirs)
                .allSatisfy(
                        i ->
                                assertThat(i.getJsonObject("lead").getString("phone"))
                                        .isEqualTo("+77010003109"));
        assertThat(now("?scope=team", a.owner))
                .noneSatisfy(
                        i ->
                                assertThat(i.getJsonObject("lead").getString("phone"))
                                        .isEqualTo("+77010003109"));
    }

    @Test
    void theStaleDaysAndTheWorkingDayAreCompanySettings() {
        Reply r = api.get("/api/crm/settings", a.owner);
        assertThat(r.json().getInt("staleAfterDays")).isEqualTo(3);
        assertThat(r.json().getString("workDayStart")).isEqualTo("09:00");
        assertThat(r.json().getString("workDayEnd")).isEqualTo("18:00");
        for (String body :
                List.of(
                        "{\"staleAfterDays\":0}",
                        "{\"staleAfterDays\":366}",
                        "{\"workDayStart\":\"25:00\"}",
                        "{\"workDayStart\":\"9am\"}",
                        "{\"workDayStart\":\"19:00\"}",
                        "{\"workDayStart\":\"10:00\",\"workDayEnd\":\"10:00\"}",
                        "{}")) {
            Reply bad = api.method("PUT", "/api/crm/settings", a.owner, body);
            assertThat(bad.status()).as(body).isEqualTo(400);
            assertThat(bad.contentType()).as(body).startsWith("application/problem+json");
        }
        assertThat(api.get("/api/crm/settings", a.owner).json().getInt("staleAfterDays"))
                .isEqualTo(3);
        assertThat(api.method("PUT", "/api/crm/settings", marat, "{\"staleAfterDays\":5}").status())
                .isEqualTo(403);
        Reply ok =
                api.method(
                        "PUT",
                        "/api/crm/settings",
                        a.owner,
                        "{\"staleAfterDays\":5,\"workDayStart\":\"08:30\",\"workDayEnd\":\"17:00\"}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        JsonObject s = api.get("/api/crm/settings", marat).json();
        assertThat(s.getInt("staleAfterDays")).isEqualTo(5);
        assertThat(s.getString("workDayStart")).isEqualTo("08:30");
        assertThat(s.getString("workDayEnd")).isEqualTo("17:00");
        assertThat(s.getBoolean("managersSeeAll")).isTrue();
        // the company next door keeps its defaults
        assertThat(api.get("/api/crm/settings", b.owner).json().getInt("staleAfterDays"))
                .isEqualTo(3);
    }
}
