package com.buildcrm.provisioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant exported from one database and imported into another (both real PostgreSQL) works the
 * same: its users' passwords, leads, messages and history, its platform rows (secrets left out) and
 * its media; a damaged archive is refused with nothing written.
 */
class TenantArchiveTest {

    private static TestDatabase source;
    private static TestDatabase target;
    private static TenantProvisioner from;
    private static TenantProvisioner to;
    private static byte[] archive;
    private static ProvisionResult acme;

    @TempDir static Path media;

    @BeforeAll
    static void exportOneTenant() throws IOException {
        source = TestDatabase.fresh();
        target = TestDatabase.fresh();
        from = new TenantProvisioner(source.dataSource());
        to = new TenantProvisioner(target.dataSource());
        from.create(TenantProvisionerTest.tenant("other", "ru"));
        acme = from.create(TenantProvisionerTest.tenant("acme", "ru"));
        String s = acme.schemaName();
        long id = acme.tenantId();
        source.execute(
                "INSERT INTO "
                        + s
                        + ".leads (phone, name, city, stage_id, fields, last_message_text)"
                        + " SELECT '+77010000001', 'Айгерим', 'Алматы', min(id),"
                        + " '{\"budget\": \"10 млн\"}', E'строка 1\\nстрока\\t2 \\\\ конец' FROM "
                        + s
                        + ".stages");
        source.execute(
                "INSERT INTO "
                        + s
                        + ".leads (phone, stage_id) SELECT '+77010000002', max(id) FROM "
                        + s
                        + ".stages");
        source.execute(
                "INSERT INTO "
                        + s
                        + ".messages (lead_id, direction, author, kind, text, status, media_id)"
                        + " SELECT id, 'IN', 'CLIENT', 'TEXT', 'Здравствуйте!', 'RECEIVED',"
                        + " '202612-abc' FROM "
                        + s
                        + ".leads WHERE phone = '+77010000001'");
        source.execute(
                "INSERT INTO "
                        + s
                        + ".lead_events (lead_id, type, actor, actor_id, reason)"
                        + " SELECT l.id, 'STAGE_CHANGED', 'HUMAN', u.id, 'позвонил' FROM "
                        + s
                        + ".leads l, "
                        + s
                        + ".users u WHERE l.phone = '+77010000001'");
        source.execute(
                "INSERT INTO platform.channels (tenant_id, provider, settings, secrets, webhook_key)"
                        + " VALUES ("
                        + id
                        + ", 'chatflow', '{\"instanceId\": \"i-1\"}', 'v1:secret', 'hook-acme')");
        source.execute(
                "INSERT INTO platform.tenant_ai (tenant_id, brain, prompt, llm_api_key) VALUES ("
                        + id
                        + ", 'llm', 'Будь вежлив', 'v1:key')");
        source.execute(
                "INSERT INTO platform.audit_log (actor_type, tenant_id, action, target) VALUES"
                        + " ('OPERATOR', "
                        + id
                        + ", 'channel.configure', 'chatflow')");
        Path file = media.resolve("source/" + id + "/2026/12");
        Files.createDirectories(file);
        Files.write(file.resolve("202612-abc"), new byte[] {1, 2, 3, 4});
        Files.writeString(file.resolve("202612-abc.meta"), "tenant=" + id + "\nformat=JPEG\n");
        Files.createDirectories(media.resolve("source/999"));
        Files.writeString(media.resolve("source/999/not-acme"), "x");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long started = System.nanoTime();
        ArchiveSummary summary =
                from.archives()
                        .export(
                                "acme",
                                TenantMediaFiles.directory(media.resolve("source")),
                                out,
                                ArchiveActor.operator(7, "op@buildcrm.test"));
        System.out.printf("export took %d ms%n", (System.nanoTime() - started) / 1_000_000);
        archive = out.toByteArray();
        assertThat(summary.rows()).containsEntry("leads", 2L).containsEntry("messages", 1L);
        assertThat(summary.platformRows())
                .containsEntry("channels", 1)
                .containsEntry("audit_log", 1);
        assertThat(summary.mediaFiles()).isEqualTo(2);
        assertThat(
                        source.count(
                                "SELECT count(*) FROM platform.audit_log WHERE action = 'tenant.export' AND actor_email = 'op@buildcrm.test'"))
                .isEqualTo(1);
    }

    @AfterAll
    static void close() {
        source.close();
        target.close();
    }

