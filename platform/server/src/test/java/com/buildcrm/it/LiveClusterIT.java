package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.buildcrm.it.SseClient.Event;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database, as behind a load balancer: an event caused on one reaches a stream
 * held by the other (PostgreSQL LISTEN/NOTIFY), and each stream gets it once; a session change made
 * on one ends the token and the stream on the other.
 */
class LiveClusterIT {

    @Test
    void anEventCausedOnOneInstanceReachesAStreamOnTheOther() throws Exception {
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String pem =
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n";
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Map<String, String> env =
                    Map.of(
                            "BUILDCRM_DB_URL",
                            pg.getJdbcUrl("postgres", "postgres"),
                            "BUILDCRM_DB_USER",
                            "postgres",
                            "BUILDCRM_DB_PASSWORD",
                            "",
                            "BUILDCRM_MASTER_KEY",
                            Base64.getEncoder().encodeToString(master),
                            "BUILDCRM_JWT_PRIVATE_KEY",
                            pem);
            try (ServerProcess first = ServerProcess.startFresh(env);
                    ServerProcess second = ServerProcess.startFresh(env)) {
                Api api = first.api();
                String operator =
                        api.operatorLogin(
                                ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
                CrmFixture company = new CrmFixture(api, operator, "cluster");
                // the ticket is issued by the first instance and redeemed by the second
                try (SseClient onSecond =
                                SseClient.withTicket(
                                        first.baseUrl(), second.baseUrl(), company.owner);
                        SseClient onFirst =
                                SseClient.withHeader(first.baseUrl(), company.owner, null)) {
                    company.clientWrites("+7 707 000 44 01", "Олжас", "Здравствуйте");
                    Duration wait = Duration.ofSeconds(30);
                    Event there = onSecond.await(e -> e.name().equals("lead.created"), wait);
                    Event here = onFirst.await(e -> e.name().equals("lead.created"), wait);
                    assertThat(here.id()).isEqualTo(there.id());
                    long lead = there.leadId();
                    Event message =
                            onSecond.await(
                                    e -> e.name().equals("message.created") && e.leadId() == lead,
                                    wait);
                    onFirst.await(e -> message.id().equals(e.id()), wait);
                    assertThat(onFirst.events())
                            .filteredOn(e -> here.id().equals(e.id()))
                            .hasSize(1);
                    assertThat(onSecond.events())
                            .filteredOn(e -> message.id().equals(e.id()))
                            .hasSize(1);
                }
                sessionChangesReachTheOtherInstance(api, second, company);
                aSuspensionReachesTheOtherInstance(api, second, company);
            }
        }
    }

    /**
     * The operator suspends the company on the first instance: on the second, where the company's
     * directory entry was just read and would be kept for 5 s, its token is refused at once (the
     * entry is dropped by NOTIFY, not by expiry); resumed, it is let in again.
     */
    private static void aSuspensionReachesTheOtherInstance(
            Api api, ServerProcess second, CrmFixture company) {
        Api there = second.api();
        assertThat(there.get("/api/crm/leads", company.owner).status()).isEqualTo(200);
        String tenant = "/api/admin/tenants/" + company.tenantId;
        assertThat(api.post(tenant + "/suspend", company.operator, "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(2))
                .until(() -> there.get("/api/crm/leads", company.owner).status() == 403);
        assertThat(api.post(tenant + "/resume", company.operator, "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(2))
                .until(() -> there.get("/api/crm/leads", company.owner).status() == 200);
    }

    /**
     * A role change and a logout made on the first instance end, on the second, the access token at
     * once (its session cache is dropped by NOTIFY, not by expiry) and the open stream.
     */
    private static void sessionChangesReachTheOtherInstance(
            Api api, ServerProcess second, CrmFixture company) {
        Api there = second.api();
        long rop =
                api.createUser(company.owner, "Кластер", "rop@cluster.kz", "rop", "rop-pass-12")
                        .getJsonNumber("id")
                        .longValue();
        String ropToken = there.userLogin("cluster", "rop@cluster.kz", "rop-pass-12");
        assertThat(there.get("/api/crm/users", ropToken).status()).isEqualTo(200);
        JsonObject owner = there.userTokens("cluster", "owner@cluster.kz", "owner-pass-1");
        String ownerAccess = owner.getString("accessToken");
        assertThat(there.get("/api/crm/users", ownerAccess).status()).isEqualTo(200);
        try (SseClient ropStream = SseClient.withHeader(second.baseUrl(), ropToken, null);
                SseClient ownerStream = SseClient.withHeader(second.baseUrl(), ownerAccess, null)) {
            Api.Reply demoted =
                    api.method(
                            "PATCH",
                            "/api/crm/users/" + rop,
                            company.owner,
                            "{\"role\":\"manager\"}");
            assertThat(demoted.status()).isEqualTo(200);
            ropStream.awaitEnd(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(2))
                    .until(() -> there.get("/api/crm/users", ropToken).status() == 401);

            Api.Reply out =
                    api.post(
                            "/api/auth/logout",
                            null,
                            Json.createObjectBuilder()
                                    .add("refreshToken", owner.getString("refreshToken"))
                                    .build());
            assertThat(out.status()).isEqualTo(204);
            ownerStream.awaitEnd(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(2))
                    .until(() -> there.get("/api/crm/users", ownerAccess).status() == 401);
        }
    }
}
