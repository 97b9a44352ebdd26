package com.buildcrm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class ConsoleLogTest {

    @Test
    void theDefaultKeepsWarningsAndOurOwnInfoAndSilencesPayarasFalseAlarms() throws IOException {
        Properties p = load(ConsoleLog.properties(Map.of()));
        assertThat(p.getProperty(".level")).isEqualTo("WARNING");
        assertThat(p.getProperty("com.buildcrm.level")).isEqualTo("INFO");
        assertThat(p.getProperty("javax.enterprise.system.security.ssl.level")).isEqualTo("SEVERE");
        assertThat(p.getProperty("jakarta.enterprise.web.level")).isEqualTo("WARNING");
        assertThat(p.getProperty("handlers")).isEqualTo(ConsoleLogHandler.class.getName());
        assertThat(p.getProperty(ConsoleLogHandler.class.getName() + ".format")).isEqualTo("text");
    }

    @Test
    void theLevelSettingRaisesEverythingAndTheFormatPicksJson() throws IOException {
        Properties info =
                load(
                        ConsoleLog.properties(
                                Map.of(
                                        "BUILDCRM_LOG_LEVEL",
                                        "info",
                                        "BUILDCRM_LOG_FORMAT",
                                        "JSON")));
        assertThat(info.getProperty(".level")).isEqualTo("INFO");
        assertThat(info.getProperty("javax.enterprise.system.security.ssl.level")).isNull();
        assertThat(info.getProperty(ConsoleLogHandler.class.getName() + ".format"))
                .isEqualTo("json");
        Properties debug = load(ConsoleLog.properties(Map.of("BUILDCRM_LOG_LEVEL", "debug")));
        assertThat(debug.getProperty(".level")).isEqualTo("FINE");
        assertThat(debug.getProperty("com.buildcrm.level")).isEqualTo("FINE");
        assertThat(ConsoleLog.level(Map.of("BUILDCRM_LOG_LEVEL", "error"))).isEqualTo(Level.SEVERE);
    }

    @Test
    void invalidSettingsAreNamed() {
        assertThatThrownBy(() -> ConsoleLog.properties(Map.of("BUILDCRM_LOG_LEVEL", "loud")))
                .hasMessageContaining("BUILDCRM_LOG_LEVEL")
                .hasMessageContaining("loud");
        assertThatThrownBy(() -> ConsoleLog.properties(Map.of("BUILDCRM_LOG_FORMAT", "xml")))
                .hasMessageContaining("BUILDCRM_LOG_FORMAT")
                .hasMessageContaining("xml");
    }

    @Test
    void jsonIsOneObjectPerLineWithTheStackTrace() {
        LogRecord r = new LogRecord(Level.WARNING, "line one\n\"quoted\" \\ tab\t {0}");
        r.setParameters(new Object[] {"arg"});
        r.setLoggerName("com.buildcrm.test");
        r.setInstant(Instant.parse("2026-12-04T00:00:00Z"));
        r.setThrown(new IllegalStateException("boom"));
        String line = ConsoleLogHandler.formatter("json").format(r);
        assertThat(line).endsWith("}\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n");
        jakarta.json.JsonObject json =
                jakarta.json.Json.createReader(new StringReader(line)).readObject();
        assertThat(json.getString("time")).isEqualTo("2026-12-04T00:00:00Z");
        assertThat(json.getString("level")).isEqualTo("WARNING");
        assertThat(json.getString("logger")).isEqualTo("com.buildcrm.test");
        assertThat(json.getString("message")).isEqualTo("line one\n\"quoted\" \\ tab\t arg");
        assertThat(json.getString("thrown")).startsWith("java.lang.IllegalStateException: boom");
    }

    @Test
    void textIsOneLinePerRecord() {
        LogRecord r = new LogRecord(Level.INFO, "hello {0}");
        r.setParameters(new Object[] {"world"});
        r.setLoggerName("com.buildcrm.test");
        r.setInstant(Instant.parse("2026-12-04T00:00:00.123Z"));
        assertThat(ConsoleLogHandler.formatter("text").format(r))
                .isEqualTo("2026-12-04 00:00:00.123 INFO com.buildcrm.test: hello world\n");
    }

    private static Properties load(String content) throws IOException {
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(content.getBytes(StandardCharsets.ISO_8859_1)));
        return p;
    }
}
