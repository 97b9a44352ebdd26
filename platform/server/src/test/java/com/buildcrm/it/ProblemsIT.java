package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx problem+json, writes nothing and never shows a stack trace. */
class ProblemsIT {

    private static Api api;
    private static String operator;

    @BeforeAll
    static void server() {
        api = SharedServer.get().api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
    }

    @Test
    void malformedWrongTypedIncompleteOrOversizeBodiesAreRefusedAndNothingIsWritten() {
        int before = tenantCount();

        assertProblem(api.post("/api/admin/tenants", operator, "{\"slug\": \"bad\", "), 400);
        assertProblem(
                api.post(
                        "/api/admin/tenants",
                        operator,
                        "{\"slug\": 5, \"name\": [1], \"owner\": \"x\"}"),
                400);
        assertProblem(api.post("/api/admin/tenants", operator, ""), 400);

        Reply missing = api.post("/api/admin/tenants", operator, "{\"slug\": \"missing\"}");
        assertProblem(missing, 400);
        assertThat(fields(missing)).contains("name", "owner");

        Reply invalid =
                api.post(
                        "/api/admin/tenants",
                        operator,
                        Json.createObjectBuilder()
                                .add("slug", "Bad Slug!")
                                .add("name", "x")
                                .add("locale", "fr")
                                .add(
                                        "owner",
                                        Json.createObjectBuilder()
                                                .add("name", "o")
                                                .add("email", "not-an-email")
                                                .add("password", "short"))
                                .build());
        assertProblem(invalid, 400);
        assertThat(fields(invalid)).contains("slug", "locale", "owner.email", "owner.password");

        Reply badZone =
                api.post(
                        "/api/admin/tenants",
                        operator,
                        tenantBody("zone", "Mars/Olympus", "generic-sales"));
        assertProblem(badZone, 400);
        assertThat(fields(badZone)).contains("timezone");

        Reply badPack =
                api.post(
                        "/api/admin/tenants",
                        operator,
                        tenantBody("pack", "Asia/Almaty", "no-such-pack"));
        assertProblem(badPack, 400);
        assertThat(fields(badPack)).contains("pack");

        String huge = "{\"slug\":\"huge\",\"name\":\"" + "x".repeat(2_000_000) + "\"}";
        Reply tooLarge =
                api.raw(
                        HttpRequest.newBuilder(api.uri("/api/admin/tenants"))
                                .header("Authorization", "Bearer " + operator)
                                .header("Content-Type", "application/json")
                                .expectContinue(true)
                                .POST(HttpRequest.BodyPublishers.ofString(huge)));
        assertProblem(tooLarge, 413);

        Reply text =
                api.raw(
                        HttpRequest.newBuilder(api.uri("/api/admin/tenants"))
                                .header("Authorization", "Bearer " + operator)
                                .header("Content-Type", "text/plain")
                                .POST(HttpRequest.BodyPublishers.ofString("hello")));
        assertProblem(text, 415);

        assertThat(tenantCount()).isEqualTo(before);
    }

    @Test
    void loginWithMissingFieldsIsA400WithFieldErrors() {
        Reply r = api.post("/api/crm/auth/login", null, "{\"tenant\": \"acme\"}");
        assertProblem(r, 400);
        assertThat(fields(r)).contains("email", "password");
    }

    @Test
    void unknownRoutesAndIdsAreProblemsToo() {
        assertProblem(api.get("/api/admin/tenants/999999", operator), 404);
        assertProblem(api.get("/api/admin/no-such-thing", operator), 404);
    }

    @Test
    void aTamperedTokenIsRefused() {
        String tampered = operator.substring(0, operator.length() - 4) + "AAAA";
        assertThat(api.get("/api/admin/tenants", tampered).status()).isEqualTo(401);
    }

    private static JsonObject tenantBody(String slug, String zone, String pack) {
        return Json.createObjectBuilder()
                .add("slug", slug)
                .add("name", "Company")
                .add("timezone", zone)
                .add("pack", pack)
                .add(
                        "owner",
                        Json.createObjectBuilder()
                                .add("name", "Owner")
                                .add("email", "owner@" + slug + ".kz")
                                .add("password", "owner-pass-1"))
                .build();
    }

    private static int tenantCount() {
        return api.get("/api/admin/tenants", operator).array().size();
    }

    static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonObject body = reply.json();
        assertThat(body.getInt("status")).isEqualTo(status);
        assertThat(body.getString("type")).isNotBlank();
        assertThat(body.getString("title")).isNotBlank();
        assertThat(reply.body())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("com.buildcrm.");
    }

    private static List<String> fields(Reply reply) {
        return reply.json().getJsonArray("errors").stream()
                .map(v -> ((JsonString) v.asJsonObject().get("field")).getString())
                .toList();
    }
}
