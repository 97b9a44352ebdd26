package com.buildcrm.tenancy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The one EclipseLink persistence unit, shared by all tenants, with no shared cache. The tenant
 * entities name no schema: a tenant unit of work reaches its schema through the {@code SET LOCAL
 * search_path} that {@link Transactions} runs as its first statement — the same guarantee the
 * native queries always had (ADR 043; before, EclipseLink's {@code TABLE_PER_TENANT} copied the
 * descriptors and re-parsed every JPQL string in each transaction). The only place where an entity
 * manager is created.
 */
public final class EntityManagers implements AutoCloseable {

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

    /** An entity manager for {@code tenant}'s unit of work; its transaction picks the schema. */
    EntityManager forTenant(TenantRef tenant) {
        if (tenant == null) {
            throw new TenantNotBoundException();
        }
        return emf.createEntityManager();
    }

    @Override
    public void close() {
        emf.close();
    }
}
