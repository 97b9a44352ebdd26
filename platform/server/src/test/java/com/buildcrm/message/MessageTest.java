package com.buildcrm.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.channel.DeliveryStatus;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class MessageTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-03T12:00:00Z");

    @Test
    void providerReceiptsMoveAnOutboundMessage() {
        Message m = Message.outbound(1, MessageAuthor.AI, null, "TEXT", "hi", AT);
        assertThat(m.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(m.author()).isEqualTo(MessageAuthor.AI);

        m.sent("wamid.1", AT);
        m.providerStatus(DeliveryStatus.SENT, null);
        assertThat(m.status()).isEqualTo(MessageStatus.SENT);
        m.providerStatus(DeliveryStatus.DELIVERED, null);
        assertThat(m.status()).isEqualTo(MessageStatus.DELIVERED);
        m.providerStatus(null, null); // a status we do not know
        assertThat(m.status()).isEqualTo(MessageStatus.DELIVERED);
        m.providerStatus(DeliveryStatus.READ, "");
        assertThat(m.status()).isEqualTo(MessageStatus.READ);
    }

    @Test
    void aFailureAtTheProviderKeepsItsReasonOrSaysWhere() {
        Message m = Message.outbound(1, MessageAuthor.HUMAN, 7L, "TEXT", "hi", AT);
        m.providerStatus(DeliveryStatus.FAILED, "  ");
        assertThat(m.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(m.error()).isEqualTo("failed at the provider");

        Message n = Message.outbound(1, MessageAuthor.HUMAN, 7L, "TEXT", "hi", AT);
        n.providerStatus(DeliveryStatus.FAILED, "131047: re-engagement");
        assertThat(n.error()).isEqualTo("131047: re-engagement");
    }

    @Test
    void anInboundMessageIsTheClientsAndReceived() {
        Message m = Message.inbound(1, "TEXT", "hi", "wamid.2", AT);
        assertThat(m.author()).isEqualTo(MessageAuthor.CLIENT);
        assertThat(m.status()).isEqualTo(MessageStatus.RECEIVED);
        assertThat(m.author().name()).isEqualTo("CLIENT");
    }
}
