package com.buildcrm.provisioner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.provisioner.TenantMigrationTest;
import com.buildcrm.provisioner.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProvisionerCliTest {

    private TestDatabase db;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void freshDatabase() {
        db = TestDatabase.fresh();
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db-url", db.jdbcUrl(), "--db-user", "postgres"));
        CommandLine cli = ProvisionerCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(all.toArray(String[]::new));
    }

    private static String[] create(String slug) {
        return new String[] {
            "create",
            "--slug",
            slug,
            "--name",
            "Company " + slug,
            "--locale",
            "en",
            "--owner-name",
            "Owner",
            "--owner-email",
            "owner@" + slug + ".kz",
            "--owner-password",
            "long-enough"
        };
    }

    @Test
    void cliCreatesListsMigratesAndDropsTenants() {
        assertThat(run(create("alpha"))).isZero();
        assertThat(out.toString())
                .matches("(?s)CREATED tenant alpha: id \\d+, schema t_\\d+, status ACTIVE\\s*");
        assertThat(run(create("beta"))).isZero();
        assertThat(run(create("alpha"))).isZero();
        assertThat(out.toString()).startsWith("ALREADY_EXISTS tenant alpha");

        assertThat(run("list")).isZero();
        assertThat(out.toString())
                .contains(
                        "alpha",
                        "beta",
                        "ACTIVE",
                        "2 tenant(s), latest tenant migration " + TenantMigrationTest.CURRENT);

        assertThat(run("migrate-all")).isZero();
        assertThat(out.toString())
                .startsWith(
                        "Tenant schemas at target version "
                                + TenantMigrationTest.CURRENT
                                + ": 0 upgraded, 2 up to date, 0 failed");

        assertThat(
                        run(
                                "migrate-all",
                                "--migrations",
                                "classpath:db/tenant,classpath:db/test-tenant-v2"))
                .isZero();
        assertThat(out.toString())
                .startsWith(
                        "Tenant schemas at target version 9000: 2 upgraded, 0 up to date, 0 failed")
                .contains("upgraded    alpha", TenantMigrationTest.CURRENT + " -> 9000");

        assertThat(run("drop", "alpha")).isEqualTo(2);
        assertThat(err.toString()).contains("--yes");
        assertThat(run("drop", "alpha", "--yes")).isZero();
        assertThat(db.column("SELECT slug FROM platform.tenants")).containsExactly("beta");
        assertThat(run("drop", "alpha", "--yes")).isEqualTo(1);
        assertThat(err.toString()).contains("no tenant with slug alpha");
    }

    @Test
    void cliReportsFailuresAndUsageErrorsWithExitCodes() {
        assertThat(run(create("alpha"))).isZero();
        assertThat(run(create("beta"))).isZero();
        String schema = db.value("SELECT schema_name FROM platform.tenants WHERE slug = 'beta'");
        db.execute("CREATE TABLE " + schema + ".notes (id int)");

        assertThat(
                        run(
                                "migrate-all",
                                "--parallelism",
                                "2",
                                "--migrations",
                                "classpath:db/tenant,classpath:db/test-tenant-v2"))
                .isEqualTo(1);
        assertThat(out.toString()).contains("1 upgraded", "1 failed", "FAILED      beta");

        assertThat(
                        run(
                                "migrate",
                                "beta",
                                "--migrations",
                                "classpath:db/tenant,classpath:db/test-tenant-v2"))
                .isEqualTo(1);

        assertThat(
                        run(
                                "create",
                                "--slug",
                                "Bad Slug",
                                "--name",
                                "X",
                                "--owner-name",
                                "O",
                                "--owner-email",
                                "nope",
                                "--owner-password",
                                "short"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("slug:", "owner.email:", "owner.password:");
        assertThat(db.count("SELECT count(*) FROM platform.tenants")).isEqualTo(2);

        assertThat(run("no-such-command")).isEqualTo(2);
        assertThat(run("migrate", "nobody")).isEqualTo(1);
        assertThat(err.toString()).contains("no tenant with slug nobody");

        CommandLine cli = ProvisionerCli.commandLine();
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(out, true));
        if (System.getenv("BUILDCRM_DB_URL") == null) {
            assertThat(cli.execute("list")).isEqualTo(2);
            assertThat(err.toString()).contains("BUILDCRM_DB_URL");
        }
    }

    @Test
    void cliExportsATenantAndImportsItUnderAnotherSlug(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        assertThat(run(create("alpha"))).isZero();
        java.nio.file.Path archive = dir.resolve("alpha.zip");
        assertThat(run("export", "alpha", "--out", archive.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Exported tenant alpha (schema version ");
        assertThat(run("export", "alpha", "--out", archive.toString())).isEqualTo(2);

        assertThat(run("import", archive.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("already exists");
        assertThat(run("import", archive.toString(), "--slug", "alpha-moved"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).startsWith("Imported tenant alpha-moved (id ");
        assertThat(run("list")).isZero();
        assertThat(out.toString()).contains("alpha-moved").contains("2 tenant(s)");

        java.nio.file.Path broken = dir.resolve("broken.zip");
        byte[] bytes = java.nio.file.Files.readAllBytes(archive);
        java.nio.file.Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(run("import", broken.toString(), "--slug", "broken")).isEqualTo(2);
        assertThat(err.toString()).startsWith("Error: the archive is");
    }
}
