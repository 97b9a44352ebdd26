package com.buildcrm.provisioner;

import com.buildcrm.provisioner.TenantStore.TenantRow;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One tenant as one zip archive, and back (ADR 029): every table of its schema ({@code COPY … TO
 * STDOUT}, text format, with the schema's Flyway version), its platform rows (as JSON lines) and
 * its media files; {@code manifest.properties} comes last and lists every entry with its SHA-256
 * and size, so a truncated or altered archive is refused before anything is written.
 *
 * <p>Import: the archive is unpacked and checked in a temporary directory; the tenant is registered
 * (PROVISIONING, so nobody can sign in), its schema created and migrated to the exported version;
 * then one transaction loads every table, resets the identity sequences, inserts the platform rows,
 * writes the audit row and activates the tenant, while the media are copied. Any failure rolls that
 * back and drops the schema, the tenant row and the copied media: nothing half-imported. Finally
 * the schema is migrated to this version's latest (like any tenant behind).
 *
 * <p>Secrets (channel tokens, the LLM API key) are encrypted under the source server's master key
 * bound to the tenant's id; they are left out, and entered again on the new server. Sessions,
 * webhook queues, pending jobs and login throttling are not carried either.
 */
public final class TenantArchive {

    public static final String FORMAT = "buildcrm-tenant-archive";
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "manifest.properties";

    /** Platform tables with tenant rows the archive carries, in insert order. */
    static final List<String> PLATFORM_TABLES =
            List.of("channels", "tenant_ai", "tenant_greetings", "tenant_followups", "audit_log");

    /**
     * Platform tables with a tenant column the archive leaves out, and why: sessions (users sign in
     * again), transient work of the running server, and what the import recomputes.
     */
    static final Map<String, String> PLATFORM_TABLES_LEFT_OUT =
            Map.of(
                    "tenant_schema_versions", "recomputed by the import",
                    "refresh_tokens", "sessions: users sign in again",
                    "live_tickets", "sessions: 30-second stream tickets",
                    "inbox", "webhook queue of the running server",
                    "outbox", "send queue of the running server (messages keep their status)",
                    "tenant_transcription",
                            "speech-to-text endpoint: its key cannot move, entered again (ADR 033)");

    private static final Logger LOG = LoggerFactory.getLogger(TenantArchive.class);
    private static final Pattern TABLE = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$");
    private static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024 * 1024;

    private final DataSource dataSource;
    private final TenantStore store;
    private final TenantMigrations migrations;
    private final SecureRandom random = new SecureRandom();

    TenantArchive(DataSource dataSource, TenantStore store, TenantMigrations migrations) {
        this.dataSource = dataSource;
        this.store = store;
        this.migrations = migrations;
    }

    // ---------------------------------------------------------------- export

    /**
     * Writes the tenant's archive to {@code out} (not closed), from one consistent snapshot of the
     * database, and records the export in the audit log.
     *
     * @throws UnknownTenantException if no tenant has this slug
     * @throws IllegalStateException if the tenant is not provisioned (PROVISIONING or FAILED)
     */
    public ArchiveSummary export(
            String slug, TenantMediaFiles media, OutputStream out, ArchiveActor actor) {
        TenantRow tenant =
                store.findBySlug(slug).orElseThrow(() -> new UnknownTenantException(slug));
        if (tenant.status() != TenantStatus.ACTIVE && tenant.status() != TenantStatus.SUSPENDED) {
            throw new IllegalStateException(
                    "tenant "
                            + slug
                            + " is "
                            + tenant.status()
                            + "; only a provisioned tenant can be exported");
        }
        String schema = TenantSchema.checked(tenant.schemaName());
        Properties manifest = new Properties();
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Integer> platformRows = new LinkedHashMap<>();
        ZipOutputStream zip = new ZipOutputStream(new NonClosing(out), StandardCharsets.UTF_8);
        String version;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                version = schemaVersion(c, schema);
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                List<String> tables = new ArrayList<>();
                for (Map.Entry<String, List<String>> table : tables(c, schema).entrySet()) {
                    String name = table.getKey();
                    String columns = String.join(",", table.getValue());
                    manifest.setProperty("table." + name + ".columns", columns);
                    long[] count = new long[1];
                    entry(
                            zip,
                            manifest,
                            "schema/" + name + ".copy",
                            sink -> {
                                try {
                                    count[0] =
                                            copy.copyOut(
                                                    "COPY "
                                                            + TenantSchema.quoted(schema)
                                                            + "."
                                                            + quote(name)
                                                            + " ("
                                                            + quoteAll(table.getValue())
                                                            + ") TO STDOUT",
                                                    sink);
                                } catch (SQLException e) {
                                    throw new IOException(e);
                                }
                            });
                    rows.put(name, count[0]);
                    manifest.setProperty("table." + name + ".rows", Long.toString(count[0]));
                    tables.add(name);
                }
                manifest.setProperty("tables", String.join(",", tables));
                platformRows.put(
                        "tenants", writeRows(c, zip, manifest, "tenants", "id", tenant.id()));
                for (String table : PLATFORM_TABLES) {
                    platformRows.put(
                            table, writeRows(c, zip, manifest, table, "tenant_id", tenant.id()));
                }
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            int files = 0;
            for (String path : media.list(tenant.id())) {
                entry(
                        zip,
                        manifest,
                        "media/" + path,
                        sink -> {
                            try (InputStream in = media.open(tenant.id(), path)) {
                                in.transferTo(sink);
                            }
                        });
                files++;
            }
            manifest.setProperty("format", FORMAT);
            manifest.setProperty("format.version", Integer.toString(FORMAT_VERSION));
            manifest.setProperty("exported.at", Instant.now().toString());
            manifest.setProperty("tenant.id", Long.toString(tenant.id()));
            manifest.setProperty("tenant.slug", tenant.slug());
            manifest.setProperty("tenant.status", tenant.status().name());
            manifest.setProperty("schema.version", version);
            manifest.setProperty("media.files", Integer.toString(files));
            zip.putNextEntry(new ZipEntry(MANIFEST));
            manifest.store(zip, "BuildCRM tenant archive");
            zip.closeEntry();
            zip.finish();
            zip.flush();
            audit(
                    actor,
                    tenant.id(),
                    "tenant.export",
                    tenant.slug(),
                    "{\"schemaVersion\":\""
                            + version
                            + "\",\"rows\":"
                            + rows.values().stream().mapToLong(Long::longValue).sum()
                            + ",\"mediaFiles\":"
                            + files
                            + "}");
            LOG.info(
                    "Exported tenant {} ({} rows, {} media files)",
                    slug,
                    rows.values().stream().mapToLong(Long::longValue).sum(),
                    files);
            return new ArchiveSummary(
                    tenant.id(), tenant.slug(), version, rows, platformRows, files);
        } catch (SQLException e) {
            throw new TenantDatabaseException("cannot export tenant " + slug, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the archive of tenant " + slug, e);
        }
    }

    private int writeRows(
            Connection c,
            ZipOutputStream zip,
            Properties manifest,
            String table,
            String keyColumn,
            long tenantId)
            throws IOException, SQLException {
        int[] count = new int[1];
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT row_to_json(x)::text FROM platform."
                                + quote(table)
                                + " x WHERE x."
                                + quote(keyColumn)
                                + " = ?")) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                entry(
                        zip,
                        manifest,
                        "platform/" + table + ".jsonl",
                        sink -> {
                            try {
                                while (rs.next()) {
                                    // row_to_json escapes line breaks inside strings: one row a
                                    // line
                                    sink.write(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                                    sink.write('\n');
                                    count[0]++;
                                }
                            } catch (SQLException e) {
                                throw new IOException(e);
                            }
                        });
            }
        }
        manifest.setProperty("platform." + table + ".rows", Integer.toString(count[0]));
        return count[0];
    }

    /** Writes one entry, recording its SHA-256 and size in the manifest. */
    private static void entry(ZipOutputStream zip, Properties manifest, String name, Body body)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest sha = sha256();
        CountingOutput counted =
                new CountingOutput(new DigestOutputStream(new NonClosing(zip), sha));
        body.write(counted);
        counted.flush();
        zip.closeEntry();
        manifest.setProperty(
                "file." + name, HexFormat.of().formatHex(sha.digest()) + ":" + counted.count);
    }

    // ---------------------------------------------------------------- import

    /**
     * Imports an archive as a new tenant, under {@code slug} or, when null, the exported slug.
     *
     * @throws InvalidArchiveException when the archive is corrupt, truncated, not ours or from a
     *     newer version (nothing written)
     * @throws TenantExistsException when the slug is taken (nothing written)
     * @throws TenantBusyException when the slug is being provisioned right now
     */
    public ArchiveSummary importArchive(
            InputStream in, String slug, TenantMediaFiles media, ArchiveActor actor) {
        Path dir;
        try {
            dir = Files.createTempDirectory("buildcrm-import-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
        try {
            Properties manifest = unpack(in, dir, DEFAULT_MAX_BYTES);
            return load(dir, manifest, slug, media, actor);
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * Unpacks into {@code dir} and checks every entry against the manifest. The stream is spooled
     * to a file first and read through its central directory, so an archive cut anywhere — even
     * right after its last entry — is refused.
     */
    static Properties unpack(InputStream in, Path dir, long maxBytes) {
        Map<String, String> seen = new LinkedHashMap<>();
        Path spooled = dir.resolve(".archive.zip");
        try {
            try (OutputStream out = Files.newOutputStream(spooled)) {
                in.transferTo(out);
            }
        } catch (IOException e) {
            throw new InvalidArchiveException(
                    "the archive cannot be read (" + e.getMessage() + ")", e);
        }
        long total = 0;
        try (ZipFile zip = new ZipFile(spooled.toFile(), StandardCharsets.UTF_8)) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    continue;
                }
                if (!validEntryName(name) || seen.containsKey(name)) {
                    throw new InvalidArchiveException(
                            "the archive has an unexpected entry '" + abbreviate(name) + "'");
                }
                Path target = dir.resolve(name).normalize();
                if (!target.startsWith(dir)) {
                    throw new InvalidArchiveException("the archive has an unsafe entry");
                }
                Files.createDirectories(target.getParent());
                MessageDigest sha = sha256();
                long size;
                try (InputStream data = new DigestInputStream(zip.getInputStream(entry), sha);
                        OutputStream out = Files.newOutputStream(target)) {
                    size = data.transferTo(out);
                }
                total += size;
                if (total > maxBytes) {
                    throw new InvalidArchiveException(
                            "the archive unpacks to more than " + maxBytes + " bytes");
                }
                seen.put(name, HexFormat.of().formatHex(sha.digest()) + ":" + size);
            }
        } catch (ZipException | EOFException e) {
            throw new InvalidArchiveException(
                    "the archive is corrupt or truncated (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new InvalidArchiveException(
                    "the archive cannot be read (" + e.getMessage() + ")", e);
        } finally {
            try {
                Files.deleteIfExists(spooled);
            } catch (IOException ignored) {
                // the whole directory is deleted afterwards
            }
        }
        if (!seen.containsKey(MANIFEST)) {
            throw new InvalidArchiveException(
                    seen.isEmpty()
                            ? "this is not a BuildCRM tenant archive (a zip file) or it is empty"
                            : "the archive is truncated: its manifest (the last entry) is missing");
        }
        Properties manifest = new Properties();
        try (InputStream m = Files.newInputStream(dir.resolve(MANIFEST))) {
            manifest.load(m);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidArchiveException("the archive's manifest cannot be read", e);
        }
        if (!FORMAT.equals(manifest.getProperty("format"))) {
            throw new InvalidArchiveException("this is not a BuildCRM tenant archive");
        }
        if (!Integer.toString(FORMAT_VERSION).equals(manifest.getProperty("format.version"))) {
            throw new InvalidArchiveException(
                    "archive format version "
                            + manifest.getProperty("format.version")
                            + " is not supported (this server reads "
                            + FORMAT_VERSION
                            + ")");
        }
        Set<String> listed = new LinkedHashSet<>();
        for (String key : manifest.stringPropertyNames()) {
            if (key.startsWith("file.")) {
                String name = key.substring("file.".length());
                listed.add(name);
                String actual = seen.get(name);
                if (actual == null) {
                    throw new InvalidArchiveException(
                            "the archive is truncated: '" + abbreviate(name) + "' is missing");
                }
                if (!actual.equals(manifest.getProperty(key))) {
                    throw new InvalidArchiveException(
                            "the archive is corrupt: '"
                                    + abbreviate(name)
                                    + "' does not match its checksum");
                }
            }
        }
        for (String name : seen.keySet()) {
            if (!name.equals(MANIFEST) && !listed.contains(name)) {
                throw new InvalidArchiveException(
                        "the archive has an entry its manifest does not list: '"
                                + abbreviate(name)
                                + "'");
            }
        }
        return manifest;
    }

    private ArchiveSummary load(
            Path dir,
            Properties manifest,
            String requestedSlug,
            TenantMediaFiles media,
            ArchiveActor actor) {
        String slug =
                requestedSlug == null || requestedSlug.isBlank()
                        ? manifest.getProperty("tenant.slug", "")
                        : requestedSlug.strip();
        if (!SLUG.matcher(slug).matches()) {
            throw new InvalidArchiveException(
                    "slug '"
                            + abbreviate(slug)
                            + "' must be 1-40 lower-case letters, digits or dashes");
        }
        String version = manifest.getProperty("schema.version", "");
        MigrationVersion exported;
        try {
            exported = MigrationVersion.fromVersion(version);
        } catch (RuntimeException e) {
            throw new InvalidArchiveException(
                    "the archive's schema version '" + abbreviate(version) + "' is invalid");
        }
        if (exported.compareTo(MigrationVersion.fromVersion(migrations.latestVersion())) > 0) {
            throw new InvalidArchiveException(
                    "the archive was made by a newer BuildCRM (schema version "
                            + version
                            + ", this one has "
                            + migrations.latestVersion()
                            + "); upgrade this server first");
        }
        List<String> tables = new ArrayList<>();
        for (String t : manifest.getProperty("tables", "").split(",")) {
            if (!t.isEmpty()) {
                if (!TABLE.matcher(t).matches()
                        || !Files.isRegularFile(dir.resolve("schema/" + t + ".copy"))) {
                    throw new InvalidArchiveException(
                            "the archive lists a table it does not carry: " + abbreviate(t));
                }
                tables.add(t);
            }
        }
        if (!Files.isRegularFile(dir.resolve("platform/tenants.jsonl"))) {
            throw new InvalidArchiveException("the archive has no tenant row");
        }
        String status = manifest.getProperty("tenant.status");
        if (!"ACTIVE".equals(status) && !"SUSPENDED".equals(status)) {
            throw new InvalidArchiveException("the archive's tenant status is invalid");
        }

        try (TenantLock lock = TenantLock.acquire(dataSource, slug)) {
            if (store.findBySlug(slug).isPresent()) {
                throw new TenantExistsException(slug);
            }
            long id;
            String schema;
            try (Connection c = dataSource.getConnection()) {
                id = nextTenantId(c);
                schema = TenantSchema.nameFor(id);
                String row = firstLine(dir.resolve("platform/tenants.jsonl"));
                insertRow(
                        c,
                        "tenants",
                        row,
                        "{\"id\":"
                                + id
                                + ",\"slug\":\""
                                + slug
                                + "\",\"schema_name\":\""
                                + schema
                                + "\",\"status\":\"PROVISIONING\",\"provisioning_step\":\"REGISTERED\"}");
            } catch (SQLException e) {
                throw new InvalidArchiveException(
                        "the archive's tenant row cannot be stored (" + firstLineOf(e) + ")", e);
            }
            try {
                ArchiveSummary summary =
                        fill(
                                dir, manifest, tables, id, schema, slug, version, status, media,
                                actor);
                upgrade(id, schema);
                return summary;
            } catch (RuntimeException e) {
                undo(id, schema, media, e);
                throw e;
            }
        }
    }

    private ArchiveSummary fill(
            Path dir,
            Properties manifest,
            List<String> tables,
            long id,
            String schema,
            String slug,
            String version,
            String status,
            TenantMediaFiles media,
            ArchiveActor actor) {
        try {
            try (Connection c = dataSource.getConnection();
                    Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + TenantSchema.quoted(schema));
            }
            migrations.flywayFor(dataSource, schema, version).migrate();
        } catch (SQLException e) {
            throw new TenantDatabaseException("cannot create schema " + schema, e);
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Integer> platformRows = new LinkedHashMap<>();
        platformRows.put("tenants", 1);
        int files = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Map<String, List<String>> target = tables(c, schema);
                for (String t : tables) {
                    if (!target.containsKey(t)) {
                        throw new InvalidArchiveException(
                                "table "
                                        + t
                                        + " of the archive does not exist at schema version "
                                        + version);
                    }
                }
                // migrations may seed rows (settings singletons): the archive carries the whole
                // state
                try (Statement st = c.createStatement()) {
                    st.execute(
                            "TRUNCATE "
                                    + String.join(
                                            ", ",
                                            target.keySet().stream()
                                                    .map(
                                                            t ->
                                                                    TenantSchema.quoted(schema)
                                                                            + "."
                                                                            + quote(t))
                                                    .toList()));
                }
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (String t : insertOrder(c, schema, tables)) {
                    List<String> columns =
                            List.of(manifest.getProperty("table." + t + ".columns", "").split(","));
                    for (String col : columns) {
                        if (!target.get(t).contains(col)) {
                            throw new InvalidArchiveException(
                                    "column "
                                            + t
                                            + "."
                                            + abbreviate(col)
                                            + " of the archive does not exist");
                        }
                    }
                    try (InputStream data =
                            Files.newInputStream(dir.resolve("schema/" + t + ".copy"))) {
                        long n =
                                copy.copyIn(
                                        "COPY "
                                                + TenantSchema.quoted(schema)
                                                + "."
                                                + quote(t)
                                                + " ("
                                                + quoteAll(columns)
                                                + ") FROM STDIN",
                                        data);
                        if (!Long.toString(n)
                                .equals(manifest.getProperty("table." + t + ".rows"))) {
                            throw new InvalidArchiveException(
                                    "table " + t + " has not the rows its manifest says");
                        }
                        rows.put(t, n);
                    }
                }
                resetSequences(c, schema);
                for (String table : PLATFORM_TABLES) {
                    Path file = dir.resolve("platform/" + table + ".jsonl");
                    int n = 0;
                    if (Files.isRegularFile(file)) {
                        try (BufferedReader lines =
                                Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                            String line;
                            while ((line = lines.readLine()) != null) {
                                if (!line.isBlank()) {
                                    insertRow(c, table, line, overrides(table, id));
                                    n++;
                                }
                            }
                        }
                    }
                    platformRows.put(table, n);
                }
                store.recordVersion(c, id, version);
                try (PreparedStatement ps =
                        c.prepareStatement(
                                "UPDATE platform.tenants SET status = ?, provisioning_step = 'ACTIVE',"
                                        + " updated_at = now() WHERE id = ?")) {
                    ps.setString(1, status);
                    ps.setLong(2, id);
                    ps.executeUpdate();
                }
                for (String key : manifest.stringPropertyNames().stream().sorted().toList()) {
                    if (key.startsWith("file.media/")) {
                        String path = key.substring("file.media/".length());
                        try (InputStream file =
                                Files.newInputStream(dir.resolve("media/" + path))) {
                            media.put(id, path, file);
                        }
                        files++;
                    }
                }
                media.complete(id);
                long total = rows.values().stream().mapToLong(Long::longValue).sum();
                audit(
                        c,
                        actor,
                        id,
                        "tenant.import",
                        slug,
                        "{\"from\":\""
                                + SLUG_SAFE
                                        .matcher(manifest.getProperty("tenant.slug", ""))
                                        .replaceAll("")
                                + "\",\"schemaVersion\":\""
                                + version
                                + "\",\"rows\":"
                                + total
                                + ",\"mediaFiles\":"
                                + files
                                + "}");
                c.commit();
                LOG.info(
                        "Imported tenant {} as {} ({} rows, {} media files)",
                        slug,
                        schema,
                        total,
                        files);
                return new ArchiveSummary(id, slug, version, rows, platformRows, files);
            } catch (SQLException e) {
                c.rollback();
                throw new InvalidArchiveException(
                        "the archive's data cannot be loaded (" + firstLineOf(e) + ")", e);
            } catch (IOException e) {
                c.rollback();
                throw new UncheckedIOException("cannot store the archive's media", e);
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new TenantDatabaseException("cannot import tenant " + slug, e);
        }
    }

    private static final Pattern SLUG_SAFE = Pattern.compile("[^a-z0-9-]");

    /**
     * Brings the imported schema to this version's latest; a failure is recorded, as for any
     * tenant.
     */
    private void upgrade(long id, String schema) {
        try {
            var result = migrations.flywayFor(dataSource, schema).migrate();
            String v =
                    result.targetSchemaVersion != null
                            ? result.targetSchemaVersion
                            : result.initialSchemaVersion;
            if (v != null) {
                store.recordVersion(id, v);
            }
        } catch (RuntimeException e) {
            LOG.warn(
                    "Imported tenant {} could not be migrated to the latest version yet",
                    schema,
                    e);
            store.recordMigrationFailure(id, String.valueOf(e.getMessage()));
        }
    }

    private void undo(long id, String schema, TenantMediaFiles media, RuntimeException cause) {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + TenantSchema.quoted(schema) + " CASCADE");
            store.delete(c, id);
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
        try {
            media.deleteAll(id);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** What the new server must not take over from the old: secrets, webhook routes, ids. */
    private String overrides(String table, long tenantId) {
        return switch (table) {
            case "channels" ->
                    "{\"tenant_id\":"
                            + tenantId
                            + ",\"secrets\":null,\"webhook_key\":\""
                            + webhookKey()
                            + "\",\"last_error\":\"Imported from another server: enter the channel's secrets again\","
                            + "\"last_error_at\":\""
                            + Instant.now()
                            + "\",\"last_inbound_at\":null}";
            case "tenant_ai" -> "{\"tenant_id\":" + tenantId + ",\"llm_api_key\":null}";
            default -> "{\"tenant_id\":" + tenantId + "}";
        };
    }

    private String webhookKey() {
        byte[] key = new byte[24];
        random.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    /**
     * Inserts one exported row (JSON) with overrides, into the columns both the row and the target
     * table have — identity columns get new values, columns added since take their defaults.
     */
    private static void insertRow(Connection c, String table, String json, String overrides)
            throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT jsonb_object_keys(?::jsonb || ?::jsonb)")) {
            ps.setString(1, json);
            ps.setString(2, overrides);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        List<String> columns = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT column_name FROM information_schema.columns WHERE table_schema ="
                                + " 'platform' AND table_name = ? AND is_identity = 'NO' AND"
                                + " is_generated = 'NEVER' ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (keys.contains(rs.getString(1))) {
                        columns.add(rs.getString(1));
                    }
                }
            }
        }
        String list = quoteAll(columns);
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO platform."
                                + quote(table)
                                + " ("
                                + list
                                + ") SELECT "
                                + list
                                + " FROM jsonb_populate_record(NULL::platform."
                                + quote(table)
                                + ", ?::jsonb || ?::jsonb)")) {
            ps.setString(1, json);
            ps.setString(2, overrides);
            ps.executeUpdate();
        }
    }

    /** Tables in an order that satisfies their foreign keys (referenced tables first). */
    private static List<String> insertOrder(Connection c, String schema, List<String> tables)
            throws SQLException {
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        tables.forEach(t -> needs.put(t, new LinkedHashSet<>()));
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT cl.relname, ref.relname FROM pg_constraint k"
                                + " JOIN pg_class cl ON cl.oid = k.conrelid"
                                + " JOIN pg_class ref ON ref.oid = k.confrelid"
                                + " JOIN pg_namespace n ON n.oid = cl.relnamespace"
                                + " WHERE k.contype = 'f' AND n.nspname = ? AND k.conrelid <> k.confrelid")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (needs.containsKey(rs.getString(1)) && needs.containsKey(rs.getString(2))) {
                        needs.get(rs.getString(1)).add(rs.getString(2));
                    }
                }
            }
        }
        List<String> order = new ArrayList<>();
        while (order.size() < tables.size()) {
            boolean progress = false;
            for (String t : tables) {
                if (!order.contains(t) && order.containsAll(needs.get(t))) {
                    order.add(t);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("the tenant tables' foreign keys form a cycle");
            }
        }
        return order;
    }

    private static void resetSequences(Connection c, String schema) throws SQLException {
        List<String[]> serials = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT table_name, column_name FROM information_schema.columns WHERE"
                                + " table_schema = ? AND (is_identity = 'YES' OR column_default LIKE"
                                + " 'nextval(%')")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    serials.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        for (String[] s : serials) {
            String table = TenantSchema.quoted(schema) + "." + quote(s[0]);
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "SELECT setval(pg_get_serial_sequence(?, ?), COALESCE((SELECT max("
                                    + quote(s[1])
                                    + ") FROM "
                                    + table
                                    + "), 0) + 1, false)")) {
                ps.setString(1, table);
                ps.setString(2, s[1]);
                ps.execute();
            }
        }
    }

    // ---------------------------------------------------------------- shared

    /** The schema's tables (not Flyway's history) with their stored columns, by name. */
    private static Map<String, List<String>> tables(Connection c, String schema)
            throws SQLException {
        Map<String, List<String>> tables = new java.util.TreeMap<>();
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT c.table_name, c.column_name FROM information_schema.columns c"
                                + " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
                                + " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'"
                                + " WHERE c.table_schema = ? AND c.table_name <> 'flyway_schema_history'"
                                + " AND c.is_generated = 'NEVER' ORDER BY c.table_name, c.ordinal_position")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
        }
        return tables;
    }

    private static String schemaVersion(Connection c, String schema) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT version FROM "
                                        + TenantSchema.quoted(schema)
                                        + ".flyway_schema_history WHERE success AND version IS NOT NULL"
                                        + " ORDER BY installed_rank DESC LIMIT 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("schema " + schema + " has no migration history");
            }
            return rs.getString(1);
        }
    }

    private static long nextTenantId(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT nextval('platform.tenant_id_seq')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void audit(
            ArchiveActor actor, long tenantId, String action, String target, String details) {
        try (Connection c = dataSource.getConnection()) {
            audit(c, actor, tenantId, action, target, details);
        } catch (SQLException e) {
            throw new TenantDatabaseException("cannot record the audit entry " + action, e);
        }
    }

    private static void audit(
            Connection c,
            ArchiveActor actor,
            long tenantId,
            String action,
            String target,
            String details)
            throws SQLException {
        ArchiveActor who = actor == null ? ArchiveActor.cli() : actor;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO platform.audit_log (actor_type, actor_id, actor_email, tenant_id,"
                                + " action, target, details) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            ps.setString(1, who.type());
            ps.setObject(2, who.id());
            ps.setString(3, who.email());
            ps.setLong(4, tenantId);
            ps.setString(5, action);
            ps.setString(6, target);
            ps.setString(7, details);
            ps.executeUpdate();
        }
    }

    private static boolean validEntryName(String name) {
        if (name.equals(MANIFEST)) {
            return true;
        }
        if (name.startsWith("schema/") && name.endsWith(".copy")) {
            return TABLE.matcher(name.substring(7, name.length() - 5)).matches();
        }
        if (name.startsWith("platform/") && name.endsWith(".jsonl")) {
            String t = name.substring(9, name.length() - 6);
            return t.equals("tenants") || PLATFORM_TABLES.contains(t);
        }
        if (name.startsWith("media/")) {
            return TenantMediaFiles.SAFE_PATH.matcher(name.substring(6)).matches();
        }
        return false;
    }

    private static String firstLine(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null || line.isBlank()) {
                throw new InvalidArchiveException("the archive's tenant row is empty");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLineOf(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.lines().findFirst().orElse(m);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String quoteAll(List<String> identifiers) {
        return String.join(", ", identifiers.stream().map(TenantArchive::quote).toList());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Cannot delete the temporary directory {}", dir, e);
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(OutputStream sink) throws IOException;
    }

    /** Keeps the zip (or the caller's stream) open when an entry's writer closes its stream. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class CountingOutput extends FilterOutputStream {
        long count;

        CountingOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
