package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Stop and start again on the same data directory: tenants, users and logins are still there. */
class RestartIT {

    @Test
    void dataSurvivesARestartOnTheEmbeddedDefault() {
        Path dataDir;
        try (ServerProcess first = ServerProcess.startFresh()) {
            dataDir = first.dataDir();
            Api api = first.api();
            String operator =
                    api.operatorLogin(
                            ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
            api.createTenant(operator, "durable", "ru", "owner@durable.kz", "owner-pass-1");
            String owner = api.userLogin("durable", "owner@durable.kz", "owner-pass-1");
            api.createUser(owner, "Manager", "manager@durable.kz", "manager", "manager-pass-1");
        }
        try (ServerProcess second = ServerProcess.start(dataDir)) {
            Api api = second.api();
            String operator =
                    api.operatorLogin(
                            ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
            assertThat(api.get("/api/admin/tenants", operator).array())
                    .anySatisfy(
                            t ->
                                    assertThat(t.asJsonObject().getString("slug"))
                                            .isEqualTo("durable"));
            String manager = api.userLogin("durable", "manager@durable.kz", "manager-pass-1");
            assertThat(api.get("/api/crm/me", manager).json().getString("email"))
                    .isEqualTo("manager@durable.kz");
            // the signing key survived too: the operator's first session is not the only way in
            assertThat(second.log()).doesNotContain("Generated the token signing key");
        }
    }
}
