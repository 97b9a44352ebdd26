package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.buildcrm.it.Api.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, goal 2, at small scale (ADR 042): while one company's queue holds a flood of new leads,
 * another company's single new lead is answered next, not after the flood. Without the fair bands
 * the quiet lead's inbox job, turn and send each queued behind every job of the flood, so it was
 * answered about last; the assertion below fails that way.
 */
class FairnessIT {

    private static final int FLOOD = 150;

    @Test
    void aQuietCompanysNewLeadIsAnsweredBeforeTheFloodOfAnother() throws Exception {
        Api api = SharedServer.get().api();
        String operator =
                api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        try (FakeChatFlow floodGateway = new FakeChatFlow();
                FakeChatFlow quietGateway = new FakeChatFlow()) {
            String flood = RuleBrainCompany.create(api, operator, "fair-flood", floodGateway);
            String quiet = RuleBrainCompany.create(api, operator, "fair-quiet", quietGateway);

            // the flood: 150 new leads write at once, from 16 clients
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<Future<Integer>> acks = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                String phone = "7705" + String.format("%07d", i);
                acks.add(clients.submit(() -> api.post(flood, null, text(phone)).status()));
            }
            for (Future<Integer> ack : acks) {
                assertThat(ack.get()).isEqualTo(200);
            }
            clients.shutdown();
            // the flood is stored and queued; most of it is still to be answered
            int answeredBefore = answered(floodGateway);
            assertThat(FLOOD - answeredBefore)
                    .as("the flood's backlog when the quiet company's lead writes")
                    .isGreaterThan(FLOOD / 2);

            Reply ack = api.post(quiet, null, text("77069990001"));
            assertThat(ack.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> answered(quietGateway) == 1);
            int answeredMeanwhile = answered(floodGateway) - answeredBefore;

            assertThat(answeredMeanwhile)
                    .as(
                            "flood leads answered while the quiet lead waited (backlog %d)",
                            FLOOD - answeredBefore)
                    .isLessThan((FLOOD - answeredBefore) / 2);

            // the flood is not starved: every lead of it is answered too
            await().atMost(Duration.ofMinutes(3)).until(() -> answered(floodGateway) == FLOOD);
        }
    }

    /** How many different clients the gateway has received a message for. */
    private static int answered(FakeChatFlow gateway) {
        Set<String> clients =
                gateway.calls().stream()
                        .map(c -> c.params().getOrDefault("jid", ""))
                        .collect(Collectors.toSet());
        return clients.size();
    }

    private static String text(String phone) {
        return RuleBrainCompany.firstText("FAIR", phone);
    }
}
