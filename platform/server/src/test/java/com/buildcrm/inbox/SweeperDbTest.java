package com.buildcrm.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.live.LiveEvent;
import com.buildcrm.live.LivePublisher;
import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantRef;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The message path's sweeper on real PostgreSQL: it re-enqueues only inbox and outbox rows whose
 * job is gone (not fresh rows, not a queue that is merely long, not poisoned rows), does so once
 * however often it runs, and marks sends interrupted long ago as UNKNOWN — outbox row and CRM
 * message together, telling the company's screens — unless a live job still holds them.
 */
class SweeperDbTest {

    private static final DbTier DB = DbTier.get();
    private static TenantRef acme;
    private static MessagePathSweeper sweeper;
    private static final List<LiveEvent> published = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void seed() throws ReflectiveOperationException {
        acme = DB.newTenant("sweeper", "Asia/Almaty");
        InboxLimits limits = new InboxLimits();
        Field max = InboxLimits.class.getDeclaredField("maxAttempts");
        max.setAccessible(true);
        max.setInt(limits, 8);
        sweeper = new MessagePathSweeper();
        sweeper.storage = DB.storage();
        sweeper.limits = limits;
        sweeper.tenants = DB.tenants();
        sweeper.live =
                new LivePublisher() {
                    @Override
                    public void publish(List<LiveEvent> events) {
                        published.addAll(events);
                    }
                };
        long t = acme.id();
        DB.sql(
                acme,
                "INSERT INTO leads (id, phone, stage_id) OVERRIDING SYSTEM VALUE VALUES (1, '+77010000001', "
                        + DB.stage(acme, "NEW")
                        + ")",
                message(4),
                message(5),
                message(7),
                inbox(t, "lost", "now() - interval '2 minutes'", null, 3),
                inbox(t, "fresh", "now() - interval '5 seconds'", null, 0),
                inbox(t, "poisoned", "now() - interval '2 minutes'", null, 8),
                inbox(t, "done", "now() - interval '2 minutes'", "now()", 1),
                inbox(t, "queued", "now() - interval '2 minutes'", null, 0),
                outbox(t, 1, "PENDING", "now() - interval '2 minutes'", 2),
                outbox(t, 2, "PENDING", "now() - interval '2 minutes'", 0),
                outbox(t, 3, "PENDING", "now() + interval '1 minute'", 0),
                outbox(t, 4, "SENDING", "now() - interval '10 minutes'", 1),
                outbox(t, 5, "SENDING", "now() - interval '1 minute'", 1),
                outbox(t, 6, "SENT", "now() - interval '1 hour'", 1),
                // claimed long ago but its job is alive (a fresh heartbeat): still sending
                outbox(t, 7, "SENDING", "now() - interval '10 minutes'", 1),
                "INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked,"
                        + " last_heartbeat, version) SELECT 'send-outbox', id || ':0', now(), true,"
                        + " now(), 1 FROM outbox WHERE message_id = 7 AND tenant_id = "
                        + t,
                // jobs that still exist: the queued inbox row's and outbox row 2's (another
                // attempt)
                "INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                        + " SELECT 'process-inbox', id::text, now(), false, 1 FROM inbox"
                        + " WHERE provider_message_id = 'queued'",
                "INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                        + " SELECT 'send-outbox', id || ':s0', now(), false, 1 FROM outbox"
                        + " WHERE message_id = 2 AND tenant_id = "
                        + t);
    }

    private static String inbox(
            long tenant, String id, String receivedAt, String processedAt, int attempts) {
        return "INSERT INTO inbox (tenant_id, provider, provider_message_id, kind, event, received_at,"
                + " processed_at, attempts) VALUES ("
                + tenant
                + ", 'sandbox', '"
                + id
                + "', 'text', '{}'::jsonb, "
                + receivedAt
                + ", "
                + (processedAt == null ? "NULL" : processedAt)
                + ", "
                + attempts
                + ")";
    }

    private static String message(long id) {
        return "INSERT INTO messages (id, lead_id, direction, author, kind, text, status) OVERRIDING SYSTEM VALUE"
                + " VALUES ("
                + id
                + ", 1, 'OUT', 'HUMAN', 'text', 'reply-"
                + id
                + "', 'QUEUED')";
    }

    private static String outbox(
            long tenant, long messageId, String status, String nextAttemptAt, int attempts) {
        return "INSERT INTO outbox (tenant_id, lead_id, message_id, recipient, kind, payload, status,"
                + " attempts, next_attempt_at) VALUES ("
                + tenant
                + ", 1, "
                + messageId
                + ", '+77010000001', 'text', '{}'::jsonb, '"
                + status
                + "', "
                + attempts
                + ", "
                + nextAttemptAt
                + ")";
    }

    @Test
    void onlyLostWorkIsEnqueuedAgainAndOnlyOnce() {
        sweeper.run();
        sweeper.run();

        assertThat(jobs("process-inbox"))
                .containsExactlyInAnyOrder(inboxId("lost"), inboxId("queued"));
        assertThat(jobs("send-outbox"))
                .containsExactlyInAnyOrder(outboxId(1) + ":s2", outboxId(2) + ":s0");
        Map<Long, String> status =
                DB
                        .column(
                                acme,
                                "SELECT message_id || '=' || status || ':' || coalesce(last_error, '')"
                                        + " FROM outbox WHERE tenant_id = ?",
                                acme.id())
                        .stream()
                        .map(String::valueOf)
                        .collect(
                                Collectors.toMap(
                                        s -> Long.parseLong(s.substring(0, s.indexOf('='))),
                                        s -> s.substring(s.indexOf('=') + 1)));
        assertThat(status)
                .containsEntry(1L, "PENDING:")
                .containsEntry(4L, "UNKNOWN:interrupted while sending")
                .containsEntry(5L, "SENDING:")
                .containsEntry(6L, "SENT:")
                .containsEntry(7L, "SENDING:");
        assertThat(
                        DB.column(
                                acme,
                                "SELECT id || '=' || status || ':' || coalesce(error, '')"
                                        + " FROM messages ORDER BY id"))
                .map(String::valueOf)
                .containsExactly("4=UNKNOWN:interrupted while sending", "5=QUEUED:", "7=QUEUED:");
        // the sweep is the platform's: other tests' companies in this database may have some too
        assertThat(published)
                .filteredOn(e -> e.tenantId() == acme.id())
                .containsExactly(new LiveEvent(acme.id(), "message.status", 1L, 4L));
    }

    private static List<String> jobs(String task) {
        return DB
                .column(
                        acme,
                        // an inbox job's id is an inbox row's, an outbox job's an outbox row's
                        // (the ids of the two tables overlap); waiting jobs, not one under way
                        "SELECT task_instance FROM scheduled_tasks WHERE task_name = ? AND NOT picked"
                                + " AND split_part(task_instance, ':', 1)::bigint IN"
                                + (task.equals("send-outbox")
                                        ? " (SELECT id FROM outbox WHERE tenant_id = ?)"
                                        : " (SELECT id FROM inbox WHERE tenant_id = ?)"),
                        task,
                        acme.id())
                .stream()
                .map(String::valueOf)
                .toList();
    }

    private static String inboxId(String providerId) {
        return Long.toString(
                DB.number(acme, "SELECT id FROM inbox WHERE provider_message_id = ?", providerId));
    }

    private static long outboxId(long messageId) {
        return DB.number(
                acme,
                "SELECT id FROM outbox WHERE tenant_id = ? AND message_id = ?",
                acme.id(),
                messageId);
    }
}
