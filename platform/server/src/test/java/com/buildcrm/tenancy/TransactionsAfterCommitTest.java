package com.buildcrm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Transactions#afterCommit}: what the job queue's wake-up relies on, on real PostgreSQL. */
class TransactionsAfterCommitTest {

    private final Transactions tx = DbTier.get().storage().transactions();

    @Test
    void runsOnceAfterTheCommitNeverBefore() {
        List<String> seen = new ArrayList<>();
        Runnable action = () -> seen.add("action");
        tx.inPlatformDo(
                em -> {
                    Transactions.afterCommit(action);
                    Transactions.afterCommit(action);
                    em.createNativeQuery("SELECT 1").getSingleResult();
                    seen.add("work done");
                });
        assertThat(seen).containsExactly("work done", "action");
    }

    @Test
    void neverRunsWhenTheUnitOfWorkRollsBack() {
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(
                        () ->
                                tx.inPlatformDo(
                                        em -> {
                                            Transactions.afterCommit(() -> seen.add("action"));
                                            throw new IllegalStateException("rolled back");
                                        }))
                .hasMessage("rolled back");
        assertThat(seen).isEmpty();
        // nothing is left behind for the next unit of work on this thread
        tx.inPlatformDo(em -> em.createNativeQuery("SELECT 1").getSingleResult());
        assertThat(seen).isEmpty();
    }

    @Test
    void belongsToTheInnermostUnitOfWork() {
        List<String> seen = new ArrayList<>();
        tx.inPlatformDo(
                outer -> {
                    tx.inPlatformDo(inner -> Transactions.afterCommit(() -> seen.add("inner")));
                    seen.add("inner committed");
                    Transactions.afterCommit(() -> seen.add("outer"));
                });
        assertThat(seen).containsExactly("inner", "inner committed", "outer");
    }

    @Test
    void aFailingActionDoesNotTurnACommittedUnitOfWorkIntoAFailure() {
        List<String> seen = new ArrayList<>();
        String result =
                tx.inPlatform(
                        em -> {
                            Transactions.afterCommit(
                                    () -> {
                                        throw new IllegalStateException("action failed");
                                    });
                            Transactions.afterCommit(() -> seen.add("next action"));
                            return "committed";
                        });
        assertThat(result).isEqualTo("committed");
        assertThat(seen).containsExactly("next action");
    }

    @Test
    void runsAtOnceOutsideAUnitOfWork() {
        List<String> seen = new ArrayList<>();
        Transactions.afterCommit(() -> seen.add("action"));
        assertThat(seen).containsExactly("action");
    }
}
