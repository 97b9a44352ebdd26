package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A newcomer's first minute: the embedded default seeds the demo tenant once, prints its logins,
 * and a second start on the same data does not seed it again.
 */
class DemoSeedIT {

    @Test
    void theEmbeddedDefaultSeedsTheDemoTenantOnceAndPrintsItsLogins() {
        Path dataDir;
        long demoId;
        try (ServerProcess first = ServerProcess.startFresh()) {
            dataDir = first.dataDir();
            Api api = first.api();
            String operator =
                    api.operatorLogin(
                            ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
            JsonObject demo = demoTenant(api, operator).get(0);
            demoId = demo.getJsonNumber("id").longValue();
            assertThat(demo.getString("pack")).isEqualTo("panel-houses");
            assertThat(demo.getString("status")).isEqualTo("ACTIVE");
            assertThat(demo.getJsonObject("channel").getString("provider")).isEqualTo("sandbox");
            JsonObject ai = api.get("/api/admin/tenants/" + demoId + "/ai", operator).json();
            assertThat(ai.getBoolean("enabled")).isTrue();
            assertThat(ai.getString("brain")).isEqualTo("rules");
            assertThat(
                            api.get("/api/admin/tenants/" + demoId + "/greeting", operator)
                                    .json()
                                    .getString("source"))
                    .isEqualTo("pack");

            String owner = api.userLogin("demo", "owner@demo.kz", "demo-owner-1");
            assertThat(api.get("/api/crm/me", owner).json().getString("role")).isEqualTo("owner");
            String manager = api.userLogin("demo", "manager@demo.kz", "demo-manager-1");
            assertThat(api.get("/api/crm/me", manager).json().getString("role"))
                    .isEqualTo("manager");
            assertThat(api.get("/api/crm/leads", manager).status()).isEqualTo(200);

            assertThat(first.log())
                    .containsPattern("operator console: +http://\\S+/admin/")
                    .contains("owner@demo.kz / demo-owner-1")
                    .contains("manager@demo.kz / demo-manager-1")
                    .contains("Seeded the demo tenant");
        }
        try (ServerProcess second = ServerProcess.start(dataDir)) {
            Api api = second.api();
            String operator =
                    api.operatorLogin(
                            ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
            assertThat(demoTenant(api, operator)).hasSize(1);
            assertThat(
                            api
                                    .get("/api/admin/tenants/" + demoId + "/audit", operator)
                                    .json()
                                    .getJsonArray("items")
                                    .stream()
                                    .map(e -> e.asJsonObject().getString("action"))
                                    .filter("demo.seed"::equals)
                                    .count())
                    .isEqualTo(1);
            // one log file per launch: this is the second start's own output
            assertThat(second.log())
                    .doesNotContain("Seeded the demo tenant")
                    .contains("owner@demo.kz / demo-owner-1");
        }
    }

    private static List<JsonObject> demoTenant(Api api, String operator) {
        return api.get("/api/admin/tenants", operator).array().stream()
                .map(JsonValue::asJsonObject)
                .filter(t -> t.getString("slug").equals("demo"))
                .toList();
    }
}
