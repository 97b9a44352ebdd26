package com.buildcrm.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

/**
 * The console the uber jar writes: a logging configuration for Payara Micro ({@code
 * --logproperties}) built from two settings.
 *
 * <ul>
 *   <li>{@code BUILDCRM_LOG_LEVEL} (default {@code WARNING}): the level of the container's and the
 *       libraries' loggers. Our own ({@code com.buildcrm}) log at {@code INFO} or finer if the
 *       setting is finer. Accepts JUL names ({@code SEVERE WARNING INFO CONFIG FINE FINER FINEST
 *       ALL}) and the usual aliases ({@code error warn debug trace}), any case.
 *   <li>{@code BUILDCRM_LOG_FORMAT} (default {@code text}): {@code text} is one line per record for
 *       people; {@code json} is one JSON object per line ({@code time level logger message thrown})
 *       for platforms that index logs.
 * </ul>
 *
 * At the default level, three known false alarms of Payara are silenced: expired CA certificates of
 * its bundled trust store (five warnings, ~300 lines, at every start), the JDBC driver "registered
 * but not unregistered" warning of its deployment scan, and {@code jakarta.enterprise.web}, which
 * Payara sets to INFO itself.
 */
public final class ConsoleLog {

    public static final String LEVEL_VARIABLE = "BUILDCRM_LOG_LEVEL";
    public static final String FORMAT_VARIABLE = "BUILDCRM_LOG_FORMAT";

    private ConsoleLog() {}

    /** The configured level of the container's loggers. */
    static Level level(Map<String, String> env) {
        String value = env.get(LEVEL_VARIABLE);
        if (value == null || value.isBlank()) {
            return Level.WARNING;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        switch (v) {
            case "ERROR":
                return Level.SEVERE;
            case "WARN":
                return Level.WARNING;
            case "DEBUG":
                return Level.FINE;
            case "TRACE":
                return Level.FINEST;
            default:
                break;
        }
        for (Level l :
                new Level[] {
                    Level.OFF,
                    Level.SEVERE,
                    Level.WARNING,
                    Level.INFO,
                    Level.CONFIG,
                    Level.FINE,
                    Level.FINER,
                    Level.FINEST,
                    Level.ALL
                }) {
            if (l.getName().equals(v)) {
                return l;
            }
        }
        throw new IllegalArgumentException(
                LEVEL_VARIABLE
                        + " must be one of SEVERE, WARNING, INFO, CONFIG, FINE, FINER, FINEST (or"
                        + " error, warn, debug, trace), not '"
                        + value.strip()
                        + "'");
    }

    /** {@code text} or {@code json}. */
    static String format(Map<String, String> env) {
        String value = env.get(FORMAT_VARIABLE);
        if (value == null || value.isBlank()) {
            return "text";
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("text") && !v.equals("json")) {
            throw new IllegalArgumentException(
                    FORMAT_VARIABLE + " must be text or json, not '" + value.strip() + "'");
        }
        return v;
    }

    /** The logging.properties for these settings. */
    static String properties(Map<String, String> env) {
        Level level = level(env);
        String format = format(env);
        Level ours = level.intValue() < Level.INFO.intValue() ? level : Level.INFO;
        boolean quiet = level.intValue() >= Level.WARNING.intValue();
        StringBuilder p =
                new StringBuilder()
                        .append("# written by com.buildcrm.launcher.ConsoleLog from ")
                        .append(LEVEL_VARIABLE)
                        .append(" and ")
                        .append(FORMAT_VARIABLE)
                        .append('\n')
                        .append("handlers=")
                        .append(ConsoleLogHandler.class.getName())
                        .append('\n')
                        .append(ConsoleLogHandler.class.getName())
                        .append(".level=ALL\n")
                        .append(ConsoleLogHandler.class.getName())
                        .append(".format=")
                        .append(format)
                        .append('\n')
                        .append(ConsoleLogHandler.class.getName())
                        .append(".containerLevel=")
                        .append(level.getName())
                        .append('\n')
                        .append(".level=")
                        .append(level.getName())
                        .append('\n')
                        .append("com.buildcrm.level=")
                        .append(ours.getName())
                        .append('\n');
        if (quiet) {
            // Payara sets this one to INFO itself: named, or its INFO lines stay
            p.append("jakarta.enterprise.web.level=").append(level.getName()).append('\n');
            // known false alarms (see the class comment)
            p.append("javax.enterprise.system.security.ssl.level=SEVERE\n");
            p.append("jakarta.enterprise.web.util.level=SEVERE\n");
            // Payara's data grid, off in our jar (--nohazelcast); should a jar be run with it
            // on, its "ports occupied" when instances share a host is no error of ours
            p.append("com.hazelcast.level=SEVERE\n");
        }
        return p.toString();
    }

    /**
     * Writes the configuration into a file of its own for {@code --logproperties}.
     *
     * @throws IllegalArgumentException when a setting is invalid
     */
    static Path write(Map<String, String> env) {
        String content = properties(env);
        try {
            Path file = Files.createTempFile("buildcrm-logging-", ".properties");
            file.toFile().deleteOnExit();
            Files.writeString(file, content, StandardCharsets.ISO_8859_1);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the logging configuration", e);
        }
    }
}
