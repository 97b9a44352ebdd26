package com.buildcrm.db;

import com.buildcrm.secret.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The embedded PostgreSQL's password: generated once into {@code <data dir>/keys/pg.password}
 * (0600, 32 random letters and digits), published with a hard link like the master key so two
 * processes racing on a new data directory agree on one value. The embedded cluster authenticates
 * every connection with it ({@code scram-sha-256} in {@code pg_hba.conf}); a data directory from a
 * version that trusted local connections is switched over by {@link #requirePassword}.
 */
public final class EmbeddedPassword {

    static final String FILE_NAME = "pg.password";

    private static final Logger LOG = Logger.getLogger(EmbeddedPassword.class.getName());
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9]{16,128}");
    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private EmbeddedPassword() {}

    /** The kept password, generated on first use. */
    static String load(Path keysDir) throws IOException {
        Path file = keysDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return read(file);
        }
        Files.createDirectories(keysDir);
        if (!PrivateFiles.createOnce(file, generate() + "\n")) {
            return read(file);
        }
        LOG.info(() -> "Generated the embedded PostgreSQL password in " + file);
        return read(file);
    }

    /** A 0600 file holding the password, for {@code initdb --pwfile}; the caller deletes it. */
    static Path pwfile(Path keysDir, String password) throws IOException {
        Path tmp = PrivateFiles.tempFile(keysDir, "initdb");
        Files.writeString(tmp, password + "\n", StandardCharsets.US_ASCII);
        return tmp;
    }

    /**
     * True when the cluster's {@code pg_hba.conf} lets some connection in without a password (a
     * data directory initialised by an older version with {@code trust}).
     */
    static boolean trusts(Path pgDir) throws IOException {
        Path hba = pgDir.resolve("pg_hba.conf");
        if (!Files.exists(hba)) {
            return false;
        }
        return Files.readAllLines(hba).stream()
                .map(EmbeddedPassword::rule)
                .anyMatch(EmbeddedPassword::isTrust);
    }

    /**
     * Sets the password on the {@code postgres} role and replaces every {@code trust} rule of
     * {@code pg_hba.conf} by {@code scram-sha-256}, then reloads the configuration. Runs on a
     * cluster that still trusts local connections, right after it started.
     */
    static void requirePassword(Path pgDir, java.sql.Connection superuser, String password)
            throws IOException, java.sql.SQLException {
        if (!VALID.matcher(password).matches()) {
            throw new IllegalStateException("the kept PostgreSQL password is malformed");
        }
        try (var st = superuser.createStatement()) {
            st.execute("SET password_encryption = 'scram-sha-256'");
            // letters and digits only (checked above): safe as a literal, which ALTER ROLE needs
            st.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
        }
        Path hba = pgDir.resolve("pg_hba.conf");
        List<String> lines = Files.readAllLines(hba);
        List<String> rewritten =
                lines.stream()
                        .map(
                                line ->
                                        isTrust(rule(line))
                                                ? line.replaceAll(
                                                        "(?<=\\s)trust(?=\\s|$)", "scram-sha-256")
                                                : line)
                        .toList();
        Path tmp = Files.createTempFile(pgDir, "pg_hba", ".tmp");
        try {
            Files.write(tmp, rewritten);
            Files.move(
                    tmp, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        try (var st = superuser.createStatement()) {
            st.execute("SELECT pg_reload_conf()");
        }
        LOG.info(
                "The embedded PostgreSQL now requires its password (it trusted local connections)");
    }

    private static String rule(String line) {
        int hash = line.indexOf('#');
        return (hash < 0 ? line : line.substring(0, hash)).strip();
    }

    private static boolean isTrust(String rule) {
        return !rule.isEmpty() && rule.matches(".*\\strust$");
    }

    private static String read(Path file) throws IOException {
        String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!VALID.matcher(value).matches()) {
            throw new IllegalStateException(
                    "the embedded PostgreSQL password in " + file + " is malformed");
        }
        return value;
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
