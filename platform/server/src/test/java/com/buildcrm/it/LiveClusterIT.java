package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.it.SseClient.Event;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database, as behind a load balancer: an event caused on one reaches a stream
 * held by the other (PostgreSQL LISTEN/NOTIFY), and each stream gets it once.
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
            }
        }
    }
}
