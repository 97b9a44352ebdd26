package com.buildcrm.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The one EclipseLink persistence unit, shared by all tenants (schema-per-tenant through {@code
 * TABLE_PER_TENANT} + {@code SCHEMA} discriminator) with no shared cache across tenants. The only
 * place where an entity manager is created and a schema is chosen.
 */
public final class EntityManagers implements AutoCloseable {

    /** The EclipseLink context property carrying the tenant schema (see the tenant entities). */
    public static final String TENANT_SCHEMA_PROPERTY = "buildcrm.tenant-schema";

    private final EntityManagerFactory emf;

    public EntityManagers(DataSource dataSource) {
        Map<String, Object> props = new HashMap<>();
        props.put("eclipselink.persistencexml", "META-INF/buildcrm-persistence.xml");
        props.put("jakarta.persistence.nonJtaDataSource", dataSource);
        props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        this.emf = Persistence.createEntityManagerFactory("buildcrm", props);
    }

    EntityManager forPlatform() {
        return emf.createEntityManager();
    }

    EntityManager forTenant(TenantRef tenant) {
        return emf.createEntityManager(Map.of(TENANT_SCHEMA_PROPERTY, tenant.schema()));
    }

    @Override
    public void close() {
        emf.close();
    }
}
