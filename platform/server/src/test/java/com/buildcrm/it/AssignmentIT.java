package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Assignment rules end to end on the running server (issue 14 §4): the owner sets round robin on
 * CALL_REQUESTED, sandbox clients asking for a call get the managers in turn; taking over an
 * unassigned lead assigns the taker; bad rotations are 400 problems, a manager gets 403; user ids
 * of another company are neither accepted nor ever assigned.
 */
class AssignmentIT {

    private static Api api;
    private static String operator;
    private static Company a;
    private static Company b;

    /** A company with the sandbox channel, the rule brain and its CRM users. */
    private record Company(
            long tenantId,
            String slug,
            String owner,
            Sandbox sandbox,
            List<Long> managers,
            List<String> managerTokens) {}

    @BeforeAll
    static void setUp() {
        api = SharedServer.get().api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        a = company("assign-a", 3);
        // the other company has more users: its highest ids exist only there
        b = company("assign-b", 6);
    }

    private static Company company(String slug, int managers) {
        String ownerEmail = "owner@" + slug + ".kz";
        long tenantId =
                api.createTenant(operator, slug, "ru", ownerEmail, "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        Reply channel =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/channel",
                        operator,
                        "{\"provider\":\"sandbox\",\"settings\":{}}");
        assertThat(channel.status()).as(channel.toString()).isEqualTo(200);
        Reply ai =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/ai",
                        operator,
                        "{\"enabled\":true,\"brain\":\"rules\",\"debounceMs\":1500}");
        assertThat(ai.status()).as(ai.toString()).isEqualTo(200);
        String owner = api.userLogin(slug, ownerEmail, "owner-pass-1");
        List<Long> ids = new java.util.ArrayList<>();
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 1; i <= managers; i++) {
            String email = "m" + i + "@" + slug + ".kz";
            ids.add(
                    api.createUser(
                                    owner,
                                    "Менеджер " + i + " " + slug,
                                    email,
                                    "manager",
                                    "manager-pass-1")
                            .getJsonNumber("id")
                            .longValue());
            tokens.add(api.userLogin(slug, email, "manager-pass-1"));
        }
        Sandbox sandbox =
                new Sandbox(api, operator, tenantId, owner)
                        .clientName("Клиент")
                        .timeouts(Duration.ofSeconds(40), Duration.ofSeconds(40));
        return new Company(tenantId, slug, owner, sandbox, ids, tokens);
    }

    private static Reply put(String token, String json) {
        return api.method("PUT", "/api/crm/settings/assignment", token, json);
    }

    private static Long assigneeId(JsonObject lead) {
        // a list row leaves out an absent assignee
        return !lead.containsKey("assignee") || lead.isNull("assignee")
                ? null
                : lead.getJsonObject("assignee").getJsonNumber("id").longValue();
    }

    private static List<JsonObject> assignedEvents(Sandbox sandbox, JsonObject lead) {
        JsonArray events = sandbox.events(lead);
        return events.stream()
                .map(JsonValue::asJsonObject)
                .filter(e -> e.getString("type").equals("lead.assigned"))
                .collect(Collectors.toList());
    }

    @Test
    void roundRobinOnCallRequestedGivesTheManagersTheirTurnsAndTakeOverAssignsTheTaker() {
        long m1 = a.managers().get(0);
        long m2 = a.managers().get(1);
        Reply defaults = api.get("/api/crm/settings/assignment", a.owner());
        assertThat(defaults.status()).as(defaults.toString()).isEqualTo(200);
        assertThat(defaults.json().getString("mode")).isEqualTo("MANUAL");

        Reply set =
                put(
                        a.owner(),
                        Json.createObjectBuilder()
                                .add("mode", "ROUND_ROBIN")
                                .add("on", Json.createArrayBuilder().add("CALL_REQUESTED"))
                                .add("rotation", Json.createArrayBuilder().add(m1).add(m2))
                                .addNull("reassignAfterMinutes")
                                .build()
                                .toString());
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().getJsonArray("rotation").getJsonNumber(0).longValue()).isEqualTo(m1);

        JsonObject first;
        JsonObject second;
        try (SseClient stream =
                SseClient.withHeader(SharedServer.get().baseUrl(), a.owner(), null)) {
            first = askForACall(a, "+77020000001");
            second = askForACall(a, "+77020000002");
            long firstId = first.getJsonNumber("id").longValue();
            long secondId = second.getJsonNumber("id").longValue();
            // the rule's live event follows the AI turn's commit
            stream.await(
                    e -> e.name().equals("lead.assigned") && e.leadId() == firstId,
                    Duration.ofSeconds(20));
            stream.await(
                    e -> e.name().equals("lead.assigned") && e.leadId() == secondId,
                    Duration.ofSeconds(20));
            // a manual re-assignment by the owner is one too
            int before =
                    (int)
                            stream.events().stream()
                                    .filter(
                                            e ->
                                                    e.name().equals("lead.assigned")
                                                            && e.leadId() == secondId)
                                    .count();
            Reply patch =
                    api.patch(
                            "/api/crm/leads/" + secondId,
                            a.owner(),
                            Json.createObjectBuilder().add("assigneeId", m1).build());
            assertThat(patch.status()).as(patch.toString()).isEqualTo(200);
            stream.await(
                    e ->
                            e.name().equals("lead.assigned")
                                    && e.leadId() == secondId
                                    && stream.events().stream()
                                                    .filter(
                                                            x ->
                                                                    x.name().equals("lead.assigned")
                                                                            && x.leadId()
                                                                                    == secondId)
                                                    .count()
                                            > before,
                    Duration.ofSeconds(20));
        }
        assertThat(assigneeId(first)).isEqualTo(m1);
        assertThat(assigneeId(second)).isEqualTo(m2);
        assertThat(assigneeId(a.sandbox().lead("+77020000002"))).isEqualTo(m1);
        List<JsonObject> events = assignedEvents(a.sandbox(), first);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getString("actor")).isEqualTo("SYSTEM");
        assertThat(events.get(0).getString("reason")).startsWith("Назначен по очереди: Менеджер 1");
        assertThat(events.get(0).getJsonObject("details").getJsonNumber("assigneeId").longValue())
                .isEqualTo(m1);
        // the rule's SYSTEM event, then the owner's manual HUMAN one
        List<JsonObject> secondEvents = assignedEvents(a.sandbox(), second);
        assertThat(secondEvents)
                .extracting(e -> e.getString("actor"))
                .containsExactlyInAnyOrder("SYSTEM", "HUMAN");
        for (JsonObject e : secondEvents) {
            long expected = e.getString("actor").equals("SYSTEM") ? m2 : m1;
            assertThat(e.getJsonObject("details").getJsonNumber("assigneeId").longValue())
                    .isEqualTo(expected);
        }

        // a plain question is no chosen moment: the lead stays unassigned until someone takes it
        String phone = "+77020000003";
        a.sandbox().write(phone, "Здравствуйте! Интересуют панельные дома");
        a.sandbox().awaitOutbound(phone, 1);
        JsonObject plain = a.sandbox().lead(phone);
        assertThat(assigneeId(plain)).isNull();
        Reply taken =
                api.post(
                        "/api/crm/leads/" + plain.getJsonNumber("id") + "/takeover",
                        a.owner(),
                        "{}");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        JsonObject after = a.sandbox().awaitLead(phone, l -> assigneeId(l) != null);
        assertThat(after.getJsonObject("assignee").getString("name"))
                .isEqualTo("Owner of assign-a");
        List<JsonObject> takeOver = assignedEvents(a.sandbox(), after);
        assertThat(takeOver).hasSize(1);
        assertThat(takeOver.get(0).getString("actor")).isEqualTo("HUMAN");
        assertThat(takeOver.get(0).getString("reason")).isEqualTo("Взял диалог — назначен на себя");
    }

    private static JsonObject askForACall(Company c, String phone) {
        c.sandbox().write(phone, "Добрый день, можете мне позвонить?");
        return c.sandbox()
                .awaitLead(
                        phone,
                        l ->
                                l.getJsonObject("stage").getString("role").equals("CALL_REQUESTED")
                                        && assigneeId(l) != null);
    }

    @Test
    void theOpenApiDocumentDescribesTheRule() {
        Reply doc =
                api.raw(
                        java.net.http.HttpRequest.newBuilder(api.uri("/openapi"))
                                .header("Accept", "application/json"));
        assertThat(doc.status()).isEqualTo(200);
        JsonObject path =
                doc.json().getJsonObject("paths").getJsonObject("/api/crm/settings/assignment");
        assertThat(path).isNotNull();
        assertThat(path.keySet()).contains("get", "put");
        assertThat(path.getJsonObject("put").getString("description")).contains("rotation");
    }

    @Test
    void badRotationsAreRefusedAndManagersMayNotChangeTheRule() {
        long m3 = a.managers().get(2);
        // a manager can neither read nor change the rule
        Reply manager = put(a.managerTokens().get(0), "{\"mode\":\"ROUND_ROBIN\"}");
        assertThat(manager.status()).as(manager.toString()).isEqualTo(403);
        assertThat(manager.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/crm/settings/assignment", a.managerTokens().get(0)).status())
                .isEqualTo(403);

        Reply disable =
                api.patch(
                        "/api/crm/users/" + m3,
                        a.owner(),
                        Json.createObjectBuilder().add("status", "DISABLED").build());
        assertThat(disable.status()).as(disable.toString()).isEqualTo(200);
        String before = api.get("/api/crm/settings/assignment", a.owner()).body();

        Reply disabled = put(a.owner(), "{\"mode\":\"ROUND_ROBIN\",\"rotation\":[" + m3 + "]}");
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(400);
        assertThat(disabled.contentType()).startsWith("application/problem+json");
        assertThat(disabled.body()).contains("rotation");

        // an id that exists only in the other company is unknown here
        long onlyInB = b.managers().get(b.managers().size() - 1);
        assertThat(onlyInB).isGreaterThan(a.managers().get(a.managers().size() - 1));
        Reply foreign = put(a.owner(), "{\"mode\":\"ROUND_ROBIN\",\"rotation\":[" + onlyInB + "]}");
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(400);
        assertThat(foreign.body()).contains("rotation");

        Reply minutes = put(a.owner(), "{\"mode\":\"ROUND_ROBIN\",\"reassignAfterMinutes\":2}");
        assertThat(minutes.status()).as(minutes.toString()).isEqualTo(400);
        assertThat(minutes.body()).contains("reassignAfterMinutes");
        Reply mode = put(a.owner(), "{\"mode\":\"LOTTERY\"}");
        assertThat(mode.status()).as(mode.toString()).isEqualTo(400);
        assertThat(mode.body()).contains("mode");

        assertThat(api.get("/api/crm/settings/assignment", a.owner()).body()).isEqualTo(before);
    }

    @Test
    void aRuleAssignsOnlyTheCompanysOwnManagers() {
        Reply set =
                put(
                        b.owner(),
                        "{\"mode\":\"LEAST_LOADED\",\"on\":[\"CALL_REQUESTED\"],\"rotation\":[]}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        JsonObject lead = askForACall(b, "+77030000001");
        assertThat(b.managers()).contains(assigneeId(lead));
        assertThat(lead.getJsonObject("assignee").getString("name")).endsWith("assign-b");
        // the manager sees the lead assigned to them
        Reply mine =
                api.get(
                        "/api/crm/leads/" + lead.getJsonNumber("id"),
                        b.managerTokens().get(b.managers().indexOf(assigneeId(lead))));
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        // and the first company's leads never name one of its users
        JsonArray aLeads = api.get("/api/crm/leads", a.owner()).json().getJsonArray("items");
        for (JsonValue v : aLeads) {
            Long id = assigneeId(v.asJsonObject());
            if (id != null) {
                assertThat(v.asJsonObject().getJsonObject("assignee").getString("name"))
                        .doesNotEndWith("assign-b");
            }
        }
    }
}
