package com.buildcrm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.provisioner.NewOwner;
import com.buildcrm.provisioner.NewTenant;
import com.buildcrm.provisioner.PlatformMigrations;
import com.buildcrm.provisioner.ProvisionResult;
import com.buildcrm.provisioner.TenantProvisioner;
import com.buildcrm.user.Role;
import com.buildcrm.user.User;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validation;
import java.time.OffsetDateTime;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tenant entity manager used to get its own copies of the entity descriptors (EclipseLink's
 * {@code TABLE_PER_TENANT}); once it was closed, nothing could be allowed to keep them.
 * EclipseLink's Bean Validation listener did (eclipselink#2635: its validator map is keyed by
 * descriptor), so a server that had run ~80,000 tenant transactions spent its 6 GB heap on them and
 * stalled in full GCs (found by the 100,000 follow-up bench). Since ADR 043 the tenant entities are
 * plain entities read through the transaction's {@code search_path}: no copies exist, which this
 * test pins down. Payara bundles Hibernate Validator; so does this test's class path, so the
 * persistence unit meets it as it does in the server.
 */
class TenantEntityManagerLeakTest {

    private static EmbeddedPostgres pg;
    private static EntityManagers managers;
    private static TenantRef tenant;

    @BeforeAll
    static void oneTenant() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        var ds = pg.getPostgresDatabase();
        PlatformMigrations.migrate(ds);
        ProvisionResult r =
                new TenantProvisioner(ds)
                        .create(
                                new NewTenant(
                                        "leak",
                                        "Leak",
                                        "Asia/Almaty",
                                        "ru",
                                        "generic-sales",
                                        new NewOwner("O", "owner@leak.kz", "password-l1")));
        tenant = new TenantRef(r.tenantId(), r.slug(), r.schemaName());
        managers = new EntityManagers(ds);
    }

    @AfterAll
    static void stop() throws Exception {
        if (managers != null) {
            managers.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void theTestClassPathHasPayarasValidationProvider() {
        // without a provider EclipseLink registers no validation listener and the test below proves
        // nothing
        assertThat(Validation.buildDefaultValidatorFactory().getValidator()).isNotNull();
    }

    @Test
    void aTenantUnitOfWorkUsesTheSharedDescriptorsAndCopiesNothing() {
        ClassDescriptor used =
                new Transactions(managers)
                        .inTenant(
                                tenant,
                                work -> {
                                    work.em()
                                            .persist(
                                                    new User(
                                                            "m" + System.nanoTime() + "@leak.kz",
                                                            "Manager",
                                                            Role.MANAGER,
                                                            "x",
                                                            OffsetDateTime.now()));
                                    work.em().flush();
                                    return work.em()
                                            .unwrap(JpaEntityManager.class)
                                            .getActiveSession()
                                            .getDescriptor(User.class);
                                });
        EntityManager platform = managers.forPlatform();
        try {
            ClassDescriptor shared =
                    platform.unwrap(JpaEntityManager.class)
                            .getServerSession()
                            .getDescriptor(User.class);
            // the schema comes from the transaction's search_path (ADR 043): no per-tenant copy of
            // the descriptors exists that a listener could keep, and JPQL is parsed once
            assertThat(used).isSameAs(shared);
        } finally {
            platform.close();
        }
    }
}
