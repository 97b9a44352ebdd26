package com.buildcrm.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantRef;
import org.junit.jupiter.api.Test;

/**
 * A row reserved by a send batch whose instance died is not lost (ADR 048): the batch took its own
 * job off the queue and the row stays PENDING, reservation and all, so the message path's sweep
 * gives it a job again once it is overdue — a live reservation does not hide it from the sweep.
 */
class OutboxReservationDbTest {

    private static final DbTier DB = DbTier.get();

    @Test
    void aRowReservedByADeadBatchGetsAJobAgainFromTheSweep() {
        TenantRef acme = DB.newTenant("reserved", "Asia/Almaty");
        long t = acme.id();
        DB.sql(
                acme,
                // reserved a minute ago by the batch of row 0 (its instance died), still
                // "reserved" for two more minutes, overdue, and without a job of its own
                "INSERT INTO outbox (tenant_id, lead_id, message_id, recipient, kind, payload, status,"
                        + " attempts, next_attempt_at, claimed_with, reserved_until) VALUES ("
                        + t
                        + ", 1, 7001, '+77010000001', 'text', '{}'::jsonb, 'PENDING', 0,"
                        + " now() - interval '1 minute', 0, now() + interval '2 minutes')",
                // a row reserved just now by a live batch is not overdue: left to its batch
                "INSERT INTO outbox (tenant_id, lead_id, message_id, recipient, kind, payload, status,"
                        + " attempts, next_attempt_at, claimed_with, reserved_until) VALUES ("
                        + t
                        + ", 1, 7002, '+77010000002', 'text', '{}'::jsonb, 'PENDING', 0,"
                        + " now(), 0, now() + interval '3 minutes')");

        DB.storage().transactions().inPlatformDo(OutboxSweep::sweep);

        assertThat(jobs(acme, 7001)).isEqualTo(1);
        assertThat(jobs(acme, 7002)).isZero();
    }

    private static long jobs(TenantRef tenant, long messageId) {
        return DB.number(
                tenant,
                "SELECT count(*) FROM platform.scheduled_tasks st JOIN platform.outbox o"
                        + " ON split_part(st.task_instance, ':', 1) = o.id::text"
                        + " WHERE st.task_name = 'send-outbox' AND o.tenant_id = ? AND o.message_id = ?",
                tenant.id(),
                messageId);
    }
}
