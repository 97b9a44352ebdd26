package com.buildcrm.provisioner;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.scanner.Scanner;

/**
 * The tenant migration stream: its locations are scanned once, and the result is shared by the
 * Flyway instance of every tenant schema (no class path scan per tenant) and by {@link
 * #latestVersion()}, which therefore needs no database at all.
 *
 * <p>Flyway's {@link Scanner} is the same class Flyway uses internally for {@code locations}; it is
 * public but in an internal package, so a Flyway upgrade may need this class adjusted (the tests
 * compare {@link #latestVersion()} with what Flyway itself applies).
 */
final class TenantMigrations {

    private final ClassLoader classLoader;
    private final List<String> locations;
    private final Scanner<JavaMigration> scanner;
    private final String latestVersion;

    TenantMigrations(ClassLoader classLoader, List<String> locations) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("at least one tenant migration location is needed");
        }
        this.locations = List.copyOf(locations);
        FluentConfiguration config = baseConfiguration();
        this.scanner = new Scanner<>(JavaMigration.class, config, config.getLocations());
        this.latestVersion = computeLatestVersion(config);
    }

    List<String> locations() {
        return locations;
    }

    /** The highest versioned migration in the locations, e.g. {@code "2"} or {@code "2.1"}. */
    String latestVersion() {
        return latestVersion;
    }

    /** A Flyway for one tenant schema; its history table lives inside that schema. */
    Flyway flywayFor(DataSource dataSource, String schemaName) {
        String schema = TenantSchema.checked(schemaName);
        return baseConfiguration()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                // the provisioner creates the schema itself (its own step); Flyway only fills it
                .createSchemas(false)
                .resourceProvider(scanner)
                .javaMigrationClassProvider(scanner)
                .load();
    }

    /** A Flyway for one tenant schema that migrates no further than {@code targetVersion}. */
    Flyway flywayFor(DataSource dataSource, String schemaName, String targetVersion) {
        String schema = TenantSchema.checked(schemaName);
        return baseConfiguration()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(false)
                .target(MigrationVersion.fromVersion(targetVersion))
                .resourceProvider(scanner)
                .javaMigrationClassProvider(scanner)
                .load();
    }

    private FluentConfiguration baseConfiguration() {
        return Flyway.configure(classLoader)
                .locations(locations.toArray(String[]::new))
                .failOnMissingLocations(true);
    }

    private String computeLatestVersion(FluentConfiguration config) {
        String prefix = config.getSqlMigrationPrefix();
        String separator = config.getSqlMigrationSeparator();
        Optional<MigrationVersion> fromSql =
                scanner.getResources(prefix, config.getSqlMigrationSuffixes()).stream()
                        .map(LoadableResource::getFilename)
                        .filter(name -> name.startsWith(prefix) && name.contains(separator))
                        .map(
                                name ->
                                        MigrationVersion.fromVersion(
                                                name.substring(
                                                        prefix.length(), name.indexOf(separator))))
                        .max(MigrationVersion::compareTo);
        Optional<MigrationVersion> fromJava =
                scanner.getClasses().stream()
                        .map(TenantMigrations::versionOf)
                        .filter(Objects::nonNull)
                        .max(MigrationVersion::compareTo);
        return Arrays.asList(fromSql, fromJava).stream()
                .flatMap(Optional::stream)
                .max(MigrationVersion::compareTo)
                .map(MigrationVersion::getVersion)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        "no versioned tenant migrations found in " + locations));
    }

    private static MigrationVersion versionOf(Class<? extends JavaMigration> type) {
        try {
            return type.getDeclaredConstructor().newInstance().getVersion();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new IllegalStateException("cannot instantiate Java migration " + type, cause);
        }
    }
}
