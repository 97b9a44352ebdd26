package com.buildcrm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.config.ServerSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database started ahead while the server deploys (ADR 047): the start takes it over
 * with its platform schema migrated, and a failure of the early start is the start's failure.
 */
class StorageAheadTest {

    @TempDir Path dir;

    @Test
    void theStartTakesOverTheDatabaseStartedAheadWithItsSchemaMigrated() throws Exception {
        ServerSettings settings = embedded(dir.resolve("data"));
        Storage.startAhead(settings);
        assertThat(Storage.aheadFor(settings.dataDir())).as("started ahead").isTrue();
        Storage storage = new Storage();
        try {
            storage.start(settings);
            assertThat(storage.ready()).isTrue();
            assertThat(Storage.aheadFor(settings.dataDir())).as("taken over").isFalse();
            try (Connection c = storage.dataSource().getConnection();
                    Statement s = c.createStatement();
                    ResultSet r =
                            s.executeQuery(
                                    "SELECT count(*) FROM platform.flyway_schema_history"
                                            + " WHERE success")) {
                r.next();
                assertThat(r.getInt(1)).as("platform migrations applied").isPositive();
            }
        } finally {
            storage.stop();
        }
    }

    @Test
    void aFailedEarlyStartFailsTheStartWithItsCause() throws Exception {
        // the data directory is a file: the embedded PostgreSQL cannot start there
        Path notADirectory = Files.writeString(dir.resolve("data"), "not a directory");
        ServerSettings settings = embedded(notADirectory);
        Storage.startAhead(settings);
        Storage storage = new Storage();
        assertThatThrownBy(() -> storage.start(settings))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasStackTraceContaining(notADirectory.toString());
        assertThat(storage.ready()).isFalse();
        assertThat(Storage.aheadFor(settings.dataDir())).isFalse();
    }

    @Test
    void aConfiguredDatabaseIsNeverStartedAhead() {
        ServerSettings external =
                new ServerSettings(
                        0,
                        dir,
                        Optional.of("jdbc:postgresql://127.0.0.1:1/none"),
                        "postgres",
                        "",
                        2,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Duration.ofMinutes(15),
                        Duration.ofDays(30),
                        1_048_576L,
                        1,
                        dir.resolve("packs"),
                        Duration.ofSeconds(2));
        Storage.startAhead(external);
        assertThat(Storage.aheadFor(dir)).isFalse();
    }

    private static ServerSettings embedded(Path dataDir) {
        return new ServerSettings(
                0,
                dataDir,
                Optional.empty(),
                "postgres",
                "",
                2,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Duration.ofMinutes(15),
                Duration.ofDays(30),
                1_048_576L,
                1,
                dataDir.resolve("packs"),
                Duration.ofSeconds(2));
    }
}
