package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Production mode: the server on an external PostgreSQL given by BUILDCRM_DB_URL (here a PostgreSQL
 * this test starts itself), with the master key from the environment.
 */
class ExternalDatabaseIT {

    @Test
    void theServerRunsOnAnExternalDatabase() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                ServerProcess server =
                        ServerProcess.startFresh(ServerProcess.externalDatabase(pg))) {
            Api api = server.api();
            String operator =
                    api.operatorLogin(
                            ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
            long tenant =
                    api.createTenant(operator, "external", "ru", "owner@ext.kz", "owner-pass-1")
                            .getJsonNumber("id")
                            .longValue();
            assertThat(
                            api.method(
                                            "PUT",
                                            "/api/admin/tenants/" + tenant + "/channel",
                                            operator,
                                            "{\"provider\":\"sandbox\",\"settings\":{}}")
                                    .status())
                    .isEqualTo(200);
            assertThat(
                            api.post(
                                            "/api/admin/tenants/" + tenant + "/sandbox/messages",
                                            operator,
                                            Json.createObjectBuilder()
                                                    .add("phone", "+7 777 111 22 33")
                                                    .add("text", "Добрый день")
                                                    .build())
                                    .status())
                    .isEqualTo(202);
            String owner = api.userLogin("external", "owner@ext.kz", "owner-pass-1");
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    api.get("/api/crm/leads", owner)
                                                    .json()
                                                    .getJsonArray("items")
                                                    .size()
                                            == 1);
            assertThat(server.log()).doesNotContain("Embedded PostgreSQL started");
        }
    }

    @Test
    void withoutItsMasterKeyTheServerRefusesToStartAndSaysWhy() {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            assertThatThrownBy(() -> ServerProcess.startFresh(withoutMasterKey(pg)).close())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("deployment failed")
                    .hasMessageContaining(
                            "BUILDCRM_MASTER_KEY is required with an external database");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> withoutMasterKey(EmbeddedPostgres pg) {
        Map<String, String> env = new HashMap<>(ServerProcess.externalDatabase(pg));
        env.remove("BUILDCRM_MASTER_KEY");
        return env;
    }
}
