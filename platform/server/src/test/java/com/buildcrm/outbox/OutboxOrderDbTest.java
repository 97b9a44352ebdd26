package com.buildcrm.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantRef;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbox's in-order rule on real PostgreSQL ({@link OutboxSender#EARLIER_IN_CHAT}): a chat's
 * message waits while an earlier one of the same chat is due or being sent by a live job, and only
 * then; a row sent in another row's batch lives by that row's job. Without it, two instances sent a
 * greeting's album before its first text whenever the job of the text started a pace late
 * (ScaleOutIT).
 */
class OutboxOrderDbTest {

    private static final DbTier DB = DbTier.get();
    private static TenantRef acme;
    private static TenantRef other;

    @BeforeAll
    static void seed() {
        acme = DB.newTenant("order", "Asia/Almaty");
        other = DB.newTenant("order-other", "Asia/Almaty");
        long t = acme.id();
        DB.sql(
                acme,
                // due together: the later waits
                outbox(t, 11, "+7701", "PENDING", "now() - interval '1 second'"),
                outbox(t, 12, "+7701", "PENDING", "now()"),
                // the earlier being sent by a live job: the later waits
                outbox(t, 21, "+7702", "SENDING", "now() - interval '5 seconds'"),
                outbox(t, 22, "+7702", "PENDING", "now()"),
                // the earlier claimed by an instance that died (no heartbeat for a minute): no wait
                outbox(t, 31, "+7703", "SENDING", "now() - interval '2 minutes'"),
                outbox(t, 32, "+7703", "PENDING", "now()"),
                // the earlier waiting out a retry backoff: no wait
                outbox(t, 41, "+7704", "PENDING", "now() + interval '1 minute'"),
                outbox(t, 42, "+7704", "PENDING", "now()"),
                // the earlier already sent, or given up: no wait
                outbox(t, 51, "+7705", "SENT", "now() - interval '1 minute'"),
                outbox(t, 52, "+7705", "UNKNOWN", "now() - interval '1 minute'"),
                outbox(t, 53, "+7705", "PENDING", "now()"),
                // the earlier being sent in the batch of a row whose job is live: the later waits
                outbox(t, 61, "+7706", "SENDING", "now() - interval '5 seconds'"),
                outbox(t, 62, "+7706", "PENDING", "now()"),
                // the earlier being sent in the batch of a row whose job died: no wait
                outbox(t, 71, "+7707", "SENDING", "now() - interval '2 minutes'"),
                outbox(t, 72, "+7707", "PENDING", "now()"),
                job(t, 21, "now() - interval '3 seconds'"),
                job(t, 31, "now() - interval '1 minute'"),
                claimedWith(t, 61, 21),
                claimedWith(t, 71, 31));
        // another tenant's due row for the same number holds nobody of this tenant back
        DB.sql(
                other,
                outbox(other.id(), 1, "+7709", "PENDING", "now() - interval '1 second'"),
                outbox(other.id(), 2, "+7709", "PENDING", "now() - interval '1 second'"));
        DB.sql(acme, outbox(t, 91, "+7709", "PENDING", "now()"));
    }

    private static String outbox(
            long tenant, long messageId, String recipient, String status, String nextAttemptAt) {
        return "INSERT INTO outbox (tenant_id, lead_id, message_id, recipient, kind, payload, status,"
                + " attempts, next_attempt_at) VALUES ("
                + tenant
                + ", 1, "
                + messageId
                + ", '"
                + recipient
                + "', 'text', '{}'::jsonb, '"
                + status
                + "', 1, "
                + nextAttemptAt
                + ")";
    }

    /** The row was claimed in the batch of another row's job (ADR 048). */
    private static String claimedWith(long tenant, long messageId, long batchMessageId) {
        return "UPDATE outbox SET claimed_with = (SELECT id FROM outbox WHERE tenant_id = "
                + tenant
                + " AND message_id = "
                + batchMessageId
                + ") WHERE tenant_id = "
                + tenant
                + " AND message_id = "
                + messageId;
    }

    /** The picked send job of a row, with its instance's last heartbeat. */
    private static String job(long tenant, long messageId, String heartbeat) {
        return "INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by,"
                + " last_heartbeat, version) SELECT 'send-outbox', id || ':0', now(), true, 'i1', "
                + heartbeat
                + ", 1 FROM outbox WHERE tenant_id = "
                + tenant
                + " AND message_id = "
                + messageId;
    }

    @Test
    void aMessageWaitsOnlyForAnEarlierOneOfItsChatThatIsDueOrBeingSent() {
        List<Long> held =
                DB
                        .column(
                                acme,
                                "SELECT me.message_id FROM platform.outbox me WHERE me.tenant_id = ?"
                                        + " AND "
                                        + OutboxSender.EARLIER_IN_CHAT
                                        + " ORDER BY 1",
                                acme.id())
                        .stream()
                        .map(v -> ((Number) v).longValue())
                        .toList();
        assertThat(held).containsExactly(12L, 22L, 62L);
    }
}
