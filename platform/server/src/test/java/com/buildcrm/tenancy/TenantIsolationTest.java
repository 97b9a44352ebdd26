package com.buildcrm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.pipeline.Stage;
import com.buildcrm.provisioner.NewOwner;
import com.buildcrm.provisioner.NewTenant;
import com.buildcrm.provisioner.PlatformMigrations;
import com.buildcrm.provisioner.ProvisionResult;
import com.buildcrm.provisioner.TenantProvisioner;
import com.buildcrm.user.Role;
import com.buildcrm.user.User;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two tenants hold rows with the same ids; through one shared persistence unit each reads only its
 * own — the shared-cache trap of STACK.md, on real PostgreSQL.
 */
class TenantIsolationTest {

    private static EmbeddedPostgres pg;
    private static EntityManagers managers;
    private static Transactions tx;
    private static TenantRef acme;
    private static TenantRef beta;

    @BeforeAll
    static void twoTenants() throws Exception {
        pg = EmbeddedPostgres.builder().start();
        var ds = pg.getPostgresDatabase();
        PlatformMigrations.migrate(ds);
        TenantProvisioner provisioner = new TenantProvisioner(ds);
        acme =
                ref(
                        provisioner.create(
                                new NewTenant(
                                        "acme",
                                        "Acme",
                                        "Asia/Almaty",
                                        "ru",
                                        "panel-houses",
                                        new NewOwner("A", "owner@acme.kz", "password-a1"))));
        beta =
                ref(
                        provisioner.create(
                                new NewTenant(
                                        "beta",
                                        "Beta",
                                        "Europe/Berlin",
                                        "en",
                                        "generic-sales",
                                        new NewOwner("B", "owner@beta.de", "password-b1"))));
        managers = new EntityManagers(ds);
        tx = new Transactions(managers);
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

    private static TenantRef ref(ProvisionResult r) {
        return new TenantRef(r.tenantId(), r.slug(), r.schemaName());
    }

    @Test
    void sameIdsInTwoTenantsEachReadsOnlyItsOwn() {
        for (int round = 0; round < 3; round++) {
            String acmeOwner = tx.inTenant(acme, em -> em.find(User.class, 1L).email());
            String betaOwner = tx.inTenant(beta, em -> em.find(User.class, 1L).email());
            String acmeStage = tx.inTenant(acme, em -> em.find(Stage.class, 1L).name());
            String betaStage = tx.inTenant(beta, em -> em.find(Stage.class, 1L).name());
            assertThat(acmeOwner).isEqualTo("owner@acme.kz");
            assertThat(betaOwner).isEqualTo("owner@beta.de");
            assertThat(acmeStage).isEqualTo("Новый");
            assertThat(betaStage).isEqualTo("New");
        }
    }

    @Test
    void queriesAndWritesStayInTheBoundTenant() {
        tx.inTenant(
                acme,
                em -> {
                    em.persist(
                            new User(
                                    "manager@acme.kz",
                                    "Manager",
                                    Role.MANAGER,
                                    "x",
                                    OffsetDateTime.now()));
                    return null;
                });
        List<String> inAcme = tx.inTenant(acme, TenantIsolationTest::emails);
        List<String> inBeta = tx.inTenant(beta, TenantIsolationTest::emails);
        assertThat(inAcme).contains("manager@acme.kz").doesNotContain("owner@beta.de");
        assertThat(inBeta).containsExactly("owner@beta.de");
    }

    private static List<String> emails(jakarta.persistence.EntityManager em) {
        return em.createQuery("SELECT u.email FROM User u", String.class).getResultList();
    }

    @Test
    void withoutATenantTenantDataIsUnreachable() {
        assertThatThrownBy(() -> tx.inTenant(null, em -> em.find(User.class, 1L)))
                .isInstanceOf(TenantNotBoundException.class);
        assertThatThrownBy(
                        () ->
                                tx.inPlatform(
                                        em ->
                                                em.createQuery("SELECT u FROM User u", User.class)
                                                        .getResultList()))
                .isInstanceOf(RuntimeException.class);
    }
}
