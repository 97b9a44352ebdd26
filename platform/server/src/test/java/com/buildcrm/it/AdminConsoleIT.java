package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator console's server side: the health page, the tenants summary, the audit trail and the
 * sandbox lead panel, each operator only.
 */
class AdminConsoleIT {

    private static Api api;
    private static String operator;

    @BeforeAll
    static void server() {
        api = SharedServer.get().api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
    }

    @Test
    void healthShowsTheDatabaseQueuesBreakersAndEveryTenantsLastInbound() {
        long id =
                api.createTenant(operator, "health-co", "ru", "owner@health.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        configureSandbox(id);

        Api.Reply r = api.get("/api/admin/health", operator);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonObject health = r.json();
        assertThat(health.getString("status")).isIn("ok", "degraded");
        assertThat(health.getJsonObject("database").getBoolean("up")).isTrue();
        assertThat(health.getJsonObject("outbox").containsKey("pending")).isTrue();
        assertThat(health.getJsonObject("inbox").containsKey("poison")).isTrue();
        assertThat(health.getJsonArray("queues")).isNotNull();
        assertThat(health.getJsonObject("breakers").getString("llm")).isEqualTo("n/a");
        assertThat(health.getJsonObject("breakers").getJsonArray("channels"))
                .anySatisfy(
                        b -> {
                            assertThat(b.asJsonObject().getString("slug")).isEqualTo("health-co");
                            assertThat(b.asJsonObject().getString("state")).isEqualTo("CLOSED");
                        });
        assertThat(health.getJsonArray("tenants"))
                .anySatisfy(
                        t -> {
                            JsonObject tenant = t.asJsonObject();
                            assertThat(tenant.getString("slug")).isEqualTo("health-co");
                            assertThat(tenant.getString("provider")).isEqualTo("sandbox");
                            assertThat(tenant.getBoolean("silent")).isFalse();
                        });
        assertThat(health.getString("silentWebhookRule")).contains("3 x its typical gap");
    }

    @Test
    void aBusinessUserCannotReadHealthOrAudit() {
        long id =
                api.createTenant(operator, "walled-co", "ru", "owner@walled.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        String owner = api.userLogin("walled-co", "owner@walled.kz", "owner-pass-1");

        assertThat(api.get("/api/admin/health", owner).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/tenants/" + id + "/audit", owner).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/health", null).status()).isEqualTo(401);
    }

    @Test
    void theTenantsListSummarisesChannelAndLeadsToday() {
        long id =
                api.createTenant(operator, "summary-co", "ru", "owner@summary.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();

        JsonObject before = api.get("/api/admin/tenants/" + id, operator).json();
        assertThat(before.getJsonObject("channel").getString("state")).isEqualTo("none");
        assertThat(before.getJsonNumber("leadsToday").longValue()).isZero();
        assertThat(before.getString("provisioningStep")).isEqualTo("ACTIVE");

        configureSandbox(id);
        api.setAi(operator, id, false);
        sandboxMessage(id, "+77015550101", "Здравствуйте");

        JsonObject after =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () ->
                                        api.get("/api/admin/tenants", operator).array().stream()
                                                .map(JsonValue::asJsonObject)
                                                .filter(
                                                        t ->
                                                                t.getString("slug")
                                                                        .equals("summary-co"))
                                                .findFirst()
                                                .orElseThrow(),
                                t -> t.getJsonNumber("leadsToday").longValue() == 1);
        assertThat(after.getJsonObject("channel").getString("provider")).isEqualTo("sandbox");
        assertThat(after.getJsonObject("channel").getString("state")).isEqualTo("ok");
        assertThat(after.getJsonObject("channel").getString("lastInboundAt")).isNotBlank();
    }

    @Test
    void theTenantsListIsSearchedAndPagedOverHttpAndRefusesBadPagingWithA400() {
        long older =
                api.createTenant(operator, "pager-a", "ru", "owner@pager-a.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        long newer =
                api.createTenant(operator, "pager-b", "ru", "owner@pager-b.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();

        Api.Reply first = api.get("/api/admin/tenants?q=PAGER-&limit=1", operator);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-Total-Count")).contains("2");
        assertThat(first.array()).hasSize(1);
        assertThat(first.array().getJsonObject(0).getJsonNumber("id").longValue()).isEqualTo(newer);
        Api.Reply second = api.get("/api/admin/tenants?q=pager-&limit=1&offset=1", operator);
        assertThat(second.array().getJsonObject(0).getJsonNumber("id").longValue())
                .isEqualTo(older);
        // without limit: every match, as the list always answered
        assertThat(api.get("/api/admin/tenants?q=pager-", operator).array()).hasSize(2);

        for (String query :
                new String[] {
                    "limit=abc",
                    "limit=0",
                    "limit=201",
                    "offset=-1",
                    "offset=99999999999",
                    "limit=1.5"
                }) {
            Api.Reply bad = api.get("/api/admin/tenants?" + query, operator);
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.contentType()).as(query).startsWith("application/problem+json");
            assertThat(bad.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                    .as(query)
                    .isEqualTo(query.substring(0, query.indexOf('=')));
        }
        Api.Reply nul = api.get("/api/admin/tenants?q=pa%00ger&limit=5", operator);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.contentType()).startsWith("application/problem+json");
        // a business user never reaches the list
        String owner = api.userLogin("pager-a", "owner@pager-a.kz", "owner-pass-1");
        assertThat(api.get("/api/admin/tenants?limit=5", owner).status()).isEqualTo(403);
    }

    @Test
    void theAuditTrailListsOperatorActionsNewestFirstInPages() {
        long id =
                api.createTenant(operator, "audit-co", "ru", "owner@audit.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        assertThat(api.post("/api/admin/tenants/" + id + "/suspend", operator, "{}").status())
                .isEqualTo(200);
        assertThat(api.post("/api/admin/tenants/" + id + "/resume", operator, "{}").status())
                .isEqualTo(200);

        JsonObject first = api.get("/api/admin/tenants/" + id + "/audit?limit=2", operator).json();

        assertThat(first.getJsonArray("items"))
                .extracting(e -> e.asJsonObject().getString("action"))
                .containsExactly("tenant.resume", "tenant.suspend");
        JsonObject entry = first.getJsonArray("items").getJsonObject(0);
        assertThat(entry.getString("actorEmail")).isEqualTo(ServerProcess.OPERATOR_EMAIL);
        assertThat(entry.getString("target")).isEqualTo("audit-co");
        assertThat(entry.getString("at")).isNotBlank();
        JsonObject second =
                api.get(
                                "/api/admin/tenants/"
                                        + id
                                        + "/audit?limit=2&cursor="
                                        + first.getString("nextCursor"),
                                operator)
                        .json();
        assertThat(second.getJsonArray("items"))
                .extracting(e -> e.asJsonObject().getString("action"))
                .containsExactly("tenant.create");
        assertThat(second.containsKey("nextCursor")).as("no next page").isFalse();
        assertThat(api.get("/api/admin/tenants/999999/audit", operator).status()).isEqualTo(404);
    }

    @Test
    void theSandboxLeadPanelShowsTheLeadBehindAChat() {
        long id =
                api.createTenant(operator, "panel-co", "ru", "owner@panel.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        configureSandbox(id);
        api.setAi(operator, id, false);
        assertThat(
                        api.get("/api/admin/tenants/" + id + "/sandbox/leads/77015550202", operator)
                                .status())
                .isEqualTo(404);

        sandboxMessage(id, "+7 701 555 02 02", "Дом 10 на 12, Алматы");

        JsonObject lead =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () ->
                                        api.get(
                                                "/api/admin/tenants/"
                                                        + id
                                                        + "/sandbox/leads/77015550202",
                                                operator),
                                r -> r.status() == 200)
                        .json();
        assertThat(lead.getString("phone")).isEqualTo("+77015550202");
        assertThat(lead.getJsonObject("stage").getString("name")).isNotBlank();
        assertThat(lead.containsKey("score")).isTrue();
        assertThat(lead.getJsonObject("fields")).isNotNull();
    }

    private static void configureSandbox(long id) {
        Api.Reply r =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + id + "/channel",
                        operator,
                        "{\"provider\":\"sandbox\",\"settings\":{}}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private static void sandboxMessage(long id, String phone, String text) {
        Api.Reply r =
                api.post(
                        "/api/admin/tenants/" + id + "/sandbox/messages",
                        operator,
                        Json.createObjectBuilder()
                                .add("phone", phone)
                                .add("name", "Асель")
                                .add("text", text)
                                .build());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
    }
}
