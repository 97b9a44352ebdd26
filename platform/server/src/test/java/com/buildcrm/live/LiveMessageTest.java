package com.buildcrm.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveMessageTest {

    @Test
    void thePayloadBetweenInstancesRoundTripsAndBrowsersNeverSeeTheTenant() {
        LiveMessage m =
                new LiveMessage(
                        "1-ab-2",
                        9,
                        "message.created",
                        15,
                        77L,
                        Instant.parse("2026-11-26T06:00:00Z"));
        assertThat(LiveMessage.fromPayload(m.toPayload())).isEqualTo(m);
        LiveMessage noMessage = new LiveMessage("1-ab-3", 9, "lead.created", 15, null, m.at());
        assertThat(LiveMessage.fromPayload(noMessage.toPayload())).isEqualTo(noMessage);
        assertThat(m.toClientJson())
                .isEqualTo(
                        "{\"type\":\"message.created\",\"leadId\":15,\"messageId\":77,"
                                + "\"at\":\"2026-11-26T06:00:00Z\"}")
                .doesNotContain("tenant");
    }
}
