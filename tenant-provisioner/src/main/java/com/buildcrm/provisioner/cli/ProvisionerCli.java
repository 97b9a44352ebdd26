package com.buildcrm.provisioner.cli;

import com.buildcrm.provisioner.ArchiveActor;
import com.buildcrm.provisioner.ArchiveSummary;
import com.buildcrm.provisioner.InvalidArchiveException;
import com.buildcrm.provisioner.InvalidTenantRequestException;
import com.buildcrm.provisioner.MigrationReport;
import com.buildcrm.provisioner.NewOwner;
import com.buildcrm.provisioner.NewTenant;
import com.buildcrm.provisioner.PlatformMigrations;
import com.buildcrm.provisioner.ProvisionResult;
import com.buildcrm.provisioner.TenantExistsException;
import com.buildcrm.provisioner.TenantMediaFiles;
import com.buildcrm.provisioner.TenantProvisioner;
import com.buildcrm.provisioner.TenantSummary;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * Command line for operators and deployment scripts: {@code create}, {@code migrate}, {@code
 * migrate-all}, {@code drop}, {@code list}. Every command first migrates the platform schema.
 *
 * <p>Exit codes: 0 success, 1 failure (a tenant failed, the database is unreachable, ...), 2 usage
 * (bad options or an invalid tenant request).
 */
@Command(
        name = "tenant-provisioner",
        mixinStandardHelpOptions = true,
        version = "BuildCRM tenant provisioner",
        description = "Creates, migrates, lists and drops BuildCRM tenant schemas.",
        subcommands = {
            ProvisionerCli.Create.class,
            ProvisionerCli.Migrate.class,
            ProvisionerCli.MigrateAll.class,
            ProvisionerCli.Drop.class,
            ProvisionerCli.ListTenants.class,
            ProvisionerCli.Export.class,
            ProvisionerCli.Import.class
        })
