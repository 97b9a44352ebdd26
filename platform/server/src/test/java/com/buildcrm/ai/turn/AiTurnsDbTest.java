package com.buildcrm.ai.turn;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.tenancy.DbTier;
import com.buildcrm.tenancy.TenantRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * A greeted lead's turn waits for its chain (ADR 056), on real PostgreSQL: only the turn of that
 * message moves, only later, and never one an instance has already picked.
 */
class AiTurnsDbTest {

    private static final DbTier DB = DbTier.get();

    @Test
    void aWaitingTurnMovesToTheChainsEndButAPickedOrLaterOneStays() {
        TenantRef acme = DB.newTenant("turns", "Asia/Almaty");
        long t = acme.id();
        DB.sql(
                acme,
                turn(t + ":1:10", "now()", false),
                turn(t + ":2:20", "now()", true),
                turn(t + ":3:30", "now() + interval '1 hour'", false),
                turn(t + ":4:40", "now()", false));
        Instant chainEnd = Instant.now().plus(3, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.MILLIS);

        DB.inTenant(
                acme,
                work -> {
                    AiTurns.notBefore(work.em(), t, 1, 10, chainEnd);
                    AiTurns.notBefore(work.em(), t, 2, 20, chainEnd);
                    AiTurns.notBefore(work.em(), t, 3, 30, chainEnd);
                    return null;
                });

        assertThat(due(acme, t + ":1:10")).isEqualTo(chainEnd);
        assertThat(due(acme, t + ":2:20")).isBefore(chainEnd); // picked: running already
        assertThat(due(acme, t + ":3:30")).isAfter(chainEnd); // due later anyway
        assertThat(due(acme, t + ":4:40")).isBefore(chainEnd); // another lead's
    }

    private static String turn(String instance, String due, boolean picked) {
        return "INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                + " VALUES ('ai-turn', '"
                + instance
                + "', "
                + due
                + ", "
                + picked
                + ", 1)";
    }

    private static Instant due(TenantRef tenant, String instance) {
        Object at =
                DB.column(
                                tenant,
                                "SELECT execution_time FROM scheduled_tasks WHERE task_name = 'ai-turn'"
                                        + " AND task_instance = ?",
                                instance)
                        .get(0);
        return at instanceof java.time.OffsetDateTime o
                ? o.toInstant()
                : ((java.sql.Timestamp) at).toInstant();
    }
}
