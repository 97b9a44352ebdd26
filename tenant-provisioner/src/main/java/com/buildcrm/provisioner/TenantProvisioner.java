package com.buildcrm.provisioner;

import com.buildcrm.provisioner.MigrationReport.Failure;
import com.buildcrm.provisioner.MigrationReport.Upgraded;
import com.buildcrm.provisioner.ProvisionResult.Outcome;
import com.buildcrm.provisioner.TenantStore.MigrationCandidate;
import com.buildcrm.provisioner.TenantStore.TenantRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, migrates, lists and drops tenant schemas ({@code t_<id>}, one per tenant).
 *
 * <p>Provisioning runs in recorded, idempotent steps (see {@link ProvisioningStep}); a failed or
 * interrupted {@link #create(NewTenant)} is resumed by calling it again. Migration state is
 * recorded per tenant in {@code platform.tenant_schema_versions}, so {@link #migrateAll()} touches
 * only the tenants that are behind, found with one query on {@code platform}.
 *
 * <p>The data source must reach the platform schema (already migrated, see {@link
 * PlatformMigrations}) and must not be enlisted in a JTA transaction: the provisioner manages its
 * own transactions. A pool should allow about {@code 2 × parallelism + 2} connections (Flyway uses
 * up to two per tenant being migrated). Instances are immutable and thread-safe.
 */
public final class TenantProvisioner {

    public static final String DEFAULT_TIMEZONE = "Asia/Almaty";
    public static final String DEFAULT_LOCALE = "ru";
    public static final String DEFAULT_PLUGIN_ID = "generic-sales";

    /** The tenant migration stream in the {@code buildcrm-migrations} jar. */
    public static final String DEFAULT_LOCATION = "classpath:db/tenant";

    private static final Logger LOG = LoggerFactory.getLogger(TenantProvisioner.class);

    private final DataSource dataSource;
    private final TenantStore store;
    private final TenantMigrations migrations;
    private final int parallelism;
    private final ProvisioningStepListener stepListener;
    private final ThreadFactory threadFactory;
    private final UnaryOperator<String> ownerPasswordHasher;

    /** A provisioner with the default migration location, parallelism and no step listener. */
    public TenantProvisioner(DataSource dataSource) {
        this(builder(dataSource));
    }

    private TenantProvisioner(Builder builder) {
        this.dataSource = builder.dataSource;
        this.store = new TenantStore(builder.dataSource);
        this.migrations = new TenantMigrations(builder.classLoader, builder.locations);
        this.parallelism = builder.parallelism;
        this.stepListener = builder.stepListener;
        this.threadFactory =
                builder.threadFactory != null ? builder.threadFactory : new MigrationThreads();
        this.ownerPasswordHasher = builder.ownerPasswordHasher;
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** The default {@link Builder#parallelism(int)}: {@code min(4, available processors)}. */
    public static int defaultParallelism() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Creates a tenant, or completes one whose provisioning stopped, or returns an existing one.
     *
     * <ul>
     *   <li>New slug: registers the tenant (id from {@code platform.tenant_id_seq}, schema {@code
     *       t_<id>}), creates and migrates its schema, seeds the default stages and the owner, and
     *       activates it: outcome {@link Outcome#CREATED}.
     *   <li>Slug of a PROVISIONING or FAILED tenant: continues after the last recorded step:
     *       outcome {@link Outcome#RESUMED}. The registered name, locale and owner are kept; the
     *       request's owner password is used if the owner still has to be created.
     *   <li>Slug of an ACTIVE or SUSPENDED tenant: changes nothing: outcome {@link
     *       Outcome#ALREADY_EXISTS}.
     * </ul>
     *
     * @throws InvalidTenantRequestException if the request is invalid (nothing is written)
     * @throws ProvisioningException if a step fails (the tenant is left FAILED, resumable)
     * @throws TenantBusyException if another process is provisioning the same slug right now
     */
    public ProvisionResult create(NewTenant request) {
        NewTenant tenant = TenantRequestValidator.validated(request);
        try (TenantLock lock = TenantLock.acquire(dataSource, tenant.slug())) {
            Optional<TenantRow> existing = store.findBySlug(tenant.slug());
            if (existing.isPresent()) {
                TenantRow row = existing.get();
                if (row.status() == TenantStatus.ACTIVE || row.status() == TenantStatus.SUSPENDED) {
                    return result(row, row.status(), Outcome.ALREADY_EXISTS);
                }
                LOG.info(
                        "Resuming provisioning of tenant {} ({}) after step {}",
                        row.slug(),
                        row.schemaName(),
                        row.step());
                return provision(row, tenant.owner().password(), Outcome.RESUMED);
            }
            TenantRow registered = register(tenant);
            LOG.info("Registered tenant {} as {}", registered.slug(), registered.schemaName());
            return provision(registered, tenant.owner().password(), Outcome.CREATED);
        }
    }

    /**
     * Runs Flyway on one tenant's schema now (whatever version is recorded) and records the result.
     * A failure is recorded and reported, not thrown.
     *
     * @throws UnknownTenantException if no tenant has this slug
     * @throws IllegalStateException if the tenant's schema does not exist yet (resume its
     *     provisioning with {@link #create(NewTenant)} instead)
     */
    public MigrationReport migrate(String slug) {
        long start = System.nanoTime();
        TenantRow row = store.findBySlug(slug).orElseThrow(() -> new UnknownTenantException(slug));
        if (!row.step().isAtLeast(ProvisioningStep.SCHEMA_CREATED)) {
            throw new IllegalStateException(
                    "tenant " + slug + " has no schema yet; resume its provisioning with create");
        }
        TenantMigration outcome =
                migrateTenant(new MigrationCandidate(row.id(), row.slug(), row.schemaName(), true));
        return report(List.of(outcome), List.of(), start);
    }

    /**
     * Migrates every provisioned tenant that is behind: no version recorded, last migration FAILED,
     * or a recorded version different from {@link #latestTenantVersion()}. Which tenants those are
     * is decided by one query on {@code platform}; up-to-date schemas are not touched, so the cost
     * does not grow with the number of up-to-date tenants. Runs with the configured parallelism; a
     * failing tenant is recorded as FAILED (with the error) and does not stop the others.
     *
     * <p>Tenants whose provisioning has not reached {@link ProvisioningStep#MIGRATED} are left to
     * {@link #create(NewTenant)}, which resumes them.
     */
    public MigrationReport migrateAll() {
        long start = System.nanoTime();
        List<MigrationCandidate> candidates = store.migrationCandidates(latestTenantVersion());
        List<MigrationCandidate> behind = new ArrayList<>();
        List<String> upToDate = new ArrayList<>();
        for (MigrationCandidate candidate : candidates) {
            if (candidate.behind()) {
                behind.add(candidate);
            } else {
                upToDate.add(candidate.slug());
            }
        }
        if (behind.isEmpty()) {
            return report(List.of(), upToDate, start);
        }
        LOG.info(
                "Migrating {} tenant schemas to version {} ({} up to date, {} threads)",
                behind.size(),
                latestTenantVersion(),
                upToDate.size(),
                Math.min(parallelism, behind.size()));
        ExecutorService executor =
                Executors.newFixedThreadPool(Math.min(parallelism, behind.size()), threadFactory);
        try {
            List<CompletableFuture<TenantMigration>> futures = new ArrayList<>();
            for (MigrationCandidate candidate : behind) {
                futures.add(
                        CompletableFuture.supplyAsync(() -> migrateTenant(candidate), executor));
            }
            List<TenantMigration> outcomes = new ArrayList<>();
            for (CompletableFuture<TenantMigration> future : futures) {
                outcomes.add(future.join());
            }
            MigrationReport report = report(outcomes, upToDate, start);
            LOG.info(
                    "Tenant migration finished in {} ms: {} upgraded, {} up to date, {} failed",
                    report.elapsed().toMillis(),
                    report.upgraded().size(),
                    report.upToDate().size(),
                    report.failed().size());
            return report;
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * The highest tenant migration version available in the configured locations, e.g. {@code "2"}.
     * Computed once from the scanned migration files; needs no database.
     */
    public String latestTenantVersion() {
        return migrations.latestVersion();
    }

    /**
     * Drops the tenant's schema with everything in it and deletes its platform rows, in one
     * transaction. Irreversible.
     *
     * @throws UnknownTenantException if no tenant has this slug
     * @throws TenantBusyException if the tenant is being provisioned right now
     */
    public void drop(String slug) {
        try (TenantLock lock = TenantLock.acquire(dataSource, slug);
                Connection c = dataSource.getConnection()) {
            TenantRow row =
                    store.findBySlug(c, slug).orElseThrow(() -> new UnknownTenantException(slug));
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(
                        "DROP SCHEMA IF EXISTS "
                                + TenantSchema.quoted(row.schemaName())
                                + " CASCADE");
                store.delete(c, row.id());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            LOG.info("Dropped tenant {} and schema {}", slug, row.schemaName());
        } catch (SQLException e) {
            throw new TenantDatabaseException("cannot drop tenant " + slug, e);
        }
    }

    /**
     * Export and import of whole tenants as one archive (schema data, platform rows, media; ADR
     * 029).
     */
    public TenantArchive archives() {
        return new TenantArchive(dataSource, store, migrations);
    }

    /** Every tenant, ordered by id, with its recorded schema version. */
    public List<TenantSummary> list() {
        return store.list();
    }

    public int parallelism() {
        return parallelism;
    }

    public List<String> migrationLocations() {
        return migrations.locations();
    }

    private TenantRow register(NewTenant tenant) {
        try (Connection c = dataSource.getConnection()) {
            return store.register(c, tenant)
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "slug " + tenant.slug() + " was taken concurrently"));
        } catch (SQLException e) {
            throw new TenantDatabaseException("cannot register tenant " + tenant.slug(), e);
        }
    }

    private ProvisionResult provision(TenantRow tenant, String ownerPassword, Outcome outcome) {
        ProvisioningStep done = tenant.step();
        try {
            if (done == ProvisioningStep.REGISTERED && outcome == Outcome.CREATED) {
                stepCompleted(tenant, done);
            }
            if (tenant.status() == TenantStatus.FAILED) {
                store.recordStatus(tenant.id(), TenantStatus.PROVISIONING);
            }
            if (!done.isAtLeast(ProvisioningStep.SCHEMA_CREATED)) {
                createSchema(tenant);
                done = ProvisioningStep.SCHEMA_CREATED;
                stepCompleted(tenant, done);
            }
            if (!done.isAtLeast(ProvisioningStep.MIGRATED)) {
                migrateNewSchema(tenant);
                done = ProvisioningStep.MIGRATED;
                stepCompleted(tenant, done);
            }
            if (!done.isAtLeast(ProvisioningStep.SEEDED)) {
                seed(tenant, ownerPassword);
                done = ProvisioningStep.SEEDED;
                stepCompleted(tenant, done);
            }
            // only PROVISIONING or FAILED tenants get here, so activating is always due
            activate(tenant);
            done = ProvisioningStep.ACTIVE;
            stepCompleted(tenant, done);
            return result(tenant, TenantStatus.ACTIVE, outcome);
        } catch (RuntimeException | SQLException e) {
            if (done != ProvisioningStep.ACTIVE) {
                try {
                    store.recordStatus(tenant.id(), TenantStatus.FAILED);
                } catch (RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
            }
            LOG.warn("Provisioning of tenant {} stopped after step {}", tenant.slug(), done, e);
            throw new ProvisioningException(tenant.id(), tenant.slug(), done, e);
        }
    }

    private void createSchema(TenantRow tenant) throws SQLException {
        inTransaction(
                c -> {
                    try (Statement st = c.createStatement()) {
                        st.execute(
                                "CREATE SCHEMA IF NOT EXISTS "
                                        + TenantSchema.quoted(tenant.schemaName()));
                    }
                    store.recordStep(
                            c,
                            tenant.id(),
                            ProvisioningStep.SCHEMA_CREATED,
                            TenantStatus.PROVISIONING);
                });
    }

    private void migrateNewSchema(TenantRow tenant) throws SQLException {
        MigrateResult result;
        try {
            result = migrations.flywayFor(dataSource, tenant.schemaName()).migrate();
        } catch (RuntimeException e) {
            recordFailure(tenant.id(), e);
            throw e;
        }
        String version = versionAfter(result);
        inTransaction(
                c -> {
                    store.recordVersion(c, tenant.id(), version);
                    store.recordStep(
                            c, tenant.id(), ProvisioningStep.MIGRATED, TenantStatus.PROVISIONING);
                });
    }

    private void seed(TenantRow tenant, String ownerPassword) throws SQLException {
        String schema = TenantSchema.quoted(tenant.schemaName());
        inTransaction(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO "
                                            + schema
                                            + ".stages (name, role, position, color)"
                                            + " VALUES (?, ?, ?, ?)"
                                            + " ON CONFLICT (role) WHERE role IS NOT NULL"
                                            + " DO NOTHING")) {
                        for (DefaultStages.Stage stage : DefaultStages.ALL) {
                            ps.setString(1, stage.nameIn(tenant.locale()));
                            ps.setString(2, stage.role());
                            ps.setInt(3, stage.position());
                            ps.setString(4, stage.color());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    seedOwner(c, schema, tenant, ownerPassword);
                    store.recordStep(
                            c, tenant.id(), ProvisioningStep.SEEDED, TenantStatus.PROVISIONING);
                });
    }

    private void seedOwner(Connection c, String schema, TenantRow tenant, String ownerPassword)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT 1 FROM " + schema + ".users WHERE lower(email) = lower(?)")) {
            ps.setString(1, tenant.ownerEmail());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO "
                                + schema
                                + ".users (email, name, role, password_hash)"
                                + " VALUES (?, ?, 'owner', ?)"
                                + " ON CONFLICT ((lower(email))) DO NOTHING")) {
            ps.setString(1, tenant.ownerEmail());
            ps.setString(2, tenant.ownerName());
            ps.setString(3, ownerPasswordHasher.apply(ownerPassword));
            ps.executeUpdate();
        }
    }

    private void activate(TenantRow tenant) throws SQLException {
        inTransaction(
                c ->
                        store.recordStep(
                                c, tenant.id(), ProvisioningStep.ACTIVE, TenantStatus.ACTIVE));
        LOG.info("Tenant {} ({}) is active", tenant.slug(), tenant.schemaName());
    }

    /**
     * Tells the listener about a step that is already recorded (so it stays done if this throws).
     */
    private void stepCompleted(TenantRow tenant, ProvisioningStep step) {
        stepListener.stepCompleted(tenant.id(), tenant.slug(), step);
    }

    private TenantMigration migrateTenant(MigrationCandidate tenant) {
        MigrateResult result;
        try {
            result = migrations.flywayFor(dataSource, tenant.schemaName()).migrate();
        } catch (RuntimeException e) {
            String error = recordFailure(tenant.id(), e);
            LOG.warn(
                    "Migration of tenant {} ({}) failed: {}",
                    tenant.slug(),
                    tenant.schemaName(),
                    error.lines().findFirst().orElse(error));
            LOG.debug("Migration failure of tenant {}", tenant.slug(), e);
            return new TenantMigration(tenant, null, null, error);
        }
        String version = versionAfter(result);
        try {
            store.recordVersion(tenant.id(), version);
        } catch (RuntimeException e) {
            return new TenantMigration(
                    tenant, result, version, "migrated, but recording failed: " + e.getMessage());
        }
        return new TenantMigration(tenant, result, version, null);
    }

    /** Records the failure; returns the error text (also mentioning a failure to record it). */
    private String recordFailure(long tenantId, RuntimeException failure) {
        String error = errorText(failure);
        try {
            store.recordMigrationFailure(tenantId, error);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            return error + " (and recording the failure failed: " + e.getMessage() + ")";
        }
        return error;
    }

    private static String errorText(Throwable failure) {
        String message = failure.getMessage();
        String text = message == null ? failure.getClass().getName() : message.strip();
        return text.length() > TenantStore.MAX_ERROR_LENGTH
                ? text.substring(0, TenantStore.MAX_ERROR_LENGTH)
                : text;
    }

    private static String versionAfter(MigrateResult result) {
        String version =
                result.targetSchemaVersion != null
                        ? result.targetSchemaVersion
                        : result.initialSchemaVersion;
        if (version == null) {
            throw new IllegalStateException(
                    "schema " + result.schemaName + " has no version after migration");
        }
        return version;
    }

    private MigrationReport report(
            List<TenantMigration> outcomes, List<String> upToDate, long startNanos) {
        String target = latestTenantVersion();
        List<Upgraded> upgraded = new ArrayList<>();
        List<String> current = new ArrayList<>(upToDate);
        List<Failure> failed = new ArrayList<>();
        for (TenantMigration outcome : outcomes) {
            MigrationCandidate tenant = outcome.tenant();
            if (outcome.error() != null) {
                failed.add(new Failure(tenant.id(), tenant.slug(), outcome.error()));
            } else if (outcome.result().migrationsExecuted > 0) {
                upgraded.add(
                        new Upgraded(
                                tenant.id(),
                                tenant.slug(),
                                outcome.result().initialSchemaVersion,
                                outcome.version(),
                                outcome.result().migrationsExecuted));
            } else {
                current.add(tenant.slug());
            }
        }
        return new MigrationReport(
                target,
                upgraded,
                current,
                failed,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private ProvisionResult result(TenantRow row, TenantStatus status, Outcome outcome) {
        return new ProvisionResult(row.id(), row.slug(), row.schemaName(), status, outcome);
    }

    private void inTransaction(SqlWork work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    /** One tenant's migration: a result and version, or an error. */
    private record TenantMigration(
            MigrationCandidate tenant, MigrateResult result, String version, String error) {}

    /** Daemon threads named {@code tenant-migration-N}. */
    private static final class MigrationThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "tenant-migration-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /** Configures a {@link TenantProvisioner}. */
    public static final class Builder {
        private final DataSource dataSource;
        private List<String> locations = List.of(DEFAULT_LOCATION);
        private int parallelism = defaultParallelism();
        private ProvisioningStepListener stepListener = ProvisioningStepListener.NONE;
        private ClassLoader classLoader = TenantProvisioner.class.getClassLoader();
        private ThreadFactory threadFactory;
        private UnaryOperator<String> ownerPasswordHasher = PasswordHasher::hash;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * Replaces the tenant migration locations (Flyway syntax, e.g. {@code
         * classpath:db/tenant}). Default: {@value #DEFAULT_LOCATION}.
         */
        public Builder locations(String... locations) {
            if (locations.length == 0) {
                throw new IllegalArgumentException("at least one location is needed");
            }
            this.locations = List.of(locations);
            return this;
        }

        /** Adds a location to the current ones, e.g. a test-only directory with a V2. */
        public Builder addLocation(String location) {
            List<String> all = new ArrayList<>(locations);
            all.add(Objects.requireNonNull(location, "location"));
            this.locations = List.copyOf(all);
            return this;
        }

        /**
         * How many tenant schemas {@link #migrateAll()} migrates at once; default {@link
         * #defaultParallelism()}.
         */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1");
            }
            this.parallelism = parallelism;
            return this;
        }

        /** Called after every completed provisioning step; may throw to stop provisioning there. */
        public Builder stepListener(ProvisioningStepListener stepListener) {
            this.stepListener = Objects.requireNonNull(stepListener, "stepListener");
            return this;
        }

        /** Class loader for migration resources; default: the provisioner's own. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Threads for {@link #migrateAll()}; inside an application server pass its managed thread
         * factory. Default: plain daemon threads.
         */
        public Builder threadFactory(ThreadFactory threadFactory) {
            this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
            return this;
        }

        /**
         * Test-only: replaces Argon2id for owner passwords, so tests that provision hundreds of
         * tenants do not spend their time hashing. Deliberately not public.
         */
        Builder ownerPasswordHasher(UnaryOperator<String> hasher) {
            this.ownerPasswordHasher = Objects.requireNonNull(hasher, "hasher");
            return this;
        }

        /**
         * Builds the provisioner, scanning the migration locations once.
         *
         * @throws org.flywaydb.core.api.FlywayException if a location does not exist
         * @throws IllegalStateException if the locations hold no versioned migration
         */
        public TenantProvisioner build() {
            return new TenantProvisioner(this);
        }
    }
}
