package com.buildcrm.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * The request's tenant data: runs work in the schema of the tenant bound to the current request.
 * Without a bound tenant it throws {@link TenantNotBoundException} (fail closed).
 */
@ApplicationScoped
public class TenantData {

    @Inject TenantContext context;
    @Inject Storage storage;

    /** Runs {@code work} in one transaction in the request's tenant. */
    public <T> T tx(Function<EntityManager, T> work) {
        return storage.transactions().inTenant(context.require(), w -> work.apply(w.em()));
    }

    /**
     * Runs {@code work}, which only reads, in one read-only transaction in the request's tenant: no
     * flush before each query, no comparison of every entity read at the end (a board reads 140
     * leads). A change made to an entity here is never written (Transactions#readInTenant).
     */
    public <T> T read(Function<EntityManager, T> work) {
        return storage.transactions().readInTenant(context.require(), w -> work.apply(w.em()));
    }

    /** {@link #read} for helpers that take the bound unit of work ({@link TenantWork}). */
    public <T> T readWork(Function<TenantWork, T> work) {
        return storage.transactions().readInTenant(context.require(), work);
    }

    /**
     * Runs {@code work} in one transaction in the request's tenant, handing it the bound unit of
     * work (for helpers that take a {@link TenantWork}, and the per-tenant platform tables).
     */
    public <T> T work(Function<TenantWork, T> work) {
        return storage.transactions().inTenant(context.require(), work);
    }

    public TenantRef tenant() {
        return context.require();
    }

    public long currentUserId() {
        return context.requireUserId();
    }

    /** The business role key ({@code owner}, {@code rop}, {@code manager}) of the caller. */
    public String currentRole() {
        return context.requireRole();
    }
}
