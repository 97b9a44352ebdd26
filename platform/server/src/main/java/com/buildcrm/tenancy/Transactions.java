package com.buildcrm.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
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
        return run(managers.forPlatform(), work);
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
        if (tenant == null) {
            throw new TenantNotBoundException();
        }
        String previousLogTenant = TenantLogContext.enter(tenant);
        try {
            return run(
                    managers.forTenant(tenant),
                    em -> {
                        // the schema name is validated by TenantRef (t_<digits>), never user input
                        em.createNativeQuery(
                                        "SET LOCAL search_path TO \""
                                                + tenant.schema()
                                                + "\", public")
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

    private static <T> T run(EntityManager em, Function<EntityManager, T> work) {
        EntityTransaction tx = em.getTransaction();
        Deque<Set<Runnable>> open = AFTER_COMMIT.get();
        Set<Runnable> actions = new LinkedHashSet<>();
        open.push(actions);
        T result;
        try {
            tx.begin();
            result = work.apply(em);
            tx.commit();
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
