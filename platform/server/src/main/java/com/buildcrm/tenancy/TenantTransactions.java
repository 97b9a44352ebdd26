package com.buildcrm.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sanctioned way into a tenant for code that is not serving that tenant's own request: jobs
 * that carry a tenant id, live-event streams, login and the operator's tools. Requests of a
 * business user use {@link TenantData} instead (the tenant bound from the token).
 */
@ApplicationScoped
public class TenantTransactions {

    @Inject Storage storage;
    @Inject TenantDirectory directory;

    /**
     * The tenant a job (or an operator tool) works for, by id and whatever its status: work
     * accepted before a suspension is finished. Empty if no such tenant exists (any more).
     */
    public Optional<TenantRef> forJob(long tenantId) {
        return directory.byIdAnyStatus(tenantId);
    }

    /**
     * Runs {@code work} in one transaction in {@code tenant}'s schema, with the tenant named in the
     * thread's log lines. The {@link TenantRef} comes from {@code tenancy} (the directory, a
     * request's context, {@link #forJob}).
     */
    public <T> T in(TenantRef tenant, Function<TenantWork, T> work) {
        return storage.transactions().inTenant(tenant, work);
    }

    /**
     * Like {@link #in}, for work that only reads (an AI turn's snapshot of the lead): the database
     * refuses any write, and the unit of work neither flushes before its queries nor compares what
     * it read at the end, which is a rollback (ADR 051). A change made to an entity here is never
     * written; return values, not entities.
     */
    public <T> T read(TenantRef tenant, Function<TenantWork, T> work) {
        return storage.transactions().readInTenant(tenant, work);
    }

    /**
     * Runs a whole job for {@code tenant} with the tenant named in every log line the thread writes
     * meanwhile — also between its transactions (waiting for the LLM, calling the provider), where
     * {@link #in} alone would leave the lines unnamed. The previous label is restored afterwards.
     */
    public void namedInLogs(TenantRef tenant, Runnable job) {
        String previous = TenantLogContext.enter(tenant);
        try {
            job.run();
        } finally {
            TenantLogContext.restore(previous);
        }
    }
}
