package com.buildcrm.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Locale;

/**
 * The per-tenant tables of the shared {@code platform} schema (rows keyed by {@code tenant_id}),
 * reached from inside a tenant unit of work: the tenant filter comes from the bound context, not
 * from the caller. Write the SQL with {@code ?1} standing for the bound tenant's id ({@code WHERE
 * tenant_id = ?1}, or {@code VALUES (?1, ...)}) and number your own parameters from {@code ?2};
 * {@code ?1} is bound here.
 *
 * <p>Queries that span tenants (the operator's health and audit views, the job pollers) are not
 * made here: they live with their feature and say so in their names.
 */
public final class TenantPlatformTables {

    /**
     * The {@code platform} tables that hold rows of one tenant each (a {@code tenant_id} column).
     */
    public static final List<String> TABLES =
            List.of(
                    "platform.channels",
                    "platform.inbox",
                    "platform.outbox",
                    "platform.tenant_ai",
                    "platform.tenant_greetings",
                    "platform.tenant_followups",
                    "platform.live_tickets",
                    "platform.refresh_tokens",
                    "platform.audit_log");

    private final EntityManager em;
    private final long tenantId;

    TenantPlatformTables(EntityManager em, long tenantId) {
        this.em = em;
        this.tenantId = tenantId;
    }

    /**
     * A native query on per-tenant {@code platform} tables with {@code ?1} bound to this unit of
     * work's tenant.
     *
     * @throws IllegalArgumentException if the SQL names none of {@link #TABLES} or does not use
     *     {@code ?1} together with {@code tenant_id}
     */
    public Query query(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        if (TABLES.stream().noneMatch(lower::contains)) {
            throw new IllegalArgumentException("not a per-tenant platform table: " + sql);
        }
        if (!lower.contains("tenant_id") || !lower.contains("?1")) {
            throw new IllegalArgumentException(
                    "per-tenant SQL must filter tenant_id by ?1: " + sql);
        }
        return em.createNativeQuery(sql).setParameter(1, tenantId);
    }
}
