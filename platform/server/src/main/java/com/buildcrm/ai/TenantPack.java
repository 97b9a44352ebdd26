package com.buildcrm.ai;

import com.buildcrm.lead.LeadJson;
import jakarta.persistence.EntityManager;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the AI needs to know of a tenant's row in {@code platform.tenants}: its pack, the pack's
 * settings (values as text, nulls left out) and its locale. A typed projection of {@link #COLUMNS}.
 *
 * @param packId the PF4J plugin id of the tenant's pack
 * @param settings the operator's pack settings
 * @param locale the tenant's locale, e.g. {@code ru}
 */
public record TenantPack(String packId, Map<String, String> settings, String locale) {

    /** The select list {@link #of} reads, in its order. */
    static final String COLUMNS = "plugin_id, pack_settings::text, locale";

    public TenantPack {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings)); // keeps the order
    }

    /**
     * The tenant's pack setup, read in the caller's (platform) transaction.
     *
     * @throws IllegalStateException when there is no such tenant
     */
    public static TenantPack load(EntityManager em, long tenantId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("SELECT " + COLUMNS + " FROM platform.tenants WHERE id = ?1")
                        .setParameter(1, tenantId)
                        .getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no tenant " + tenantId);
        }
        return of(rows.get(0));
    }

    static TenantPack of(Object[] r) {
        Map<String, String> settings = new LinkedHashMap<>();
        LeadJson.toMap(LeadJson.parseObject(String.valueOf(r[1])))
                .forEach(
                        (k, v) -> {
                            if (v != null) {
                                settings.put(k, String.valueOf(v));
                            }
                        });
        return new TenantPack((String) r[0], settings, (String) r[2]);
    }
}
