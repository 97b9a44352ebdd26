package com.buildcrm.tenancy;

import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Operator-wide reads that look into a tenant's schema from a {@code platform} unit of work (the
 * admin console's tenant list). They span tenants by design, which is why they live here and say
 * so: the schema name is read from {@code platform.tenants} (written by the provisioner) and
 * validated before it reaches SQL.
 */
public final class CrossTenantReads {

    private static final Pattern TENANT_SCHEMA = Pattern.compile("^t_[0-9]+$");

    private CrossTenantReads() {}

    /**
     * Leads the tenant created since {@code since}, counted in its own schema; null while the
     * schema is not provisioned (or the tenant is unknown).
     */
    public static Long leadsCreatedSince(
            EntityManager platformEm, long tenantId, OffsetDateTime since) {
        List<?> names =
                platformEm
                        .createNativeQuery("SELECT schema_name FROM platform.tenants WHERE id = ?1")
                        .setParameter(1, tenantId)
                        .getResultList();
        String schema = names.isEmpty() ? null : (String) names.get(0);
        if (schema == null || !TENANT_SCHEMA.matcher(schema).matches()) {
            return null;
        }
        Object exists =
                platformEm
                        .createNativeQuery("SELECT CAST(to_regclass(?1) AS text)")
                        .setParameter(1, schema + ".leads")
                        .getSingleResult();
        if (exists == null) {
            return null;
        }
        Object count =
                platformEm
                        .createNativeQuery(
                                "SELECT count(*) FROM " + schema + ".leads WHERE created_at >= ?1")
                        .setParameter(1, since)
                        .getSingleResult();
        return ((Number) count).longValue();
    }
}
