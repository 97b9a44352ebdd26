package com.buildcrm.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Units of work: one transaction, one persistence context, at most one tenant. Services run their
 * work through these methods and never pick a schema themselves.
 */
public final class Transactions {

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
     * Runs {@code work} in the given tenant's schema (jobs, login); the platform is reachable too.
     */
    public <T> T inTenant(TenantRef tenant, Function<EntityManager, T> work) {
        if (tenant == null) {
            throw new TenantNotBoundException();
        }
        return run(managers.forTenant(tenant), work);
    }

    private static <T> T run(EntityManager em, Function<EntityManager, T> work) {
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }
}
