package com.buildcrm.config;

import com.buildcrm.launcher.DatabaseUrl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Every setting of the server, read once from MicroProfile Config: environment variables ({@code
 * BUILDCRM_DB_URL}), system properties ({@code buildcrm.db.url}) or microprofile-config.properties,
 * in that order; {@code DATABASE_URL} in the hosting platforms' {@code postgres://} form when
 * {@code BUILDCRM_DB_URL} is not set. The README lists them all.
 */
public record ServerSettings(
        int port,
        Path dataDir,
        Optional<String> dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        Optional<String> operatorEmail,
        Optional<String> operatorPassword,
        Optional<String> publicUrl,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        long maxApiBodyBytes,
        int tenantMigrationParallelism,
        Path packsDir,
        Duration packCallTimeout) {

    /** Never prints the database password (a record's own toString would). */
    @Override
    public String toString() {
        return "ServerSettings[port="
                + port
                + ", dataDir="
                + dataDir
                + ", db="
                + dbUrl.orElse("embedded")
                + ", dbUser="
                + dbUser
                + ", dbPoolSize="
                + dbPoolSize
                + "]";
    }

    /** The embedded default: no external database configured. */
    public boolean embeddedDatabase() {
        return dbUrl.isEmpty();
    }

    /** The base URL shown to people (banner, webhook URLs). */
    public String baseUrl() {
        return publicUrl.orElse("http://localhost:" + port).replaceAll("/+$", "");
    }

    public static ServerSettings from(Config config) {
        Path dataDir =
                Path.of(config.getOptionalValue("buildcrm.data.dir", String.class).orElse("./var"))
                        .toAbsolutePath()
                        .normalize();
        // BUILDCRM_DB_URL wins; else DATABASE_URL (postgres://user:password@host:port/db?…) as
        // hosting platforms set it, whose credentials BUILDCRM_DB_USER / _PASSWORD still override
        Optional<String> dbUrl = nonBlank(config, "buildcrm.db.url");
        Optional<DatabaseUrl> hosted =
                dbUrl.isPresent()
                        ? Optional.empty()
                        : nonBlank(config, DatabaseUrl.VARIABLE).map(DatabaseUrl::parse);
        return new ServerSettings(
                config.getOptionalValue("buildcrm.port", Integer.class).orElse(8080),
                dataDir,
                dbUrl.or(() -> hosted.map(DatabaseUrl::jdbcUrl)),
                nonBlank(config, "buildcrm.db.user")
                        .or(() -> hosted.flatMap(DatabaseUrl::user))
                        .orElse("postgres"),
                config.getOptionalValue("buildcrm.db.password", String.class)
                        .or(() -> hosted.flatMap(DatabaseUrl::password))
                        .orElse(""),
                config.getOptionalValue("buildcrm.db.pool.size", Integer.class).orElse(20),
                nonBlank(config, "buildcrm.operator.email"),
                nonBlank(config, "buildcrm.operator.password"),
                nonBlank(config, "buildcrm.public.url"),
                Duration.ofSeconds(
                        Math.min(
                                900,
                                config.getOptionalValue(
                                                "buildcrm.access.token.ttl.seconds", Long.class)
                                        .orElse(900L))),
                Duration.ofDays(
                        config.getOptionalValue("buildcrm.refresh.token.ttl.days", Long.class)
                                .orElse(30L)),
                config.getOptionalValue("buildcrm.api.max.body.bytes", Long.class)
                        .orElse(1_048_576L),
                config.getOptionalValue("buildcrm.tenant.migration.parallelism", Integer.class)
                        .orElse(Math.min(4, Runtime.getRuntime().availableProcessors())),
                nonBlank(config, "buildcrm.packs.dir")
                        .map(p -> Path.of(p).toAbsolutePath().normalize())
                        .orElse(dataDir.resolve("packs")),
                Duration.ofMillis(
                        Math.max(
                                1,
                                config.getOptionalValue(
                                                "buildcrm.packs.call.timeout.ms", Long.class)
                                        .orElse(2000L))));
    }

    /**
     * How long a SIGTERM waits for running jobs ({@code BUILDCRM_DRAIN_TIMEOUT_SECONDS}, default
     * 20, at least 1): kept out of the record so its users read it where they need it.
     */
    public static Duration drainTimeout(Config config) {
        return Duration.ofSeconds(
                Math.max(
                        1,
                        config.getOptionalValue("buildcrm.drain.timeout.seconds", Long.class)
                                .orElse(20L)));
    }

    private static Optional<String> nonBlank(Config config, String key) {
        return config.getOptionalValue(key, String.class)
                .map(String::trim)
                .filter(s -> !s.isEmpty());
    }
}