public final class ProvisionerCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Option(
            names = "--db-url",
            scope = ScopeType.INHERIT,
            defaultValue = "${env:BUILDCRM_DB_URL}",
            description = "JDBC URL of the database (default: env BUILDCRM_DB_URL).")
    String dbUrl;

    @Option(
            names = "--db-user",
            scope = ScopeType.INHERIT,
            defaultValue = "${env:BUILDCRM_DB_USER}",
            description = "Database user (default: env BUILDCRM_DB_USER).")
    String dbUser;

    @Option(
            names = "--db-password",
            scope = ScopeType.INHERIT,
            defaultValue = "${env:BUILDCRM_DB_PASSWORD}",
            description = "Database password (default: env BUILDCRM_DB_PASSWORD).")
    String dbPassword;

    @Option(
            names = "--migrations",
            scope = ScopeType.INHERIT,
            split = ",",
            paramLabel = "LOCATION",
            description =
                    "Tenant migration locations in Flyway syntax (default: "
                            + TenantProvisioner.DEFAULT_LOCATION
                            + ").")
    List<String> migrationLocations = new ArrayList<>();

    @Option(
            names = "--parallelism",
            scope = ScopeType.INHERIT,
            description =
                    "Tenant schemas migrated at once by migrate-all (default: min(4, cores)).")
    Integer parallelism;

    @Spec CommandSpec spec;

    public static void main(String[] args) {
        quietLibraryLogging();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (exit codes and error printing included); used by tests too. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ProvisionerCli());
        cli.setExecutionExceptionHandler(ProvisionerCli::handleFailure);
        return cli;
    }

    private static int handleFailure(
            Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        PrintWriter err = cli.getErr();
        if (e instanceof InvalidArchiveException || e instanceof TenantExistsException) {
            err.println("Error: " + e.getMessage());
            err.flush();
            return USAGE;
        }
        if (e instanceof InvalidTenantRequestException invalid) {
            err.println("Invalid tenant request:");
            invalid.errors()
                    .forEach(error -> err.println("  " + error.field() + ": " + error.message()));
            err.flush();
            return USAGE;
        }
        err.println("Error: " + e.getMessage());
        err.flush();
        return FAILED;
    }

    /** Flyway and Hikari log at INFO per tenant; the CLI prints its own summary instead. */
    private static void quietLibraryLogging() {
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.com.buildcrm", "info");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Opens the database, migrates the platform schema and builds the provisioner. */
    Session open() {
        if (dbUrl == null || dbUrl.isBlank()) {
            throw new ParameterException(
                    spec.commandLine(), "No database: use --db-url or set BUILDCRM_DB_URL");
        }
        int threads = parallelism != null ? parallelism : TenantProvisioner.defaultParallelism();
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--parallelism must be at least 1");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dbUrl);
        config.setUsername(dbUser);
        config.setPassword(dbPassword);
        config.setPoolName("tenant-provisioner");
        config.setMaximumPoolSize(2 * threads + 2);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(30_000);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            PlatformMigrations.migrate(dataSource);
            TenantProvisioner.Builder builder =
                    TenantProvisioner.builder(dataSource).parallelism(threads);
            if (!migrationLocations.isEmpty()) {
                builder.locations(migrationLocations.toArray(String[]::new));
            }
            return new Session(dataSource, builder.build());
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** An open database with a provisioner on it. */
    record Session(HikariDataSource dataSource, TenantProvisioner provisioner)
            implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
        }
    }

    static void printReport(PrintWriter out, MigrationReport report, boolean listUpToDate) {
        out.printf(
                "Tenant schemas at target version %s: %d upgraded, %d up to date, %d failed (%d ms)%n",
                report.targetVersion(),
                report.upgraded().size(),
                report.upToDate().size(),
                report.failed().size(),
                report.elapsed().toMillis());
        for (MigrationReport.Upgraded upgraded : report.upgraded()) {
            out.printf(
                    "  upgraded    %-40s %s -> %s%n",
                    upgraded.slug(),
                    upgraded.fromVersion() == null ? "empty" : upgraded.fromVersion(),
                    upgraded.toVersion());
        }
        if (listUpToDate) {
            report.upToDate().forEach(slug -> out.printf("  up to date  %s%n", slug));
        }
        for (MigrationReport.Failure failure : report.failed()) {
            out.printf("  FAILED      %-40s %s%n", failure.slug(), indent(failure.error()));
        }
        out.flush();
    }

    private static String indent(String text) {
        return text.replace("\n", "\n              ");
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description =
                    "Creates a tenant (schema, migrations, default stages, owner) or resumes an"
                            + " unfinished one. An existing active tenant is left unchanged.")
    static final class Create implements Callable<Integer> {

        @ParentCommand ProvisionerCli parent;
        @Spec CommandSpec spec;

        @Option(names = "--slug", required = true, description = "URL-safe id, e.g. acme-build.")
        String slug;

        @Option(names = "--name", required = true, description = "Company name.")
        String name;

        @Option(
                names = "--timezone",
                defaultValue = TenantProvisioner.DEFAULT_TIMEZONE,
                description = "IANA time zone (default: ${DEFAULT-VALUE}).")
        String timezone;

        @Option(
                names = "--locale",
                defaultValue = TenantProvisioner.DEFAULT_LOCALE,
                description = "ru, en or kk (default: ${DEFAULT-VALUE}).")
        String locale;

        @Option(
                names = "--plugin",
                defaultValue = TenantProvisioner.DEFAULT_PLUGIN_ID,
                description = "Industry pack id (default: ${DEFAULT-VALUE}).")
        String pluginId;

        @Option(names = "--owner-name", required = true, description = "Owner's display name.")
        String ownerName;

        @Option(names = "--owner-email", required = true, description = "Owner's login e-mail.")
        String ownerEmail;

        @Option(
                names = "--owner-password",
                arity = "0..1",
                interactive = true,
                defaultValue = "${env:BUILDCRM_OWNER_PASSWORD}",
                description =
                        "Owner's password, at least 8 characters; without a value it is asked"
                                + " for (default: env BUILDCRM_OWNER_PASSWORD).")
        String ownerPassword;

        @Override
        public Integer call() {
            if (ownerPassword == null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "No owner password: use --owner-password or set BUILDCRM_OWNER_PASSWORD");
            }
            NewTenant request =
                    new NewTenant(
                            slug,
                            name,
                            timezone,
                            locale,
                            pluginId,
                            new NewOwner(ownerName, ownerEmail, ownerPassword));
            try (Session session = parent.open()) {
                ProvisionResult result = session.provisioner().create(request);
                PrintWriter out = spec.commandLine().getOut();
                out.printf(
                        "%s tenant %s: id %d, schema %s, status %s%n",
                        result.outcome(),
                        result.slug(),
                        result.tenantId(),
                        result.schemaName(),
                        result.status());
                out.flush();
                return OK;
            }
        }
    }

    @Command(
            name = "migrate",
            mixinStandardHelpOptions = true,
            description = "Runs the tenant migrations on one tenant's schema now.")
    static final class Migrate implements Callable<Integer> {

        @ParentCommand ProvisionerCli parent;
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "SLUG", description = "The tenant's slug.")
        String slug;

        @Override
        public Integer call() {
            try (Session session = parent.open()) {
                MigrationReport report = session.provisioner().migrate(slug);
                printReport(spec.commandLine().getOut(), report, true);
                return report.hasFailures() ? FAILED : OK;
            }
        }
    }

    @Command(
            name = "migrate-all",
            mixinStandardHelpOptions = true,
            description =
                    "Migrates every tenant whose recorded schema version is behind (or failed),"
                            + " in parallel; a failing tenant does not stop the others.")
    static final class MigrateAll implements Callable<Integer> {

        @ParentCommand ProvisionerCli parent;
        @Spec CommandSpec spec;

        @Option(
                names = "--list-up-to-date",
                description = "Also list the tenants left as they were.")
        boolean listUpToDate;

        @Override
        public Integer call() {
            try (Session session = parent.open()) {
                MigrationReport report = session.provisioner().migrateAll();
                printReport(spec.commandLine().getOut(), report, listUpToDate);
                return report.hasFailures() ? FAILED : OK;
            }
        }
    }

    @Command(
            name = "drop",
            mixinStandardHelpOptions = true,
            description =
                    "Drops a tenant's schema with all its data and deletes its platform rows.")
    static final class Drop implements Callable<Integer> {

        @ParentCommand ProvisionerCli parent;
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "SLUG", description = "The tenant's slug.")
        String slug;

        @Option(names = "--yes", description = "Confirms that all of the tenant's data goes.")
        boolean confirmed;

        @Override
        public Integer call() {
            if (!confirmed) {
                throw new ParameterException(
                        spec.commandLine(),
                        "Dropping deletes all data of tenant " + slug + "; add --yes to confirm");
            }
            try (Session session = parent.open()) {
                session.provisioner().drop(slug);
                spec.commandLine().getOut().printf("Dropped tenant %s%n", slug);
                spec.commandLine().getOut().flush();
                return OK;
            }
        }
    }

    /** The media files of a local data directory, or none. */
    static TenantMediaFiles media(Path dataDir) {
        return dataDir == null
                ? TenantMediaFiles.none()
                : TenantMediaFiles.directory(dataDir.resolve("media"));
    }

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description =
                    "Writes one tenant — its schema's data, platform rows and media — to one zip"
                            + " archive (channel and LLM secrets are left out).")
    static final class Export implements Callable<Integer> {

        @ParentCommand ProvisionerCli parent;
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "SLUG", description = "The tenant's slug.")
        String slug;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "FILE",
                description = "The archive to write (an existing file is not overwritten).")
        Path out;

        @Option(
                names = "--data-dir",
                paramLabel = "DIR",
                defaultValue = "${env:BUILDCRM_DATA_DIR}",
                description =
                        "The server's data directory, whose media/ is exported (default: env"
                                + " BUILDCRM_DATA_DIR; none: no media).")
        Path dataDir;

        @Override
        public Integer call() throws IOException {
            if (Files.exists(out)) {
                throw new ParameterException(spec.commandLine(), out + " exists already");
            }
            try (Session session = parent.open()) {
                Path partial = out.resolveSibling(out.getFileName() + ".partial");
                ArchiveSummary summary;
                try (OutputStream file = Files.newOutputStream(partial)) {
                    summary =
                            session.provisioner()
                                    .archives()
                                    .export(slug, media(dataDir), file, ArchiveActor.cli());
                } catch (RuntimeException | IOException e) {
                    Files.deleteIfExists(partial);
                    throw e;
                }
                Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
                spec.commandLine()
                        .getOut()
                        .printf(
                                "Exported tenant %s (schema version %s, %d rows, %d media files)"
                                        + " to %s%n",
                                slug,
                                summary.schemaVersion(),
                                summary.totalRows(),
                                summary.mediaFiles(),
                                out);
                spec.commandLine().getOut().flush();
                return OK;
            }
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description =
                    "Imports a tenant archive as a new tenant (all or nothing); its users sign in"
                            + " with their passwords, the channel's secrets are entered again.")
    static final class Import implements Callable<Integer> {

        @ParentCommand ProvisionerCli parent;
        @Spec CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The archive.")
        Path file;

        @Option(
                names = "--slug",
                paramLabel = "SLUG",
                description = "The new tenant's slug (default: the exported one, if free).")
        String slug;

        @Option(
                names = "--data-dir",
                paramLabel = "DIR",
                defaultValue = "${env:BUILDCRM_DATA_DIR}",
                description =
                        "The server's data directory, whose media/ receives the files (default:"
                                + " env BUILDCRM_DATA_DIR; none: media are skipped).")
        Path dataDir;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(file)) {
                throw new ParameterException(spec.commandLine(), file + " is not a file");
            }
            try (Session session = parent.open();
                    InputStream in = Files.newInputStream(file)) {
                ArchiveSummary summary =
                        session.provisioner()
                                .archives()
                                .importArchive(in, slug, media(dataDir), ArchiveActor.cli());
                spec.commandLine()
                        .getOut()
                        .printf(
                                "Imported tenant %s (id %d, schema version %s, %d rows, %d media"
                                        + " files)%n",
                                summary.slug(),
                                summary.tenantId(),
                                summary.schemaVersion(),
                                summary.totalRows(),
                                summary.mediaFiles());
                spec.commandLine().getOut().flush();
                return OK;
            }
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists all tenants with status and schema version.")
    static final class ListTenants implements Callable<Integer> {

        @ParentCommand ProvisionerCli parent;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            try (Session session = parent.open()) {
                PrintWriter out = spec.commandLine().getOut();
                List<TenantSummary> tenants = session.provisioner().list();
                out.printf(
                        "%-8s %-40s %-12s %-12s %-14s %-8s %-6s %s%n",
                        "ID", "SLUG", "SCHEMA", "STATUS", "STEP", "VERSION", "LOCALE", "NAME");
                for (TenantSummary t : tenants) {
                    out.printf(
                            "%-8d %-40s %-12s %-12s %-14s %-8s %-6s %s%n",
                            t.id(),
                            t.slug(),
                            t.schemaName(),
                            t.status(),
                            t.provisioningStep(),
                            t.migrationError() != null
                                    ? "FAILED"
                                    : t.schemaVersion() == null ? "-" : t.schemaVersion(),
                            t.locale(),
                            t.name());
                }
                out.printf(
                        "%d tenant(s), latest tenant migration %s%n",
                        tenants.size(), session.provisioner().latestTenantVersion());
                out.flush();
                return OK;
            }
        }
    }
}
