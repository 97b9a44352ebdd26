package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.buildcrm.jobs.JobRegistry;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, goal 1 (ADR 050): a provider a round trip away does not make new leads queue for the
 * job threads. A send batch sends its chats in lanes side by side, so more calls are under way at
 * the provider than there are job threads (without lanes, never more than one per thread); and a
 * chat's own messages still go one after another, each sent only after the previous one was
 * answered.
 */
class SendLanesIT {

    private static final int LEADS = 24;

    @Test
    void chatsGoSideBySideWhileEachChatStaysInOrder() throws Exception {
        Api api = SharedServer.get().api();
        String operator =
                api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        try (FakeChatFlow gateway = new FakeChatFlow(Duration.ofSeconds(1))) {
            String hook = RuleBrainCompany.create(api, operator, "lanes", gateway);

            ExecutorService clients = Executors.newFixedThreadPool(LEADS);
            List<Future<Integer>> acks = new ArrayList<>();
            for (int i = 0; i < LEADS; i++) {
                String phone = phone(i);
                acks.add(clients.submit(() -> api.post(hook, null, text(phone)).status()));
            }
            for (Future<Integer> ack : acks) {
                assertThat(ack.get()).isEqualTo(200);
            }
            clients.shutdown();
            // every message of every lead (greeting chain and answer) has reached the provider;
            // the company is left with nothing to send once its fake provider is gone
            String owner = api.userLogin("lanes", "owner@lanes.kz", "owner-pass-1");
            List<Long> leads = new ArrayList<>();
            for (int i = 0; i < LEADS; i++) {
                leads.add(api.awaitLead(owner, phone(i)));
            }
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> leads.stream().allMatch(lead -> allSent(api, owner, lead)));

            assertThat(gateway.maxInFlight())
                    .as("calls under way at the provider at one moment")
                    .isGreaterThan(JobRegistry.THREADS);
            Map<String, List<FakeChatFlow.Span>> chats = byChat(gateway);
            assertThat(chats).hasSize(LEADS);
            chats.forEach(
                    (jid, spans) -> {
                        assertThat(spans)
                                .as("chat %s: greeting chain and answer", jid)
                                .hasSizeGreaterThan(1);
                        for (int i = 1; i < spans.size(); i++) {
                            assertThat(spans.get(i).start())
                                    .as(
                                            "chat %s: call %d starts after call %d was answered",
                                            jid, i, i - 1)
                                    .isGreaterThanOrEqualTo(spans.get(i - 1).end());
                        }
                    });
        }
    }

    /** The lead has outgoing messages and all of them are SENT. */
    private static boolean allSent(Api api, String owner, long lead) {
        List<JsonObject> out =
                api.messages(owner, lead).stream()
                        .map(JsonValue::asJsonObject)
                        .filter(m -> m.getString("direction").equals("OUT"))
                        .toList();
        return !out.isEmpty() && out.stream().allMatch(m -> m.getString("status").equals("SENT"));
    }

    private static String phone(int i) {
        return "7708" + String.format("%07d", i);
    }

    private static Map<String, List<FakeChatFlow.Span>> byChat(FakeChatFlow gateway) {
        return gateway.spans().stream()
                .sorted(Comparator.comparingLong(FakeChatFlow.Span::start))
                .collect(Collectors.groupingBy(FakeChatFlow.Span::jid));
    }

    private static String text(String phone) {
        return RuleBrainCompany.firstText("LANE", phone);
    }
}
