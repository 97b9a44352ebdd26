package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.buildcrm.jobs.JobRegistry;
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
                String phone = "7708" + String.format("%07d", i);
                acks.add(clients.submit(() -> api.post(hook, null, text(phone)).status()));
            }
            for (Future<Integer> ack : acks) {
                assertThat(ack.get()).isEqualTo(200);
            }
            clients.shutdown();
            // every lead's greeting chain has gone out (at least two messages each)
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () ->
                                    byChat(gateway).values().stream()
                                                    .filter(s -> s.size() >= 2)
                                                    .count()
                                            == LEADS);

            assertThat(gateway.maxInFlight())
                    .as("calls under way at the provider at one moment")
                    .isGreaterThan(JobRegistry.THREADS);
            byChat(gateway)
                    .forEach(
                            (jid, spans) -> {
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

    private static Map<String, List<FakeChatFlow.Span>> byChat(FakeChatFlow gateway) {
        return gateway.spans().stream()
                .sorted(Comparator.comparingLong(FakeChatFlow.Span::start))
                .collect(Collectors.groupingBy(FakeChatFlow.Span::jid));
    }

    private static String text(String phone) {
        return RuleBrainCompany.firstText("LANE", phone);
    }
}
