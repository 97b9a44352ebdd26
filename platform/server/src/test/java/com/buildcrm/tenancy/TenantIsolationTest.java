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
            String acmeOwner = tx.inTenant(acme, w -> w.em().find(User.class, 1L).email());
            String betaOwner = tx.inTenant(beta, w -> w.em().find(User.class, 1L).email());
            String acmeStage = tx.inTenant(acme, w -> w.em().find(Stage.class, 1L).name());
            String betaStage = tx.inTenant(beta, w -> w.em().find(Stage.class, 1L).name());
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
                w -> {
                    w.em().persist(
                                    new User(
                                            "manager@acme.kz",
                                            "Manager",
                                            Role.MANAGER,
                                            "x",
                                            OffsetDateTime.now()));
                    return null;
                });
        List<String> inAcme = tx.inTenant(acme, w -> emails(w.em()));
        List<String> inBeta = tx.inTenant(beta, w -> emails(w.em()));
        assertThat(inAcme).contains("manager@acme.kz").doesNotContain("owner@beta.de");
        assertThat(inBeta).containsExactly("owner@beta.de");
    }

    private static List<String> emails(jakarta.persistence.EntityManager em) {
        return em.createQuery("SELECT u.email FROM User u", String.class).getResultList();
    }

    @Test
    void withoutATenantTenantDataIsUnreachable() {
        assertThatThrownBy(() -> tx.inTenant(null, w -> w.em().find(User.class, 1L)))
                .isInstanceOf(TenantNotBoundException.class);
        assertThatThrownBy(
                        () ->
                                tx.inPlatform(
                                        em ->
                                                em.createQuery("SELECT u FROM User u", User.class)
                                                        .getResultList()))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void nativeSqlWithUnqualifiedTableNamesReachesTheBoundTenantOnly() {
        for (int round = 0; round < 3; round++) {
            // an entity read first, then native SQL: both in the same tenant
            String acmeOwner =
                    tx.inTenant(
                            acme,
                            w -> {
                                w.em().find(Stage.class, 1L);
                                return (String)
                                        w.sql("SELECT email FROM users WHERE id = 1")
                                                .getSingleResult();
                            });
            String betaOwner =
                    tx.inTenant(
                            beta,
                            w ->
                                    (String)
                                            w.sql("SELECT email FROM users WHERE id = 1")
                                                    .getSingleResult());
            assertThat(acmeOwner).isEqualTo("owner@acme.kz");
            assertThat(betaOwner).isEqualTo("owner@beta.de");
        }
        Object pathAfter =
                tx.inPlatform(
                        em ->
                                em.createNativeQuery("SELECT current_setting('search_path')")
                                        .getSingleResult());
        assertThat(String.valueOf(pathAfter)).doesNotContain("t_");
    }

    @Test
    void anEntityManagerIsPairedOnlyWithItsOwnUnitOfWork() {
        TenantRef seen = tx.inTenant(acme, w -> TenantWork.of(w.em()).tenant());
        assertThat(seen).isEqualTo(acme);
        // an entity manager outside its unit of work, or a platform one, has no tenant to hand out
        jakarta.persistence.EntityManager leaked = tx.inTenant(beta, TenantWork::em);
        assertThatThrownBy(() -> tx.inTenant(acme, w -> TenantWork.of(leaked)))
                .isInstanceOf(TenantNotBoundException.class);
        assertThatThrownBy(() -> tx.inPlatform(TenantWork::of))
                .isInstanceOf(TenantNotBoundException.class);
    }

    @Test
    void perTenantPlatformTablesAreFilteredByTheBoundTenant() {
        tx.inPlatform(
                em ->
                        em.createNativeQuery(
                                        "INSERT INTO platform.tenant_followups (tenant_id, policy)"
                                                + " VALUES (?1, CAST('{}' AS jsonb)), (?2, CAST('{}' AS jsonb))"
                                                + " ON CONFLICT DO NOTHING")
                                .setParameter(1, acme.id())
                                .setParameter(2, beta.id())
                                .executeUpdate());
        List<?> seenByAcme =
                tx.inTenant(
                        acme,
                        w ->
                                w.platform()
                                        .query(
                                                "SELECT tenant_id FROM platform.tenant_followups"
                                                        + " WHERE tenant_id = ?1")
                                        .getResultList());
        assertThat(seenByAcme).hasSize(1);
        assertThat(((Number) seenByAcme.get(0)).longValue()).isEqualTo(acme.id());
        assertThatThrownBy(
                        () ->
                                tx.inTenant(
                                        acme,
                                        w ->
                                                w.platform()
                                                        .query(
                                                                "SELECT * FROM platform.tenant_followups")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                tx.inTenant(
                                        acme,
                                        w ->
                                                w.platform()
                                                        .query(
                                                                "SELECT * FROM platform.tenants WHERE tenant_id = ?1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logLinesInsideATenantUnitOfWorkNameTheTenantAndOthersDoNot() {
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture =
                new java.util.logging.Handler() {
                    private final java.util.logging.SimpleFormatter format =
                            new java.util.logging.SimpleFormatter();

                    @Override
                    public void publish(java.util.logging.LogRecord r) {
                        lines.add(format.formatMessage(r));
                    }

                    @Override
                    public void flush() {}

                    @Override
                    public void close() {}
                };
        java.util.logging.Logger ours =
                java.util.logging.Logger.getLogger("com.buildcrm.tenancy.logtest");
        TenantLogHandler handler =
                TenantLogHandler.install(
                        ours,
                        new TenantLogHandler(() -> new java.util.logging.Handler[] {capture}));
        try {
            ours.info("before any tenant");
            tx.inTenant(
                    acme,
                    w -> {
                        ours.info("inside acme");
                        ours.log(java.util.logging.Level.INFO, "lead {0} updated", 42);
                        return null;
                    });
            tx.inPlatform(
                    em -> {
                        ours.info("in the platform");
                        return null;
                    });
            ours.info("after the tenant");
            new TenantTransactions()
                    .namedInLogs(beta, () -> ours.info("a job between its transactions"));
            ours.info("after the job");
        } finally {
            TenantLogHandler.uninstall(ours, handler);
        }
        assertThat(lines)
                .containsExactly(
                        "before any tenant",
                        "[tenant acme#" + acme.id() + "] inside acme",
                        "[tenant acme#" + acme.id() + "] lead 42 updated",
                        "in the platform",
                        "after the tenant",
                        "[tenant beta#" + beta.id() + "] a job between its transactions",
                        "after the job");
    }
}
