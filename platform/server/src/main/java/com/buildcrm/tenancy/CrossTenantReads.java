package com.buildcrm.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Operator-wide reads that look into tenants' schemas from a {@code platform} unit of work (the
 * admin console's tenant list). They span tenants by design, which is why they live here and say
 * so: the schema names come from {@code platform.tenants} (written by the provisioner) and are
 * validated before they reach SQL.
 */
public final class CrossTenantReads {

    private static final Pattern TENANT_SCHEMA = Pattern.compile("^t_[0-9]+$");

    /** Schemas per statement: one UNION ALL branch each, so the statement stays small to plan. */
    private static final int SCHEMAS_PER_STATEMENT = 200;

    /** One tenant of a cross-tenant count: its schema (which has a leads table) and the moment. */
    public record Since(long tenantId, String schema, OffsetDateTime since) {}

    private CrossTenantReads() {}

    /**
     * Leads each tenant created since its moment, counted in its own schema through the leads'
     * creation index: one statement per 200 tenants. A tenant whose schema name is not a tenant
     * schema is refused, never queried.
     */
    public static Map<Long, Long> leadsCreatedSince(EntityManager platformEm, List<Since> wanted) {
        Map<Long, Long> counts = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += SCHEMAS_PER_STATEMENT) {
            List<Since> chunk =
                    wanted.subList(from, Math.min(wanted.size(), from + SCHEMAS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) {
                Since s = chunk.get(i);
                if (!TENANT_SCHEMA.matcher(s.schema()).matches()) {
                    throw new IllegalArgumentException("not a tenant schema: " + s.schema());
                }
                if (i > 0) {
                    sql.append(" UNION ALL ");
                }
                sql.append("SELECT CAST(")
                        .append(s.tenantId())
                        .append(" AS bigint), count(*) FROM ")
                        .append(s.schema())
                        .append(".leads WHERE created_at >= ?")
                        .append(i + 1);
            }
            Query query = platformEm.createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                query.setParameter(i + 1, chunk.get(i).since());
            }
            for (Object row : query.getResultList()) {
                Object[] r = (Object[]) row;
                counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
            }
        }
        return counts;
    }
}
