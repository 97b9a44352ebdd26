package com.buildcrm.provisioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.provisioner.InvalidTenantRequestException.FieldError;
import com.buildcrm.provisioner.ProvisionResult.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantProvisionerTest {

    private TestDatabase db;
    private TenantProvisioner provisioner;

    @BeforeEach
    void freshDatabase() {
        db = TestDatabase.fresh();
        provisioner = new TenantProvisioner(db.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    static NewTenant tenant(String slug, String locale) {
        return new NewTenant(
                slug,
                "Company " + slug,
                "Asia/Almaty",
                locale,
                "generic-sales",
                new NewOwner("Owner of " + slug, "Owner@" + slug + ".kz", "s3cret-pass"));
    }

    @Test
    void createProvisionsSchemaStagesAndOwner() {
        ProvisionResult ru = provisioner.create(tenant("alpha", "ru"));
        ProvisionResult en = provisioner.create(tenant("beta", "en"));

        assertThat(ru.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(ru.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(
                        db.value(
                                "SELECT status || '/' || provisioning_step FROM platform.tenants"
                                        + " WHERE slug = 'alpha'"))
                .isEqualTo("ACTIVE/ACTIVE");
        assertThat(db.column("SELECT name FROM " + ru.schemaName() + ".stages ORDER BY position"))
                .containsExactly(
                        "Новый",
                        "В работе",
                        "Просит звонок",
                        "Неполные данные",
                        "Полные данные",
                        "Успешно",
                        "Отказ");
        assertThat(db.column("SELECT role FROM " + en.schemaName() + ".stages ORDER BY position"))
                .containsExactly(
                        "NEW",
                        "IN_PROGRESS",
                        "CALL_REQUESTED",
                        "PARTIAL_DATA",
                        "FULL_DATA",
                        "WON",
                        "LOST");
        assertThat(db.column("SELECT name FROM " + en.schemaName() + ".stages ORDER BY position"))
                .startsWith("New", "In progress")
                .endsWith("Won", "Lost");
        assertThat(db.column("SELECT DISTINCT color FROM " + en.schemaName() + ".stages"))
                .hasSize(7);

        assertThat(db.value("SELECT email || '/' || role FROM " + ru.schemaName() + ".users"))
                .isEqualTo("owner@alpha.kz/owner");
        String hash = db.value("SELECT password_hash FROM " + ru.schemaName() + ".users");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(PasswordHasher.verify("s3cret-pass", hash)).isTrue();

        assertThat(
                        db.value(
                                "SELECT version || '/' || status FROM platform.tenant_schema_versions"
                                        + " WHERE tenant_id = "
                                        + ru.tenantId()))
                .isEqualTo(TenantMigrationTest.CURRENT + "/OK");
        assertThat(db.count("SELECT count(*) FROM " + ru.schemaName() + ".flyway_schema_history"))
                .isEqualTo(Long.parseLong(TenantMigrationTest.CURRENT));
        assertThat(provisioner.list())
                .extracting(
                        TenantSummary::slug, TenantSummary::status, TenantSummary::schemaVersion)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "alpha", TenantStatus.ACTIVE, TenantMigrationTest.CURRENT),
                        org.assertj.core.groups.Tuple.tuple(
                                "beta", TenantStatus.ACTIVE, TenantMigrationTest.CURRENT));
    }

    @Test
    void createTwiceIsHarmless() {
        ProvisionResult first = provisioner.create(tenant("alpha", "ru"));
        provisioner.create(tenant("beta", "ru"));
        db.execute(
                "UPDATE " + first.schemaName() + ".stages SET name = 'Renamed' WHERE role = 'NEW'");
        String hashBefore = db.value("SELECT password_hash FROM " + first.schemaName() + ".users");
        String updatedBefore =
                db.value("SELECT updated_at FROM platform.tenants WHERE slug = 'alpha'");

        NewTenant again =
                new NewTenant(
                        "alpha",
                        "Another name",
                        "Europe/Moscow",
                        "en",
                        "generic-sales",
                        new NewOwner("Somebody", "else@alpha.kz", "other-password"));
        ProvisionResult second = provisioner.create(again);

        assertThat(second.outcome()).isEqualTo(Outcome.ALREADY_EXISTS);
        assertThat(second.tenantId()).isEqualTo(first.tenantId());
        assertThat(second.schemaName()).isEqualTo(first.schemaName());
        assertThat(second.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(db.count("SELECT count(*) FROM platform.tenants")).isEqualTo(2);
        assertThat(
                        db.value(
                                "SELECT name || '/' || timezone || '/' || updated_at"
                                        + " FROM platform.tenants WHERE slug = 'alpha'"))
                .isEqualTo("Company alpha/Asia/Almaty/" + updatedBefore);
        assertThat(db.column("SELECT email FROM " + first.schemaName() + ".users"))
                .containsExactly("owner@alpha.kz");
        assertThat(db.value("SELECT password_hash FROM " + first.schemaName() + ".users"))
                .isEqualTo(hashBefore);
        assertThat(db.count("SELECT count(*) FROM " + first.schemaName() + ".stages")).isEqualTo(7);
        assertThat(
                        db.value(
                                "SELECT name FROM "
                                        + first.schemaName()
                                        + ".stages WHERE role = 'NEW'"))
                .isEqualTo("Renamed");

        db.execute("UPDATE platform.tenants SET status = 'SUSPENDED' WHERE slug = 'alpha'");
        ProvisionResult suspended = provisioner.create(tenant("alpha", "ru"));
        assertThat(suspended.outcome()).isEqualTo(Outcome.ALREADY_EXISTS);
        assertThat(suspended.status()).isEqualTo(TenantStatus.SUSPENDED);
    }

    @Test
    void provisioningInterruptedAfterSchemaStepResumes() {
        provisioner.create(tenant("other", "ru"));
        List<ProvisioningStep> seen = new ArrayList<>();
        AtomicBoolean crash = new AtomicBoolean(true);
        TenantProvisioner crashing =
                TenantProvisioner.builder(db.dataSource())
                        .stepListener(
                                (id, slug, step) -> {
                                    seen.add(step);
                                    if (crash.get() && step == ProvisioningStep.SCHEMA_CREATED) {
                                        throw new IllegalStateException("simulated crash");
                                    }
                                })
                        .build();

        assertThatThrownBy(() -> crashing.create(tenant("alpha", "en")))
                .isInstanceOf(ProvisioningException.class)
                .hasRootCauseMessage("simulated crash")
                .satisfies(
                        e ->
                                assertThat(((ProvisioningException) e).lastCompletedStep())
                                        .isEqualTo(ProvisioningStep.SCHEMA_CREATED));
        assertThat(seen)
                .containsExactly(ProvisioningStep.REGISTERED, ProvisioningStep.SCHEMA_CREATED);
        String schema = db.value("SELECT schema_name FROM platform.tenants WHERE slug = 'alpha'");
        assertThat(
                        db.value(
                                "SELECT status || '/' || provisioning_step FROM platform.tenants"
                                        + " WHERE slug = 'alpha'"))
                .isEqualTo("FAILED/SCHEMA_CREATED");
        assertThat(db.schemaExists(schema)).isTrue();
        assertThat(db.count("SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema + "'"))
                .isZero();
        // an interrupted tenant is not migrate-all's business: create resumes it
        assertThat(crashing.migrateAll().upToDate()).containsExactly("other");

        crash.set(false);
        seen.clear();
        ProvisionResult resumed = crashing.create(tenant("alpha", "ru"));

        assertThat(resumed.outcome()).isEqualTo(Outcome.RESUMED);
        assertThat(resumed.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(resumed.schemaName()).isEqualTo(schema);
        assertThat(seen)
                .containsExactly(
                        ProvisioningStep.MIGRATED,
                        ProvisioningStep.SEEDED,
                        ProvisioningStep.ACTIVE);
        assertThat(
                        db.value(
                                "SELECT status || '/' || provisioning_step FROM platform.tenants"
                                        + " WHERE slug = 'alpha'"))
                .isEqualTo("ACTIVE/ACTIVE");
        // the registered locale (en) wins over the resuming request's
        assertThat(db.column("SELECT name FROM " + schema + ".stages ORDER BY position"))
                .first()
                .isEqualTo("New");
        assertThat(db.count("SELECT count(*) FROM " + schema + ".users")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM platform.tenants")).isEqualTo(2);
        assertThat(provisioner.create(tenant("alpha", "ru")).outcome())
                .isEqualTo(Outcome.ALREADY_EXISTS);
    }

    @Test
    void seedingInterruptedHalfwayIsCompletedWithoutDuplicates() {
        provisioner.create(tenant("other", "ru"));
        TenantProvisioner crashing =
                TenantProvisioner.builder(db.dataSource())
                        .stepListener(
                                (id, slug, step) -> {
                                    if (step == ProvisioningStep.MIGRATED) {
                                        throw new IllegalStateException("simulated crash");
                                    }
                                })
                        .build();
        assertThatThrownBy(() -> crashing.create(tenant("alpha", "ru")))
                .isInstanceOf(ProvisioningException.class);
        String schema = db.value("SELECT schema_name FROM platform.tenants WHERE slug = 'alpha'");
        // part of the seed already there (e.g. a crash between commit and recording the step)
        db.execute(
                "INSERT INTO "
                        + schema
                        + ".stages (name, role, position) VALUES ('Mine', 'NEW', 1)");

        ProvisionResult resumed = provisioner.create(tenant("alpha", "ru"));

        assertThat(resumed.outcome()).isEqualTo(Outcome.RESUMED);
        assertThat(db.column("SELECT name FROM " + schema + ".stages ORDER BY position"))
                .hasSize(7)
                .startsWith("Mine", "В работе");
        assertThat(db.count("SELECT count(*) FROM " + schema + ".users")).isEqualTo(1);
    }

    @Test
    void failedMigrationDuringProvisioningIsRecordedAndResumable() {
        provisioner.create(tenant("other", "ru"));
        TenantProvisioner broken =
                TenantProvisioner.builder(db.dataSource())
                        .locations("classpath:db/test-tenant-broken")
                        .build();

        assertThatThrownBy(() -> broken.create(tenant("alpha", "ru")))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("no_such_table");
        long id = Long.parseLong(db.value("SELECT id FROM platform.tenants WHERE slug = 'alpha'"));
        assertThat(
                        db.value(
                                "SELECT status || '/' || provisioning_step FROM platform.tenants"
                                        + " WHERE id = "
                                        + id))
                .isEqualTo("FAILED/SCHEMA_CREATED");
        assertThat(
                        db.value(
                                "SELECT status FROM platform.tenant_schema_versions WHERE tenant_id = "
                                        + id))
                .isEqualTo("FAILED");
        assertThat(
                        db.value(
                                "SELECT error FROM platform.tenant_schema_versions WHERE tenant_id = "
                                        + id))
                .contains("no_such_table");

        ProvisionResult resumed = provisioner.create(tenant("alpha", "ru"));

        assertThat(resumed.outcome()).isEqualTo(Outcome.RESUMED);
        assertThat(resumed.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(
                        db.value(
                                "SELECT version || '/' || status || '/' || (error IS NULL)"
                                        + " FROM platform.tenant_schema_versions WHERE tenant_id = "
                                        + id))
                .isEqualTo(TenantMigrationTest.CURRENT + "/OK/true");
    }

    @Test
    void schemaNameComesFromInternalId() {
        ProvisionResult first = provisioner.create(tenant("alpha", "ru"));
        ProvisionResult second = provisioner.create(tenant("t-1", "ru"));

        assertThat(first.schemaName()).isEqualTo("t_" + first.tenantId());
        assertThat(second.schemaName()).isEqualTo("t_" + second.tenantId());
        assertThat(second.tenantId()).isGreaterThan(first.tenantId());
        assertThat(first.tenantId()).isGreaterThanOrEqualTo(1000);
        assertThat(db.column("SELECT schema_name FROM platform.tenants ORDER BY id"))
                .containsExactly(first.schemaName(), second.schemaName());
        assertThat(
                        db.column(
                                "SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%'"
                                        + " ORDER BY nspname"))
                .containsExactlyInAnyOrder(first.schemaName(), second.schemaName());
        assertThat(db.count("SELECT count(*) FROM pg_namespace WHERE nspname IN ('alpha', 't-1')"))
                .isZero();
    }

    @Test
    void invalidRequestsAreRejectedWithFieldErrorsAndNothingWritten() {
        provisioner.create(tenant("alpha", "ru"));
        provisioner.create(tenant("beta", "ru"));
        long sequenceBefore = db.count("SELECT last_value FROM platform.tenant_id_seq");
        NewTenant bad =
                new NewTenant(
                        "Bad_Slug; DROP SCHEMA platform",
                        "  ",
                        "Mars/Olympus",
                        "de",
                        "generic-sales",
                        new NewOwner("", "not-an-email", "short"));

        assertThatThrownBy(() -> provisioner.create(bad))
                .isInstanceOf(InvalidTenantRequestException.class)
                .extracting(e -> ((InvalidTenantRequestException) e).errors())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(FieldError.class))
                .extracting(FieldError::field)
                .containsExactly(
                        "slug",
                        "name",
                        "timezone",
                        "locale",
                        "owner.name",
                        "owner.email",
                        "owner.password");

        assertThat(rejected(new NewTenant("-alpha", "A", null, null, null, owner())))
                .containsExactly("slug");
        assertThat(rejected(new NewTenant("a".repeat(41), "A", null, null, null, owner())))
                .containsExactly("slug");
        assertThat(rejected(new NewTenant("ok", "A", null, null, null, null)))
                .containsExactly("owner");
        assertThat(rejected(new NewTenant("ok", "A", null, "kk", "../etc", owner())))
                .containsExactly("pluginId");
        assertThat(
                        rejected(
                                new NewTenant(
                                        "ok",
                                        "A",
                                        null,
                                        null,
                                        null,
                                        new NewOwner("O", "a@b.kz", "1234567"))))
                .containsExactly("owner.password");

        assertThat(db.column("SELECT slug FROM platform.tenants ORDER BY id"))
                .containsExactly("alpha", "beta");
        assertThat(db.count("SELECT last_value FROM platform.tenant_id_seq"))
                .isEqualTo(sequenceBefore);
        assertThat(db.count("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 't\\_%'"))
                .isEqualTo(2);

        ProvisionResult defaults =
                provisioner.create(new NewTenant("gamma", " Gamma ", null, null, null, owner()));
        assertThat(defaults.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(
                        db.value(
                                "SELECT name || '|' || timezone || '|' || locale || '|' || plugin_id"
                                        + " FROM platform.tenants WHERE slug = 'gamma'"))
                .isEqualTo("Gamma|Asia/Almaty|ru|generic-sales");
    }

    private static NewOwner owner() {
        return new NewOwner("Owner", "owner@example.kz", "long-enough");
    }

    private List<String> rejected(NewTenant request) {
        try {
            provisioner.create(request);
        } catch (InvalidTenantRequestException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        throw new AssertionError("accepted " + request);
    }

    @Test
    void dropRemovesSchemaAndRows() {
        ProvisionResult alpha = provisioner.create(tenant("alpha", "ru"));
        ProvisionResult beta = provisioner.create(tenant("beta", "ru"));
        db.execute(
                "INSERT INTO platform.audit_log (actor_type, tenant_id, action)"
                        + " VALUES ('SYSTEM', "
                        + alpha.tenantId()
                        + ", 'tenant.created')");

        provisioner.drop("alpha");

        assertThat(db.schemaExists(alpha.schemaName())).isFalse();
        assertThat(db.column("SELECT slug FROM platform.tenants")).containsExactly("beta");
        assertThat(
                        db.count(
                                "SELECT count(*) FROM platform.tenant_schema_versions WHERE tenant_id = "
                                        + alpha.tenantId()))
                .isZero();
        assertThat(db.value("SELECT coalesce(tenant_id::text, 'none') FROM platform.audit_log"))
                .isEqualTo("none");
        assertThat(db.schemaExists(beta.schemaName())).isTrue();
        assertThat(db.count("SELECT count(*) FROM " + beta.schemaName() + ".stages")).isEqualTo(7);
        assertThatThrownBy(() -> provisioner.drop("alpha"))
                .isInstanceOf(UnknownTenantException.class);

        ProvisionResult again = provisioner.create(tenant("alpha", "ru"));
        assertThat(again.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(again.tenantId()).isNotEqualTo(alpha.tenantId());
    }

    @Test
    void concurrentCreateOfTheSameSlugIsRefusedWhileTheFirstRuns() {
        provisioner.create(tenant("other", "ru"));
        List<Throwable> nested = new ArrayList<>();
        TenantProvisioner[] inner = new TenantProvisioner[1];
        TenantProvisioner outer =
                TenantProvisioner.builder(db.dataSource())
                        .stepListener(
                                (id, slug, step) -> {
                                    if (step == ProvisioningStep.MIGRATED) {
                                        try {
                                            inner[0].create(tenant("alpha", "ru"));
                                        } catch (RuntimeException e) {
                                            nested.add(e);
                                        }
                                    }
                                })
                        .build();
        inner[0] = provisioner;

        assertThat(outer.create(tenant("alpha", "ru")).outcome()).isEqualTo(Outcome.CREATED);
        assertThat(nested).singleElement().isInstanceOf(TenantBusyException.class);
        assertThat(db.count("SELECT count(*) FROM platform.tenants")).isEqualTo(2);
    }
}
