package com.buildcrm.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * One tenant unit of work: the entity manager bound to a tenant, together with that tenant. Only
 * {@code tenancy} creates it, inside {@link Transactions}, after it has pointed the transaction's
 * {@code search_path} at the tenant's schema; so native SQL written with unqualified tenant table
 * names ({@code leads}, {@code lead_events}) reaches this tenant and no other, and code outside
 * {@code tenancy} never names a schema. Platform tables keep their explicit {@code platform.}
 * prefix; the per-tenant ones are reached through {@link #platform()}, which adds the tenant
 * filter.
 *
 * <p>Valid only inside the unit of work that handed it out.
 */
public final class TenantWork {

    /** The innermost tenant unit of work running on this thread. */
    private static final ThreadLocal<TenantWork> ACTIVE = new ThreadLocal<>();

    private final EntityManager em;
    private final TenantRef tenant;
    private final TenantPlatformTables platform;

    TenantWork(EntityManager em, TenantRef tenant) {
        this.em = em;
        this.tenant = tenant;
        this.platform = new TenantPlatformTables(em, tenant.id());
    }

    /**
     * The tenant unit of work that {@code em} belongs to: for code handed only the entity manager
     * of a unit of work (a request service's {@code tx(em -> ...)}). Fails closed when {@code em}
     * is not the entity manager of the tenant unit of work running on this thread, so an entity
     * manager can never be paired with another tenant.
     *
     * @throws TenantNotBoundException if {@code em} is not bound to a tenant on this thread
     */
    public static TenantWork of(EntityManager em) {
        TenantWork work = ACTIVE.get();
        if (work == null || work.em != em) {
            throw new TenantNotBoundException();
        }
        return work;
    }

    /**
     * Runs {@code action} once this unit of work has committed, never if it rolls back: how an
     * observer inside someone else's transaction publishes a live event after the commit.
     */
    public void afterCommit(Runnable action) {
        AfterCommit.run(this, action);
    }

    /** Marks this unit of work active on the thread; returns the one it replaces. */
    TenantWork activate() {
        TenantWork previous = ACTIVE.get();
        ACTIVE.set(this);
        return previous;
    }

    /** Puts back the unit of work {@link #activate} replaced. */
    static void deactivate(TenantWork previous) {
        if (previous == null) {
            ACTIVE.remove();
        } else {
            ACTIVE.set(previous);
        }
    }

    /** The entity manager of this unit of work, bound to the tenant's schema. */
    public EntityManager em() {
        return em;
    }

    /** The tenant this unit of work runs in. */
    public TenantRef tenant() {
        return tenant;
    }

    /** The tenant's internal id (the key of its rows in the per-tenant {@code platform} tables). */
    public long tenantId() {
        return tenant.id();
    }

    /**
     * A native query in the tenant's schema: write tenant tables unqualified ({@code SELECT ...
     * FROM leads}); the transaction's {@code search_path} resolves them.
     */
    public Query sql(String sql) {
        return em.createNativeQuery(sql);
    }

    /** The per-tenant {@code platform} tables, filtered to this tenant. */
    public TenantPlatformTables platform() {
        return platform;
    }
}
