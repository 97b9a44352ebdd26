package com.buildcrm.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules that keep the schema ready for Citus schema-based sharding (ADR 027): each tenant
 * schema becomes one distributed schema (one shard group on one node), the {@code platform} schema
 * stays on the coordinator. Read from the Flyway migrations and the SQL in the server's and the
 * provisioner's Java sources; no database needed.
 */
class CitusReadyTest {

    private static final Path ROOT = findRoot();
    private static final Path PLATFORM_SQL =
            ROOT.resolve("migrations/src/main/resources/db/platform");
    private static final Path TENANT_SQL = ROOT.resolve("migrations/src/main/resources/db/tenant");

    private static final Pattern TABLE_REF =
            Pattern.compile(
                    // possessive, then not followed by "(": a function call (FROM
                    // jsonb_populate_record(...))
                    // is no table
                    "(?i)\\b(?:from|join|into|update|references)\\s+([a-z_][a-z0-9_.\"]*+)(?!\\s*\\()");

    @Test
    void tenantSchemasReferNothingInPlatform() throws IOException {
        for (Path file : sql(TENANT_SQL)) {
            String text = stripComments(Files.readString(file)).toLowerCase(Locale.ROOT);
            assertThat(text)
                    .as(file.getFileName() + ": a tenant schema must not reference platform")
                    .doesNotContain("platform.")
                    .doesNotContainPattern("\\bt_\\d+\\.");
        }
    }

    @Test
    void thePlatformSchemaReferNoTenantSchema() throws IOException {
        for (Path file : sql(PLATFORM_SQL)) {
            String text = stripComments(Files.readString(file)).toLowerCase(Locale.ROOT);
            assertThat(text)
                    .as(file.getFileName().toString())
                    .doesNotContainPattern("\\bt_\\d+\\.");
        }
    }

    @Test
    void identitiesAndReferencesAreBigint() throws IOException {
        List<Path> files = new ArrayList<>(sql(PLATFORM_SQL));
        files.addAll(sql(TENANT_SQL));
        Pattern narrowKey =
                Pattern.compile(
                        "(?im)^\\s*(\\w*id)\\s+(int|integer|int4|int2|smallint|serial|smallserial|serial4)\\b");
        Pattern narrowIdentity =
                Pattern.compile(
                        "(?im)^\\s*(\\w+)\\s+(int|integer|int4|int2|smallint)\\b[^,\\n]*generated");
        for (Path file : files) {
            String text = stripComments(Files.readString(file));
            assertThat(find(narrowKey, text)).as(file.getFileName() + ": ids are bigint").isEmpty();
            assertThat(find(narrowIdentity, text))
                    .as(file.getFileName() + ": identities are bigint")
                    .isEmpty();
            assertThat(text.toLowerCase(Locale.ROOT))
                    .as(file.getFileName() + ": serial is int4")
                    .doesNotContainPattern("\\b(small)?serial\\b");
        }
        assertThat(files).hasSizeGreaterThan(8);
    }

    /**
     * No statement joins tenant tables with {@code platform} tables (a distributed schema's tables
     * may join only tables of the same schema or reference tables), and none names a tenant schema
     * itself or unions schemas (a cross-tenant statement): the binding of a transaction to one
     * tenant is the only way to reach tenant tables.
     */
    @Test
    void noStatementMixesPlatformAndTenantTablesOrSpansTenants() throws IOException {
        List<String> violations = new ArrayList<>();
        int statements = 0;
        for (Path source :
                List.of(
                        ROOT.resolve("platform/server/src/main/java"),
                        ROOT.resolve("tenant-provisioner/src/main/java"))) {
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String sql : sqlLiterals(Files.readString(file))) {
                        statements++;
                        Set<String> platform = new TreeSet<>();
                        Set<String> other = new TreeSet<>();
                        Matcher m = TABLE_REF.matcher(sql);
                        while (m.find()) {
                            String table = m.group(1).replace("\"", "").toLowerCase(Locale.ROOT);
                            if (table.startsWith("platform.")) {
                                platform.add(table);
                            } else if (!table.contains(".") && !KEYWORDS.contains(table)) {
                                other.add(table);
                            }
                        }
                        if (!platform.isEmpty() && !other.isEmpty()) {
                            violations.add(
                                    ROOT.relativize(file)
                                            + ": "
                                            + platform
                                            + " with "
                                            + other
                                            + " in: "
                                            + sql);
                        }
                        if (sql.matches("(?is).*\\bt_\\d+\\..*")
                                || sql.matches("(?is).*\\bunion\\b.*\\$schema.*")) {
                            violations.add(ROOT.relativize(file) + ": spans tenants: " + sql);
                        }
                    }
                }
            }
        }
        assertThat(statements).as("SQL found in the sources").isGreaterThan(50);
        assertThat(violations).isEmpty();
    }

    /**
     * Words after FROM/JOIN that are not tables (functions, subqueries, CTE names are unknowable).
     */
    private static final Set<String> KEYWORDS =
            Set.of(
                    "select",
                    "lateral",
                    "unnest",
                    "generate_series",
                    "jsonb_array_elements",
                    "jsonb_each",
                    "jsonb_to_recordset",
                    "values",
                    "only",
                    "(",
                    "information_schema",
                    "pg_catalog",
                    "excluded",
                    // FOR UPDATE [OF t] SKIP LOCKED / NOWAIT
                    "of",
                    "skip",
                    "nowait",
                    "set",
                    "the",
                    "a",
                    "an",
                    "it",
                    "its",
                    "one",
                    "this",
                    "each",
                    "every",
                    "our",
                    "their",
                    "there",
                    "here",
                    "which",
                    "where");

    /**
     * The SQL statements of a Java source: adjacent string literals and text blocks joined across
     * {@code +}; a non-literal operand (a schema name, a placeholder list) becomes {@code $schema}.
     */
    static List<String> sqlLiterals(String java) {
        List<String> out = new ArrayList<>();
        Matcher m =
                Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL)
                        .matcher(java);
        StringBuilder current = new StringBuilder();
        int lastEnd = -1;
        while (m.find()) {
            String text = m.group(1) != null ? m.group(1) : m.group(2);
            String between = lastEnd < 0 ? "" : java.substring(lastEnd, m.start());
            boolean joined =
                    lastEnd >= 0 && between.matches("(?s)\\s*\\+\\s*(?:[\\w.()]+\\s*\\+\\s*)?");
            if (joined) {
                if (!between.matches("(?s)\\s*\\+\\s*")) {
                    current.append("$schema");
                }
                current.append(text);
            } else {
                flush(current, out);
                current.append(text);
            }
            lastEnd = m.end();
        }
        flush(current, out);
        return out;
    }

    private static void flush(StringBuilder current, List<String> out) {
        String s = current.toString();
        if (s.matches("(?is)\\s*(select|insert|update|delete|with|merge)\\b.*")) {
            out.add(s.replaceAll("\\s+", " ").strip());
        }
        current.setLength(0);
    }

    private static List<String> find(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group().strip());
        }
        return found;
    }

    private static String stripComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "").replaceAll("(?s)/\\*.*?\\*/", "");
    }

    private static List<Path> sql(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("migrations/src/main/resources/db"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no migrations/ above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
