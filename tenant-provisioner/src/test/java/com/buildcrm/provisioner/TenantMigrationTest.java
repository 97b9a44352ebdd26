package com.buildcrm.provisioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.provisioner.MigrationReport.Failure;
import com.buildcrm.provisioner.MigrationReport.Upgraded;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public class TenantMigrationTest {

    private static final String V2_LOCATION = "classpath:db/test-tenant-v2";

    /** The version the real tenant stream is at; update it when a tenant migration is added. */
    public static final String CURRENT = "17";

    /** The test-only migration on top (db/test-tenant-v2). */
    static final String NEXT = "9000";

    /**
     * One real Argon2id hash reused for every owner: these tests are about schemas, not hashing.
     */
    private static final String OWNER_HASH = PasswordHasher.hash("s3cret-pass");

    private TestDatabase db;
    private TenantProvisioner atV1;
    private TenantProvisioner atV2;

    @BeforeEach
    void freshDatabase() {
        db = TestDatabase.fresh();
        atV1 =
                TenantProvisioner.builder(db.dataSource())
                        .ownerPasswordHasher(password -> OWNER_HASH)
                        .parallelism(4)
                        .build();
        atV2 =
                TenantProvisioner.builder(db.dataSource())
                        .addLocation(V2_LOCATION)
                        .parallelism(4)
                        .build();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void migrateAllOver200TenantsUpgradesAllButTheBrokenOne() throws Exception {
        long start = System.nanoTime();
        List<ProvisionResult> tenants = provisionConcurrently(200);
        System.out.printf(
                "provisioned 200 tenants in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        assertThat(
                        db.count(
                                "SELECT count(*) FROM platform.tenant_schema_versions"
                                        + " WHERE version = '"
                                        + CURRENT
                                        + "' AND status = 'OK'"))
                .isEqualTo(200);
        ProvisionResult broken = tenants.get(137);
        // an object V2 wants to create already exists in this one schema: its V2 must fail
        db.execute("CREATE TABLE " + broken.schemaName() + ".notes (id int)");

        MigrationReport report = atV2.migrateAll();
        System.out.printf("migrate-all of 200 tenants in %d ms%n", report.elapsed().toMillis());

        assertThat(report.targetVersion()).isEqualTo(NEXT);
        assertThat(report.upToDate()).isEmpty();
        assertThat(report.upgraded()).hasSize(199);
        assertThat(report.upgraded())
                .allSatisfy(
                        upgraded -> {
                            assertThat(upgraded.fromVersion()).isEqualTo(CURRENT);
                            assertThat(upgraded.toVersion()).isEqualTo(NEXT);
                            assertThat(upgraded.migrationsExecuted()).isEqualTo(1);
                        })
                .extracting(Upgraded::slug)
                .doesNotContain(broken.slug());
        assertThat(report.upgraded()).extracting(Upgraded::tenantId).isSorted();
        assertThat(report.failed())
                .singleElement()
                .satisfies(
                        failure -> {
                            assertThat(failure.slug()).isEqualTo(broken.slug());
                            assertThat(failure.tenantId()).isEqualTo(broken.tenantId());
                            assertThat(failure.error()).contains("notes");
                        });
        assertThat(report.hasFailures()).isTrue();

        assertThat(
                        db.count(
                                "SELECT count(*) FROM platform.tenant_schema_versions"
                                        + " WHERE version = '"
                                        + NEXT
                                        + "' AND status = 'OK' AND error IS NULL"))
                .isEqualTo(199);
        assertThat(
                        db.value(
                                "SELECT version || '/' || status FROM platform.tenant_schema_versions"
                                        + " WHERE tenant_id = "
                                        + broken.tenantId()))
                .isEqualTo(CURRENT + "/FAILED");
        assertThat(
                        db.value(
                                "SELECT error FROM platform.tenant_schema_versions WHERE tenant_id = "
                                        + broken.tenantId()))
                .contains("notes");
        assertThat(
                        db.count(
                                "SELECT count(*) FROM information_schema.columns"
                                        + " WHERE table_name = 'notes' AND column_name = 'lead_id'"))
                .isEqualTo(199);
        // one tenant's failed migration does not change its business status
        assertThat(db.count("SELECT count(*) FROM platform.tenants WHERE status = 'ACTIVE'"))
                .isEqualTo(200);

        // once repaired, the next run retries only the failed tenant
        db.execute("DROP TABLE " + broken.schemaName() + ".notes");
        MigrationReport retry = atV2.migrateAll();

        assertThat(retry.upgraded()).extracting(Upgraded::slug).containsExactly(broken.slug());
        assertThat(retry.upToDate()).hasSize(199);
        assertThat(retry.failed()).isEmpty();
        assertThat(
                        db.count(
                                "SELECT count(*) FROM platform.tenant_schema_versions"
                                        + " WHERE version = '"
                                        + NEXT
                                        + "' AND status = 'OK'"))
                .isEqualTo(200);
    }

    @Test
    void migrateAllSkipsUpToDateTenants() {
        ProvisionResult alpha = atV1.create(TenantProvisionerTest.tenant("alpha", "ru"));
        ProvisionResult beta = atV1.create(TenantProvisionerTest.tenant("beta", "en"));
        ProvisionResult gamma = atV1.create(TenantProvisionerTest.tenant("gamma", "kk"));

        MigrationReport nothingToDo = atV1.migrateAll();
        assertThat(nothingToDo.upToDate()).containsExactly("alpha", "beta", "gamma");
        assertThat(nothingToDo.upgraded()).isEmpty();
        assertThat(nothingToDo.failed()).isEmpty();
        assertThat(nothingToDo.toString()).contains("upgraded=0", "upToDate=3", "failed=0");

        // Proof that up-to-date schemas are not even opened: without its history table Flyway
        // would refuse alpha's (non-empty) schema, yet alpha is reported up to date.
        db.execute("DROP TABLE " + alpha.schemaName() + ".flyway_schema_history");
        // a tenant with no recorded version and one recorded FAILED are behind and get migrated
        db.execute(
                "DELETE FROM platform.tenant_schema_versions WHERE tenant_id = " + beta.tenantId());
        db.execute(
                "UPDATE platform.tenant_schema_versions SET status = 'FAILED', error = 'boom'"
                        + " WHERE tenant_id = "
                        + gamma.tenantId());

        MigrationReport report = atV1.migrateAll();

        assertThat(report.upToDate()).containsExactly("alpha", "beta", "gamma");
        assertThat(report.failed()).isEmpty();
        assertThat(
                        db.column(
                                "SELECT version || '/' || status FROM platform.tenant_schema_versions"
                                        + " ORDER BY tenant_id"))
                .containsExactly(CURRENT + "/OK", CURRENT + "/OK", CURRENT + "/OK");

        // behind by one: beta and gamma are upgraded, alpha's (sabotaged) schema is now opened
        MigrationReport upgrade = atV2.migrateAll();
        assertThat(upgrade.upgraded()).extracting(Upgraded::slug).containsExactly("beta", "gamma");
        assertThat(upgrade.failed()).extracting(Failure::slug).containsExactly("alpha");
        assertThat(upgrade.failed().get(0).error()).contains("schema history table");
        assertThat(atV2.migrateAll().upToDate()).containsExactly("beta", "gamma");
    }

    @Test
    void migrateOneTenantLeavesTheOthersBehind() {
        ProvisionResult alpha = atV1.create(TenantProvisionerTest.tenant("alpha", "ru"));
        atV1.create(TenantProvisionerTest.tenant("beta", "ru"));

        MigrationReport one = atV2.migrate("alpha");

        assertThat(one.upgraded())
                .singleElement()
                .isEqualTo(new Upgraded(alpha.tenantId(), "alpha", CURRENT, NEXT, 1));
        assertThat(
                        db.column(
                                "SELECT t.slug || '=' || v.version FROM platform.tenants t"
                                        + " JOIN platform.tenant_schema_versions v ON v.tenant_id = t.id"
                                        + " ORDER BY t.id"))
                .containsExactly("alpha=" + NEXT, "beta=" + CURRENT);
        assertThat(atV2.migrate("alpha").upToDate()).containsExactly("alpha");

        MigrationReport rest = atV2.migrateAll();
        assertThat(rest.upgraded()).extracting(Upgraded::slug).containsExactly("beta");
        assertThat(rest.upToDate()).containsExactly("alpha");
        assertThatThrownBy(() -> atV2.migrate("nobody")).isInstanceOf(UnknownTenantException.class);
    }

    @Test
    void latestTenantVersionComesFromTheLocationsAndMatchesFlyway() {
        ProvisionResult alpha = atV1.create(TenantProvisionerTest.tenant("alpha", "ru"));
        atV1.create(TenantProvisionerTest.tenant("beta", "ru"));

        assertThat(atV1.latestTenantVersion()).isEqualTo(CURRENT);
        assertThat(atV2.latestTenantVersion()).isEqualTo(NEXT);
        assertThat(new TenantProvisioner(db.dataSource()).latestTenantVersion()).isEqualTo(CURRENT);
        assertThat(atV2.migrationLocations())
                .containsExactly(TenantProvisioner.DEFAULT_LOCATION, V2_LOCATION);

        TenantMigrations migrations =
                new TenantMigrations(
                        getClass().getClassLoader(),
                        List.of(TenantProvisioner.DEFAULT_LOCATION, V2_LOCATION));
        MigrationInfo[] pending =
                migrations.flywayFor(db.dataSource(), alpha.schemaName()).info().pending();
        assertThat(pending)
                .extracting(info -> info.getVersion().getVersion())
                .containsExactly(NEXT);

        assertThatThrownBy(
                        () ->
                                TenantProvisioner.builder(db.dataSource())
                                        .locations("classpath:db/no-such-location")
                                        .build())
                .hasMessageContaining("no-such-location");
    }

    private List<ProvisionResult> provisionConcurrently(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ProvisionResult>> futures = new ArrayList<>();
            IntStream.range(0, count)
                    .mapToObj(
                            i ->
                                    TenantProvisionerTest.tenant(
                                            String.format("tenant-%03d", i), "ru"))
                    .forEach(request -> futures.add(pool.submit(() -> atV1.create(request))));
            List<ProvisionResult> results = new ArrayList<>();
            for (Future<ProvisionResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
