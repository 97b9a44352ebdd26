package com.buildcrm.it;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A company with the sandbox channel and a quiet AI, whose leads the test writes itself. */
final class CrmFixture {

    final Api api;
    final String operator;
    final long tenantId;
    final String slug;
    final String owner;

    CrmFixture(Api api, String operator, String slug) {
        this.api = api;
        this.operator = operator;
        this.slug = slug;
        this.tenantId =
                api.createTenant(operator, slug, "ru", "owner@" + slug + ".kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        Api.Reply channel =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/channel",
                        operator,
                        "{\"provider\":\"sandbox\",\"settings\":{}}");
        if (channel.status() != 200) {
            throw new AssertionError("channel: " + channel);
        }
        api.setAi(operator, tenantId, false);
        this.owner = api.userLogin(slug, "owner@" + slug + ".kz", "owner-pass-1");
    }

    /** A simulated client writes to the company's number. */
    void clientWrites(String phone, String name, String text) {
        Api.Reply r =
                api.post(
                        "/api/admin/tenants/" + tenantId + "/sandbox/messages",
                        operator,
                        Json.createObjectBuilder()
                                .add("phone", phone)
                                .add("name", name)
                                .add("text", text)
                                .build());
        if (r.status() != 202) {
            throw new AssertionError("sandbox message: " + r);
        }
    }

    /** Waits until the owner sees {@code count} leads; returns them by name. */
    Map<String, JsonObject> awaitLeads(int count) {
        JsonArray items =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> leads("/api/crm/leads?limit=200", owner),
                                a -> a.size() == count);
        return items.stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(o -> o.getString("name", "?" + o.get("id")), o -> o));
    }

    /** Waits until leads with these names exist; returns all leads by name. */
    Map<String, JsonObject> awaitLeadsAtLeast(String... names) {
        JsonArray items =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> leads("/api/crm/leads?limit=200", owner),
                                a ->
                                        a.stream()
                                                .map(v -> v.asJsonObject().getString("name", ""))
                                                .toList()
                                                .containsAll(java.util.List.of(names)));
        return items.stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(o -> o.getString("name", "?" + o.get("id")), o -> o));
    }

    JsonArray leads(String path, String token) {
        Api.Reply r = api.get(path, token);
        if (r.status() != 200) {
            throw new AssertionError(path + " → " + r);
        }
        return r.json().getJsonArray("items");
    }

    long stageId(String role) {
        return api.get("/api/crm/stages", owner).array().stream()
                .map(JsonValue::asJsonObject)
                .filter(s -> role.equals(s.getString("role", null)))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
    }

    void patchLead(long leadId, String json) {
        Api.Reply r = api.method("PATCH", "/api/crm/leads/" + leadId, owner, json);
        if (r.status() != 200) {
            throw new AssertionError("patch lead: " + r);
        }
    }

    long createManager(String name, String email) {
        return api.createUser(owner, name, email, "manager", "manager-pass-1")
                .getJsonNumber("id")
                .longValue();
    }

    String login(String email) {
        return api.userLogin(slug, email, "manager-pass-1");
    }

    void managersSeeAll(boolean value) {
        Api.Reply r =
                api.method(
                        "PATCH", "/api/crm/settings", owner, "{\"managersSeeAll\":" + value + "}");
        if (r.status() != 200) {
            throw new AssertionError("settings: " + r);
        }
    }

    static long id(JsonObject lead) {
        return lead.getJsonNumber("id").longValue();
    }
}
