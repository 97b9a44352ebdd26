package com.buildcrm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.pipeline.Stage;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Transactions#readInTenant}, the unit of work of the board and the lists, on PostgreSQL.
 */
class ReadOnlyUnitTest {

    private static final DbTier db = DbTier.get();
    private static final TenantRef tenant = db.newTenant("readonly", "Asia/Almaty");
    private final Transactions tx = db.storage().transactions();

    @Test
    void readsTheTenantsRowsWithoutFlushingBeforeEachQuery() {
        List<String> names =
                tx.readInTenant(
                        tenant,
                        w -> {
                            assertThat(w.em().getFlushMode()).isEqualTo(FlushModeType.COMMIT);
                            return w
                                    .em()
                                    .createQuery(
                                            "SELECT s FROM Stage s ORDER BY s.position",
                                            Stage.class)
                                    .getResultList()
                                    .stream()
                                    .map(Stage::name)
                                    .toList();
                        });
        assertThat(names)
                .isNotEmpty()
                .hasSize((int) db.number(tenant, "SELECT count(*) FROM stages"));
    }

    @Test
    void theDatabaseRefusesAWrite() {
        assertThatThrownBy(
                        () ->
                                tx.readInTenant(
                                        tenant,
                                        w ->
                                                w.em().createNativeQuery(
                                                                "UPDATE stages SET name = 'x'")
                                                        .executeUpdate()))
                .isInstanceOf(PersistenceException.class)
                .hasStackTraceContaining("read-only transaction");
        assertThat(db.number(tenant, "SELECT count(*) FROM stages WHERE name = 'x'")).isZero();
    }

    @Test
    void anEntityChangedWhileReadingIsNeverWritten() {
        long id = db.number(tenant, "SELECT min(id) FROM stages");
        String before = tx.inTenant(tenant, w -> w.em().find(Stage.class, id).name());
        tx.readInTenant(
                tenant,
                w -> {
                    w.em().find(Stage.class, id).rename("changed while reading");
                    return null;
                });
        String after = tx.inTenant(tenant, w -> w.em().find(Stage.class, id).name());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void anAfterCommitActionInAReadIsAMistake() {
        assertThatThrownBy(
                        () ->
                                tx.readInTenant(
                                        tenant,
                                        w -> {
                                            Transactions.afterCommit(() -> {});
                                            return null;
                                        }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after-commit");
        // the thread is left clean: the next unit of work commits and runs its action
        List<String> seen = new ArrayList<>();
        tx.inTenant(
                tenant,
                w -> {
                    Transactions.afterCommit(() -> seen.add("ran"));
                    return null;
                });
        assertThat(seen).containsExactly("ran");
    }
}
