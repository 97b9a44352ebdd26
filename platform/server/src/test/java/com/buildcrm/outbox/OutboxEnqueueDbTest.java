package com.buildcrm.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Several messages put into the outbox with one call (a batch's, ADR 049) are paced per chat as if
 * they had been enqueued one after another: after the chat's last send still due, and one pace
 * apart within the call; other chats are not held back. Every row gets its own send job.
 */
class OutboxEnqueueDbTest {

    private static final DbTier DB = DbTier.get();
    private static final Duration PACE = OutgoingMessages.PACE;
    private static final Instant NOW = Instant.parse("2031-03-01T09:00:00Z");

    @Test
    void aBatchIsPacedPerChatAfterWhatTheChatStillHasToSend() {
        TenantRef acme = DB.newTenant("enqueue", "Asia/Almaty");
        // chat A still has a send due ten seconds from now
        DB.sql(
                acme,
                "INSERT INTO outbox (tenant_id, lead_id, message_id, recipient, kind, payload, status,"
                        + " attempts, next_attempt_at) VALUES ("
                        + acme.id()
                        + ", 1, 8000, 'a@s.whatsapp.net', 'text', '{}'::jsonb, 'PENDING', 0,"
                        + " TIMESTAMPTZ '2031-03-01 09:00:10Z')");
        OutboundPayload text = OutgoingMessage.text("Здравствуйте!").payload();

        List<Long> ids =
                DB.inTenant(
                        acme,
                        work ->
                                Outbox.enqueueAll(
                                        work.em(),
                                        acme.id(),
                                        List.of(
                                                new Outbox.Item(
                                                        1, 8001, "a@s.whatsapp.net", text, NOW),
                                                new Outbox.Item(
                                                        2, 8002, "b@s.whatsapp.net", text, NOW),
                                                new Outbox.Item(
                                                        1, 8003, "a@s.whatsapp.net", text, NOW)),
                                        PACE));

        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(due(acme, 8001)).isEqualTo(NOW.plusSeconds(10).plus(PACE));
        assertThat(due(acme, 8002)).isEqualTo(NOW);
        assertThat(due(acme, 8003)).isEqualTo(NOW.plusSeconds(10).plus(PACE).plus(PACE));
        List<Long> messages = List.of(8001L, 8002L, 8003L);
        for (int i = 0; i < ids.size(); i++) {
            assertThat(
                            DB.number(
                                    acme,
                                    "SELECT message_id FROM platform.outbox WHERE id = ?",
                                    ids.get(i)))
                    .as("the ids come back in the order of the items")
                    .isEqualTo(messages.get(i));
            assertThat(
                            DB.number(
                                    acme,
                                    "SELECT count(*) FROM platform.scheduled_tasks"
                                            + " WHERE task_name = 'send-outbox' AND task_instance = ?",
                                    ids.get(i) + ":0"))
                    .isEqualTo(1);
        }
    }

    private static Instant due(TenantRef tenant, long messageId) {
        long millis =
                DB.number(
                        tenant,
                        "SELECT (extract(epoch FROM next_attempt_at) * 1000)::bigint"
                                + " FROM platform.outbox WHERE tenant_id = ? AND message_id = ?",
                        tenant.id(),
                        messageId);
        return Instant.ofEpochMilli(millis);
    }
}
