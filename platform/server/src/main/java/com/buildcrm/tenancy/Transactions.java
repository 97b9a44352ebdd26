package com.buildcrm.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.FlushModeType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Units of work: one transaction, one persistence context, at most one tenant. Services run their
 * work through these methods and never pick a schema themselves; only the platform entry is public,
 * the tenant entry is reached through {@link TenantData} and {@link TenantTransactions}.
 */
public final class Transactions {

    private static final Logger LOG = Logger.getLogger(Transactions.class.getName());

    private final EntityManagers managers;

    public Transactions(EntityManagers managers) {
        this.managers = managers;
    }

    /** Runs {@code work} on the shared {@code platform} schema only. */
    public <T> T inPlatform(Function<EntityManager, T> work) {
        return run(managers.forPlatform(), false, work);
    }

    public void inPlatformDo(Consumer<EntityManager> work) {
        inPlatform(
                em -> {
                    work.accept(em);
                    return null;
                });
    }

    /**
     * Runs {@code work} in the given tenant's schema; the platform is reachable too.
     * Package-private: code outside {@code tenancy} enters a tenant through {@link TenantData} (the
     * request's tenant) or {@link TenantTransactions} (jobs, streams, login). The first statement
     * of the transaction points its {@code search_path} at the tenant's schema ({@code SET LOCAL}:
     * it ends with the transaction, so a pooled connection never carries it further), and the
     * thread's log lines name the tenant until the unit of work ends.
     */
    <T> T inTenant(TenantRef tenant, Function<TenantWork, T> work) {
        return inTenant(tenant, work, false);
    }

    /**
     * Like {@link #inTenant}, for work that only reads (a board, a list, a lead's card): the
     * database refuses any write ({@code SET TRANSACTION READ ONLY}), and the unit of work neither
     * flushes before each query nor compares every entity it read with its copy at the end. It ends
     * with a rollback, so a change made to an entity here is never written: use it for reading
     * only. An after-commit action registered in it is a mistake and fails the work.
     */
    <T> T readInTenant(TenantRef tenant, Function<TenantWork, T> work) {
        return inTenant(tenant, work, true);
    }

    private <T> T inTenant(TenantRef tenant, Function<TenantWork, T> work, boolean readOnly) {
        if (tenant == null) {
            throw new TenantNotBoundException();
        }
        String previousLogTenant = TenantLogContext.enter(tenant);
        try {
            return run(
                    managers.forTenant(tenant),
                    readOnly,
                    em -> {
                        // the schema name is validated by TenantRef (t_<digits>), never user input
                        em.createNativeQuery(
                                        "SET LOCAL search_path TO \""
                                                + tenant.schema()
                                                + "\", public"
                                                + (readOnly ? "; SET TRANSACTION READ ONLY" : ""))
                                .executeUpdate();
                        TenantWork unit = new TenantWork(em, tenant);
                        TenantWork outer = unit.activate();
                        try {
                            return work.apply(unit);
                        } finally {
                            TenantWork.deactivate(outer);
                        }
                    });
        } finally {
            TenantLogContext.restore(previousLogTenant);
        }
    }

    /** Per thread, the after-commit actions of each unit of work open on it, innermost first. */
    private static final ThreadLocal<Deque<Set<Runnable>>> AFTER_COMMIT =
            ThreadLocal.withInitial(ArrayDeque::new);

    /**
     * Runs {@code action} once the innermost unit of work open on this thread has committed, and
     * never if it rolls back; at once when none is open. The same action registered twice in one
     * unit of work runs once; an action that throws is logged, the commit stands.
     */
    public static void afterCommit(Runnable action) {
        Set<Runnable> actions = AFTER_COMMIT.get().peek();
        if (actions == null) {
            action.run();
        } else {
            actions.add(action);
        }
    }

    private static <T> T run(EntityManager em, boolean readOnly, Function<EntityManager, T> work) {
        EntityTransaction tx = em.getTransaction();
        Deque<Set<Runnable>> open = AFTER_COMMIT.get();
        Set<Runnable> actions = new LinkedHashSet<>();
        open.push(actions);
        T result;
        try {
            tx.begin();
            if (readOnly) {
                em.setFlushMode(FlushModeType.COMMIT);
            }
            result = work.apply(em);
            if (readOnly) {
                tx.rollback();
                if (!actions.isEmpty()) {
                    throw new IllegalStateException(
                            "A read-only unit of work registered an after-commit action");
                }
            } else {
                tx.commit();
            }
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            open.pop();
            em.close();
        }
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                // the unit of work has committed: its caller must not see a failure
                LOG.log(Level.WARNING, "An after-commit action failed", e);
            }
        }
        return result;
    }
}
