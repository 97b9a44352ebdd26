package com.buildcrm.launcher;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code DATABASE_URL} as hosting platforms hand it out ({@code
 * postgres://user:password@host:port/database?sslmode=require}, or {@code postgresql://…}) turned
 * into a JDBC URL plus credentials. User and password are percent-decoded and travel separately
 * (never inside the JDBC URL, so nothing that prints the URL prints the password); every query
 * parameter ({@code sslmode}, {@code sslrootcert}, …) is carried over to the JDBC URL as given.
 * Several hosts ({@code host1:5432,host2:5432}) and IPv6 literals ({@code [::1]:5432}) are kept.
 *
 * <p>{@code BUILDCRM_DB_URL} wins when both are set. Only JDK classes: the launcher checks it
 * before Payara boots, so a malformed value ends the start at once with one line.
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password) {

    public static final String VARIABLE = "DATABASE_URL";

    private static final String EXPECTED =
            " (expected postgres://user:password@host:port/database?sslmode=require)";

    /** Never prints the password (a record's own toString would). */
    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + user.orElse("-") + "]";
    }

    /**
     * The database {@code DATABASE_URL} names when {@code BUILDCRM_DB_URL} (environment or the
     * {@code buildcrm.db.url} system property) is not set.
     *
     * @throws IllegalArgumentException when it is set, used and malformed
     */
    public static Optional<DatabaseUrl> fromEnvironment(
            Map<String, String> env, String buildcrmDbUrlProperty) {
        if (notBlank(buildcrmDbUrlProperty) || notBlank(env.get("BUILDCRM_DB_URL"))) {
            return Optional.empty();
        }
        String url = env.get(VARIABLE);
        return notBlank(url) ? Optional.of(parse(url)) : Optional.empty();
    }

    /**
     * Parses a {@code postgres://} or {@code postgresql://} URL.
     *
     * @throws IllegalArgumentException naming what is wrong, never echoing the password
     */
    public static DatabaseUrl parse(String url) {
        String s = url.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith("postgres://")) {
            rest = s.substring("postgres://".length());
        } else if (lower.startsWith("postgresql://")) {
            rest = s.substring("postgresql://".length());
        } else {
            throw malformed("it must start with postgres:// or postgresql://");
        }
        int pathStart = indexOfAny(rest, '/', '?');
        String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
        String tail = pathStart < 0 ? "" : rest.substring(pathStart);
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
            if (!rawUser.isEmpty()) {
                user = Optional.of(decode(rawUser, "the user name"));
            }
            if (colon >= 0) {
                password = Optional.of(decode(userInfo.substring(colon + 1), "the password"));
            }
        }
        if (authority.isEmpty()) {
            throw malformed("it names no host");
        }
        for (String host : authority.split(",", -1)) {
            checkHost(host);
        }
        String database;
        String query = "";
        int q = tail.indexOf('?');
        String path = q < 0 ? tail : tail.substring(0, q);
        if (q >= 0) {
            query = tail.substring(q + 1);
        }
        database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty()) {
            throw malformed("it names no database after the host");
        }
        if (database.contains("/")) {
            throw malformed("the database name contains '/'");
        }
        decode(database, "the database name"); // reject broken %-escapes here, not in the driver
        StringBuilder jdbc =
                new StringBuilder("jdbc:postgresql://")
                        .append(authority)
                        .append('/')
                        .append(database);
        if (!query.isEmpty()) {
            for (String param : query.split("&")) {
                if (param.isEmpty()) {
                    continue;
                }
                int eq = param.indexOf('=');
                if (eq <= 0) {
                    throw malformed("the parameter '" + safe(param) + "' has no name=value form");
                }
                decode(param.substring(eq + 1), "the parameter " + safe(param.substring(0, eq)));
            }
            jdbc.append('?').append(query);
        }
        return new DatabaseUrl(jdbc.toString(), user, password);
    }

    private static void checkHost(String hostPort) {
        if (hostPort.isEmpty()) {
            throw malformed("it names an empty host");
        }
        String port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw malformed("an IPv6 host has no closing ']'");
            }
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw malformed("unexpected text after an IPv6 host");
                }
                port = after.substring(1);
            }
        } else {
            int colon = hostPort.indexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            if (host.isEmpty()) {
                throw malformed("it names an empty host");
            }
            if (!host.matches("[A-Za-z0-9._-]+")) {
                throw malformed("the host '" + safe(host) + "' is not a host name");
            }
            if (colon >= 0) {
                port = hostPort.substring(colon + 1);
            }
        }
        if (port != null) {
            int p;
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw malformed("the port '" + safe(port) + "' is not a number");
            }
            if (p < 1 || p > 65535) {
                throw malformed("the port " + p + " is outside 1-65535");
            }
        }
    }

    /** Percent-decoding as in a URL's user info: {@code +} stays a plus sign. */
    static String decode(String s, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()
                        || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    throw malformed(what + " has a broken %-escape");
                }
                out.write(
                        Character.digit(s.charAt(i + 1), 16) * 16
                                + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    /** A fragment fit for an error line: short, printable (never the password). */
    private static String safe(String s) {
        String t = s.replaceAll("[^\\x20-\\x7e]", "?");
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException(VARIABLE + " is malformed: " + why + EXPECTED);
    }
}
