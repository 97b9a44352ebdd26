package com.buildcrm.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * Writes log records to the process's standard output (the real file descriptor, whatever the
 * container did to {@code System.out}), flushed per record: one line per record for people ({@code
 * text}), or one JSON object per line ({@code json}). Configured by {@link ConsoleLog}.
 */
public final class ConsoleLogHandler extends StreamHandler {

    private static final DateTimeFormatter TEXT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** Records of other loggers than ours below this are dropped, whatever their logger's level. */
    private final Level containerLevel;

    public ConsoleLogHandler() {
        super(new FileOutputStream(FileDescriptor.out), formatter(property("format")));
        String level = property("level");
        setLevel(level == null ? Level.ALL : Level.parse(level));
        String container = property("containerLevel");
        containerLevel = container == null ? Level.ALL : Level.parse(container);
        try {
            setEncoding("UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String property(String name) {
        return LogManager.getLogManager()
                .getProperty(ConsoleLogHandler.class.getName() + "." + name);
    }

    static Formatter formatter(String format) {
        return "json".equalsIgnoreCase(format) ? new Json() : new Text();
    }

    /**
     * Payara sets some of its loggers' levels itself after reading the configuration ({@code
     * jakarta.enterprise.web} to INFO): the container's level is enforced here as well.
     */
    @Override
    public synchronized void publish(LogRecord record) {
        String logger = record.getLoggerName();
        if ((logger == null || !logger.startsWith("com.buildcrm"))
                && record.getLevel().intValue() < containerLevel.intValue()) {
            return;
        }
        super.publish(record);
        flush();
    }

    /** Flushes only: standard output stays open for whoever writes after us. */
    @Override
    public synchronized void close() {
        flush();
    }

    /** {@code 2026-12-04 00:32:11.372 WARNING logger: message}, then the stack trace, if any. */
    static final class Text extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder line =
                    new StringBuilder()
                            .append(TEXT_TIME.format(r.getInstant()))
                            .append(' ')
                            .append(r.getLevel().getName())
                            .append(' ')
                            .append(r.getLoggerName())
                            .append(": ")
                            .append(formatMessage(r))
                            .append('\n');
            if (r.getThrown() != null) {
                line.append(stackTrace(r.getThrown()));
            }
            return line.toString();
        }
    }

    /** {@code {"time":…,"level":…,"logger":…,"message":…,"thrown":…}} on one line. */
    static final class Json extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder json = new StringBuilder(256).append('{');
            field(json, "time", Instant.ofEpochMilli(r.getMillis()).toString()).append(',');
            field(json, "level", r.getLevel().getName()).append(',');
            field(json, "logger", r.getLoggerName() == null ? "" : r.getLoggerName()).append(',');
            field(json, "thread", Thread.currentThread().getName()).append(',');
            field(json, "message", formatMessage(r));
            if (r.getThrown() != null) {
                json.append(',');
                field(json, "thrown", stackTrace(r.getThrown()));
            }
            return json.append("}\n").toString();
        }

        private static StringBuilder field(StringBuilder json, String name, String value) {
            json.append('"').append(name).append("\":\"");
            String v = value == null ? "" : value;
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    case '\n' -> json.append("\\n");
                    case '\r' -> json.append("\\r");
                    case '\t' -> json.append("\\t");
                    default -> {
                        if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                            json.append(String.format("\\u%04x", (int) c));
                        } else {
                            json.append(c);
                        }
                    }
                }
            }
            return json.append('"');
        }
    }

    static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
