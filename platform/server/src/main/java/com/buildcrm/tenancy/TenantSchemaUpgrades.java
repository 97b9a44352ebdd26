package com.buildcrm.tenancy;

import com.buildcrm.config.ServerSettings;
import com.buildcrm.provisioner.MigrationReport;
import com.buildcrm.provisioner.TenantProvisioner;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Brings tenant schemas that are behind up to date, in the background after start-up. Up-to-date
 * tenants cost nothing: the provisioner finds the ones behind with one query on {@code platform}.
 */
@ApplicationScoped
public class TenantSchemaUpgrades {

    private static final Logger LOG = Logger.getLogger(TenantSchemaUpgrades.class.getName());

    @Inject Storage storage;
    @Inject ServerSettings settings;

    @Resource ManagedExecutorService executor;
    @Resource ManagedThreadFactory threadFactory;

    private volatile TenantProvisioner provisioner;

    private final AtomicReference<MigrationReport> last = new AtomicReference<>();

    public void upgradeBehindInBackground() {
        executor.submit(
                () -> {
                    try {
                        MigrationReport report = provisioner().migrateAll();
                        last.set(report);
                        LOG.info(() -> "Tenant schemas: " + report);
                    } catch (RuntimeException e) {
                        LOG.log(Level.SEVERE, "Upgrading tenant schemas failed", e);
                    }
                });
    }

    /** The provisioner on the server's own pool, migrating on container-managed threads. */
    public TenantProvisioner provisioner() {
        TenantProvisioner p = provisioner;
        if (p == null) {
            synchronized (this) {
                p = provisioner;
                if (p == null) {
                    p =
                            TenantProvisioner.builder(storage.directDataSource())
                                    .parallelism(settings.tenantMigrationParallelism())
                                    .threadFactory(threadFactory)
                                    .build();
                    provisioner = p;
                }
            }
        }
        return p;
    }

    public MigrationReport lastReport() {
        return last.get();
    }
}
