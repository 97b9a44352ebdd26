package com.buildcrm.provisioner;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the shared {@code platform} schema to the latest {@code db/platform} migration. */
public final class PlatformMigrations {

    /** The schema holding everything shared by all tenants. */
    public static final String SCHEMA = "platform";

    /** Where the platform migrations live (the {@code buildcrm-migrations} jar). */
    public static final String LOCATION = "classpath:db/platform";

    private PlatformMigrations() {}

    /**
     * Migrates schema {@code platform} (created if missing, history table inside it). Safe to call
     * from several instances at once: Flyway serialises them with a database lock.
     *
     * @return Flyway's result (versions before and after, migrations executed)
     */
    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure(PlatformMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
