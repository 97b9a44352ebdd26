package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL asks for the password kept in {@code <data dir>/keys/pg.password}: a
 * local connection without it is refused, on a new data directory, after a restart, and on a data
 * directory an older version initialised to trust every local connection.
 */
class EmbeddedDatabaseAuthIT {

    private static final Pattern PORT =
            Pattern.compile("Embedded PostgreSQL started on port (\\d+)");

    @Test
    void aNewDataDirectoryAsksForThePasswordAndKeepsItAcrossARestart() throws Exception {
        Path dataDir;
        try (ServerProcess server = ServerProcess.startFresh()) {
            dataDir = server.dataDir();
            int port = lastPort(server.log());
            assertRefusedWithoutPassword(port);
            assertThat(query(port, password(dataDir), "SELECT 1")).isEqualTo(1);
            loginWorks(server);
        }
        try (ServerProcess again = ServerProcess.start(dataDir)) {
            loginWorks(again);
            assertRefusedWithoutPassword(lastPort(again.log()));
        }
    }

    @Test
    void aDataDirectoryThatTrustedLocalConnectionsIsSwitchedToThePassword() throws Exception {
        Path dataDir = Files.createTempDirectory("buildcrm-it-");
        // what older versions left behind: a cluster initialised with "trust"
        try (EmbeddedPostgres old =
                        EmbeddedPostgres.builder()
                                .setDataDirectory(dataDir.resolve("pg"))
                                .setCleanDataDirectory(false)
                                .start();
                Connection c = old.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE kept (x int)");
            st.execute("INSERT INTO kept VALUES (42)");
        }
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            int port = lastPort(server.log());
            assertRefusedWithoutPassword(port);
            assertThat(query(port, password(dataDir), "SELECT x FROM kept")).isEqualTo(42);
            loginWorks(server);
        }
    }

    private static void loginWorks(ServerProcess server) {
        assertThat(
                        server.api()
                                .operatorLogin(
                                        ServerProcess.OPERATOR_EMAIL,
                                        ServerProcess.OPERATOR_PASSWORD))
                .isNotBlank();
    }

    private static void assertRefusedWithoutPassword(int port) {
        assertThatThrownBy(() -> query(port, null, "SELECT 1"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> query(port, "wrong-password", "SELECT 1"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
    }

    private static int query(int port, String password, String sql) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        if (password != null) {
            props.setProperty("password", password);
        }
        try (Connection c =
                        new org.postgresql.Driver()
                                .connect(
                                        "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                                        props);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String password(Path dataDir) throws java.io.IOException {
        return Files.readString(dataDir.resolve("keys").resolve("pg.password")).strip();
    }

    private static int lastPort(String log) {
        Matcher m = PORT.matcher(log);
        int port = -1;
        while (m.find()) {
            port = Integer.parseInt(m.group(1));
        }
        assertThat(port).as("the log names the embedded PostgreSQL's port").isPositive();
        return port;
    }
}
