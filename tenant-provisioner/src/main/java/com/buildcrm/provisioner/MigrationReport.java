package com.buildcrm.provisioner;

import java.time.Duration;
import java.util.List;

/**
 * What {@link TenantProvisioner#migrate(String)} or {@link TenantProvisioner#migrateAll()} did.
 * Lists are ordered by tenant id.
 *
 * @param targetVersion the latest available tenant migration version
 * @param upgraded tenants whose schema Flyway changed
 * @param upToDate slugs of tenants that were already at the target version (for {@code migrateAll}:
 *     judged from the version recorded in {@code platform}, their schemas were not touched)
 * @param failed tenants whose migration failed; recorded as FAILED with the error
 * @param elapsed wall time of the whole run
 */
public record MigrationReport(
        String targetVersion,
        List<Upgraded> upgraded,
        List<String> upToDate,
        List<Failure> failed,
        Duration elapsed) {

    public MigrationReport {
        upgraded = List.copyOf(upgraded);
        upToDate = List.copyOf(upToDate);
        failed = List.copyOf(failed);
    }

    public boolean hasFailures() {
        return !failed.isEmpty();
    }

    /** Counts and failed slugs only: the up-to-date list may hold thousands of tenants. */
    @Override
    public String toString() {
        return "MigrationReport[targetVersion="
                + targetVersion
                + ", upgraded="
                + upgraded.size()
                + ", upToDate="
                + upToDate.size()
                + ", failed="
                + failed.size()
                + (failed.isEmpty() ? "" : " " + failed.stream().map(Failure::slug).toList())
                + ", elapsed="
                + elapsed.toMillis()
                + " ms]";
    }

    /**
     * A tenant schema that was migrated.
     *
     * @param fromVersion the schema's version before, null for an empty schema
     * @param toVersion the schema's version after
     * @param migrationsExecuted how many migrations Flyway applied
     */
    public record Upgraded(
            long tenantId,
            String slug,
            String fromVersion,
            String toVersion,
            int migrationsExecuted) {}

    /** A tenant schema whose migration failed; {@code error} is also stored in platform. */
    public record Failure(long tenantId, String slug, String error) {}
}