    @Test
    void anImportedTenantWorksTheSameOnAnotherDatabase() throws IOException {
        // the target already has tenants: ids differ, nothing may collide
        to.create(TenantProvisionerTest.tenant("first", "en"));
        to.create(TenantProvisionerTest.tenant("second", "en"));
        long started = System.nanoTime();
        ArchiveSummary imported =
                to.archives()
                        .importArchive(
                                new ByteArrayInputStream(archive),
                                null,
                                TenantMediaFiles.directory(media.resolve("target")),
                                ArchiveActor.cli());
        System.out.printf("import took %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(imported.slug()).isEqualTo("acme");
        assertThat(imported.tenantId()).isNotEqualTo(acme.tenantId());
        String s = "t_" + imported.tenantId();

        assertThat(
                        target.value(
                                "SELECT status || '/' || provisioning_step || '/' || name FROM platform.tenants WHERE slug = 'acme'"))
                .isEqualTo("ACTIVE/ACTIVE/Company acme");
        assertThat(
                        target.value(
                                "SELECT version FROM platform.tenant_schema_versions WHERE tenant_id = "
                                        + imported.tenantId()))
                .isEqualTo(to.latestTenantVersion());
        // the owner signs in with the same password
        String hash =
                target.value(
                        "SELECT password_hash FROM " + s + ".users WHERE email = 'owner@acme.kz'");
        assertThat(PasswordHasher.verify("s3cret-pass", hash)).isTrue();
        // leads, messages and history, text escapes intact
        assertThat(
                        target.value(
                                "SELECT name || '|' || city || '|' || (fields->>'budget') || '|' || last_message_text FROM "
                                        + s
                                        + ".leads WHERE phone = '+77010000001'"))
                .isEqualTo("Айгерим|Алматы|10 млн|строка 1\nстрока\t2 \\ конец");
        assertThat(
                        target.column(
                                "SELECT m.text FROM "
                                        + s
                                        + ".messages m JOIN "
                                        + s
                                        + ".leads l ON l.id = m.lead_id"))
                .containsExactly("Здравствуйте!");
        assertThat(
                        target.column(
                                "SELECT e.reason || '/' || u.email FROM "
                                        + s
                                        + ".lead_events e JOIN "
                                        + s
                                        + ".users u ON u.id = e.actor_id"))
                .containsExactly("позвонил/owner@acme.kz");
        assertThat(target.count("SELECT count(*) FROM " + s + ".stages")).isEqualTo(7);
        // identities continue after the imported rows
        target.execute(
                "INSERT INTO "
                        + s
                        + ".leads (phone, stage_id) SELECT '+77010000003', min(id) FROM "
                        + s
                        + ".stages");
        assertThat(target.count("SELECT count(*) FROM " + s + ".leads")).isEqualTo(3);

        // platform rows: secrets and the webhook route are not taken over
        assertThat(
                        target.value(
                                "SELECT provider || '/' || (settings->>'instanceId') || '/' || (secrets IS NULL) || '/' || (webhook_key <> 'hook-acme') FROM platform.channels WHERE tenant_id = "
                                        + imported.tenantId()))
                .isEqualTo("chatflow/i-1/true/true");
        assertThat(
                        target.value(
                                "SELECT brain || '/' || prompt || '/' || (llm_api_key IS NULL) FROM platform.tenant_ai WHERE tenant_id = "
                                        + imported.tenantId()))
                .isEqualTo("llm/Будь вежлив/true");
        assertThat(
                        target.column(
                                "SELECT action FROM platform.audit_log WHERE tenant_id = "
                                        + imported.tenantId()
                                        + " ORDER BY id"))
                .containsExactly("channel.configure", "tenant.import");

        // media: the tenant's files only, the sidecar naming the new tenant
        Path dir = media.resolve("target/" + imported.tenantId() + "/2026/12");
        assertThat(Files.readAllBytes(dir.resolve("202612-abc"))).containsExactly(1, 2, 3, 4);
        Properties meta = new Properties();
        try (var in = Files.newInputStream(dir.resolve("202612-abc.meta"))) {
            meta.load(in);
        }
        assertThat(meta.getProperty("tenant")).isEqualTo(Long.toString(imported.tenantId()));
        assertThat(meta.getProperty("format")).isEqualTo("JPEG");

        // the same archive again: the slug is taken; under another slug it is a second tenant
        assertThatThrownBy(
                        () ->
                                to.archives()
                                        .importArchive(
                                                new ByteArrayInputStream(archive),
                                                null,
                                                TenantMediaFiles.none(),
                                                null))
                .isInstanceOf(TenantExistsException.class);
        ArchiveSummary copy =
                to.archives()
                        .importArchive(
                                new ByteArrayInputStream(archive),
                                "acme-copy",
                                TenantMediaFiles.none(),
                                null);
        assertThat(target.count("SELECT count(*) FROM t_" + copy.tenantId() + ".leads"))
                .isEqualTo(2);
    }

    @Test
    void aDamagedArchiveIsRefusedAndNothingIsWritten() {
        long tenants = target.count("SELECT count(*) FROM platform.tenants");
        long schemas = target.count("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 't\\_%'");
        byte[] truncated = Arrays.copyOf(archive, archive.length * 2 / 3);
        byte[] corrupt = archive.clone();
        corrupt[archive.length / 2] ^= 0x5A;
        byte[] noManifest =
                Arrays.copyOf(
                        archive,
                        indexOf(archive, TenantArchive.MANIFEST.getBytes(StandardCharsets.UTF_8))
                                - 30);
        for (byte[] bad :
                List.of(
                        truncated,
                        // every entry complete, only the central directory's end cut off
                        Arrays.copyOf(archive, archive.length - 22),
                        corrupt,
                        noManifest,
                        "not a zip".getBytes(StandardCharsets.UTF_8),
                        new byte[0])) {
            assertThatThrownBy(
                            () ->
                                    to.archives()
                                            .importArchive(
                                                    new ByteArrayInputStream(bad),
                                                    "broken",
                                                    TenantMediaFiles.directory(
                                                            media.resolve("broken")),
                                                    null))
                    .isInstanceOf(InvalidArchiveException.class)
                    .hasMessageNotContaining("\n");
        }
        assertThatThrownBy(
                        () ->
                                to.archives()
                                        .importArchive(
                                                new ByteArrayInputStream(archive),
                                                "Bad Slug",
                                                TenantMediaFiles.none(),
                                                null))
                .isInstanceOf(InvalidArchiveException.class)
                .hasMessageContaining("slug");
        assertThat(target.count("SELECT count(*) FROM platform.tenants")).isEqualTo(tenants);
        assertThat(target.count("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 't\\_%'"))
                .isEqualTo(schemas);
        assertThat(media.resolve("broken")).doesNotExist();
    }

    @Test
    void dataTheSchemaRefusesRollsBackEverything() throws IOException {
        // an archive whose data breaks a constraint of the target: passes the checksums, fails the
        // load
        long tenants = target.count("SELECT count(*) FROM platform.tenants");
        long schemas = target.count("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 't\\_%'");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        source.execute(
                "ALTER TABLE "
                        + acme.schemaName()
                        + ".messages DROP CONSTRAINT messages_direction_check");
        source.execute("UPDATE " + acme.schemaName() + ".messages SET direction = 'XX'");
        try {
            from.archives()
                    .export("acme", TenantMediaFiles.directory(media.resolve("source")), out, null);
        } finally {
            source.execute("UPDATE " + acme.schemaName() + ".messages SET direction = 'IN'");
            source.execute(
                    "ALTER TABLE "
                            + acme.schemaName()
                            + ".messages ADD CONSTRAINT messages_direction_check CHECK (direction IN ('IN', 'OUT'))");
        }
        assertThatThrownBy(
                        () ->
                                to.archives()
                                        .importArchive(
                                                new ByteArrayInputStream(out.toByteArray()),
                                                "refused",
                                                TenantMediaFiles.directory(
                                                        media.resolve("refused")),
                                                null))
                .isInstanceOf(InvalidArchiveException.class)
                .hasMessageContaining("cannot be loaded");
        assertThat(target.count("SELECT count(*) FROM platform.tenants")).isEqualTo(tenants);
        assertThat(target.count("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 't\\_%'"))
                .isEqualTo(schemas);
        assertThat(
                        media.resolve(
                                "refused/"
                                        + (target.count(
                                                "SELECT last_value FROM platform.tenant_id_seq"))))
                .doesNotExist();
    }

    @Test
    void everyPlatformTableWithATenantColumnIsCarriedOrLeftOutOnPurpose() {
        List<String> withTenant =
                source.column(
                        "SELECT table_name FROM information_schema.columns WHERE table_schema = 'platform'"
                                + " AND column_name = 'tenant_id' ORDER BY table_name");
        assertThat(withTenant)
                .as("a new platform table with tenant rows must be exported or listed as left out")
                .allMatch(
                        t ->
                                TenantArchive.PLATFORM_TABLES.contains(t)
                                        || TenantArchive.PLATFORM_TABLES_LEFT_OUT.containsKey(t));
    }

    /** The first occurrence: the entry's local header (the central directory repeats it). */
    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("not found");
    }
}
