package com.buildcrm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void theHostingFormBecomesAJdbcUrlWithCredentialsApart() {
        DatabaseUrl url =
                DatabaseUrl.parse(
                        "postgres://crm_user:s3cr%40t%2Fp%3Aw+d@db.example.com:6543/buildcrm?sslmode=require&connectTimeout=10");
        assertThat(url.jdbcUrl())
                .isEqualTo(
                        "jdbc:postgresql://db.example.com:6543/buildcrm?sslmode=require&connectTimeout=10");
        assertThat(url.user()).contains("crm_user");
        // percent-decoded, and a plus sign stays a plus sign (no form decoding in user info)
        assertThat(url.password()).contains("s3cr@t/p:w+d");
        assertThat(url.toString()).doesNotContain("s3cr");
    }

    @Test
    void postgresqlSchemeNoPortIpv6AndSeveralHostsAreKept() {
        assertThat(DatabaseUrl.parse("postgresql://u:p@dpg-abc-a/crm_db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://dpg-abc-a/crm_db");
        assertThat(DatabaseUrl.parse("POSTGRES://u@[::1]:5432/db").jdbcUrl())
                .isEqualTo("jdbc:postgresql://[::1]:5432/db");
        DatabaseUrl noPassword = DatabaseUrl.parse("postgres://u@h1:5432,h2:5433/db");
        assertThat(noPassword.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/db");
        assertThat(noPassword.password()).isEmpty();
        DatabaseUrl noUser = DatabaseUrl.parse("postgres://localhost/db");
        assertThat(noUser.user()).isEmpty();
        assertThat(noUser.password()).isEmpty();
    }

    @Test
    void malformedValuesAreNamedWithoutThePassword() {
        for (String bad :
                new String[] {
                    "mysql://u:topsecret@h/db",
                    "postgres://u:topsecret@/db",
                    "postgres://u:topsecret@host:54x2/db",
                    "postgres://u:topsecret@host:70000/db",
                    "postgres://u:topsecret@host",
                    "postgres://u:topsecret@host/",
                    "postgres://u:top%zzsecret@host/db",
                    "postgres://u:topsecret@ho st/db",
                    "postgres://u:topsecret@host/db?sslmode",
                    "postgres://u:topsecret@[::1/db",
                    "host=localhost dbname=crm"
                }) {
            assertThatThrownBy(() -> DatabaseUrl.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("DATABASE_URL is malformed: ")
                    .hasMessageContaining("expected postgres://")
                    .hasMessageNotContaining("topsecret")
                    .hasMessageNotContaining("top%zz");
        }
    }

    @Test
    void buildcrmDbUrlWinsAndAnUnsetVariableIsNoDatabase() {
        Map<String, String> both =
                Map.of("BUILDCRM_DB_URL", "jdbc:postgresql://a/b", "DATABASE_URL", "junk");
        assertThat(DatabaseUrl.fromEnvironment(both, null)).isEmpty();
        assertThat(DatabaseUrl.fromEnvironment(Map.of("DATABASE_URL", "junk"), "jdbc:x")).isEmpty();
        assertThat(DatabaseUrl.fromEnvironment(Map.of(), null)).isEmpty();
        assertThat(DatabaseUrl.fromEnvironment(Map.of("DATABASE_URL", " "), null)).isEmpty();
        assertThat(
                        DatabaseUrl.fromEnvironment(
                                        Map.of("DATABASE_URL", "postgres://u:p@h:1/d"), null)
                                .map(DatabaseUrl::jdbcUrl))
                .isEqualTo(Optional.of("jdbc:postgresql://h:1/d"));
        assertThatThrownBy(() -> DatabaseUrl.fromEnvironment(Map.of("DATABASE_URL", "junk"), null))
                .hasMessageStartingWith("DATABASE_URL is malformed");
    }
}
