package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An inbound event that keeps failing (here: its tenant's schema is broken) is kept, counted, set
 * aside after {@code BUILDCRM_INBOX_MAX_ATTEMPTS} failures (no endless re-enqueuing), shown on the
 * health page with its error, and processed once the operator mends the cause and retries it. The
 * server runs on a PostgreSQL this test starts, so the test can break and mend the schema.
 */
class PoisonInboxIT {

    private static final int MAX_ATTEMPTS = 3;
    private static final String PHONE = "+77011234567";

    @Test
    void aFailingInboundEventIsSetAsideShownAndRetriedAfterTheFix() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                ServerProcess server =
                        ServerProcess.startFresh(
                                ServerProcess.externalDatabase(
                                        pg,
                                        "BUILDCRM_INBOX_MAX_ATTEMPTS",
                                        Integer.toString(MAX_ATTEMPTS)))) {
            DataSource db = pg.getPostgresDatabase();
            Api api = server.api();
            String operator =
                    api.operatorLogin(
                            ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
            long tenant =
                    api.createTenant(operator, "poison", "ru", "owner@poison.kz", "owner-pass-1")
                            .getJsonNumber("id")
                            .longValue();
            api.setAi(operator, tenant, false);
            assertThat(
                            api.method(
                                            "PUT",
                                            "/api/admin/tenants/" + tenant + "/channel",
                                            operator,
                                            "{\"provider\":\"sandbox\",\"settings\":{}}")
                                    .status())
                    .isEqualTo(200);
            String schema =
                    scalar(db, "SELECT schema_name FROM platform.tenants WHERE id = " + tenant);
            // nothing to retry yet
            assertThat(retry(api, operator)).isZero();

            // break the tenant: its leads table is gone
            exec(db, "ALTER TABLE " + schema + ".leads RENAME TO leads_away");
            assertThat(write(api, operator, tenant, "Здравствуйте, сколько стоит дом?"))
                    .isEqualTo(202);

            // stored before it was acknowledged, failed MAX_ATTEMPTS times, then set aside
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> poison(api, operator).getJsonNumber("poison").longValue() == 1);
            long row =
                    Long.parseLong(
                            scalar(
                                    db,
                                    "SELECT id FROM platform.inbox WHERE tenant_id = "
                                            + tenant
                                            + " AND processed_at IS NULL"));
            assertThat(scalar(db, "SELECT attempts FROM platform.inbox WHERE id = " + row))
                    .isEqualTo(Integer.toString(MAX_ATTEMPTS));
            JsonObject inbox = poison(api, operator);
            assertThat(inbox.getString("poisonLastError")).contains("leads");
            assertThat(api.get("/api/admin/health", operator).json().getString("status"))
                    .isEqualTo("degraded");

            // the sweeper runs every 5 s and re-enqueues unprocessed rows older than 30 s, but not
            // this one: after a sweep that ran once the row was old enough, there is still no job
            OffsetDateTime oldEnough =
                    OffsetDateTime.parse(
                            scalar(
                                    db,
                                    "SELECT to_char((received_at + interval '31 seconds') AT TIME ZONE 'UTC',"
                                            + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM platform.inbox WHERE id = "
                                            + row));
            await().atMost(Duration.ofSeconds(60)).until(() -> lastSweep(db).isAfter(oldEnough));
            assertThat(
                            scalar(
                                    db,
                                    "SELECT count(*) FROM platform.scheduled_tasks WHERE task_name = 'process-inbox'"
                                            + " AND task_instance = '"
                                            + row
                                            + "'"))
                    .isEqualTo("0");
            assertThat(scalar(db, "SELECT attempts FROM platform.inbox WHERE id = " + row))
                    .isEqualTo(Integer.toString(MAX_ATTEMPTS));

            // mend the schema; the operator retries; the message becomes a lead with its message
            exec(db, "ALTER TABLE " + schema + ".leads_away RENAME TO leads");
            assertThat(retry(api, operator)).isEqualTo(1);
            String owner = api.userLogin("poison", "owner@poison.kz", "owner-pass-1");
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    api.get("/api/crm/leads", owner)
                                                    .json()
                                                    .getJsonArray("items")
                                                    .size()
                                            == 1);
            assertThat(
                            api.get("/api/crm/leads", owner)
                                    .json()
                                    .getJsonArray("items")
                                    .getJsonObject(0)
                                    .getString("phone"))
                    .isEqualTo(PHONE);
            assertThat(poison(api, operator).getJsonNumber("poison").longValue()).isZero();
            assertThat(api.get("/api/admin/health", operator).json().getString("status"))
                    .isEqualTo("ok");
            assertThat(retry(api, operator)).isZero();
            // and the sweeper's own work: a stored event whose job was lost is picked up again
            exec(
                    db,
                    "INSERT INTO platform.inbox (tenant_id, provider, provider_message_id, kind, event, received_at)"
                            + " SELECT tenant_id, provider, 'lost-job-1', kind,"
                            + " jsonb_set(event, '{phone}', '\"+77012345678\"'), now() - interval '1 minute'"
                            + " FROM platform.inbox WHERE id = "
                            + row);
            await().atMost(Duration.ofSeconds(30))
                    .until(
                            () ->
                                    api.get("/api/crm/leads", owner)
                                                    .json()
                                                    .getJsonArray("items")
                                                    .size()
                                            == 2);
            assertThat(
                            scalar(
                                    db,
                                    "SELECT count(*) FROM platform.audit_log WHERE action = 'inbox.retried'"
                                            + " AND (details->>'rows')::int = 1"))
                    .isEqualTo("1");
        }
    }

    private static int write(Api api, String operator, long tenant, String text) {
        return api.post(
                        "/api/admin/tenants/" + tenant + "/sandbox/messages",
                        operator,
                        Json.createObjectBuilder().add("phone", PHONE).add("text", text).build())
                .status();
    }

    private static JsonObject poison(Api api, String operator) {
        Api.Reply health = api.get("/api/admin/health", operator);
        assertThat(health.status()).isEqualTo(200);
        return health.json().getJsonObject("inbox");
    }

    private static int retry(Api api, String operator) {
        Api.Reply r = api.post("/api/admin/health/inbox/retry", operator, "{}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().getInt("requeued");
    }

    private static OffsetDateTime lastSweep(DataSource db) throws SQLException {
        String at =
                scalar(
                        db,
                        "SELECT to_char(last_success AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"
                                + " FROM platform.scheduled_tasks WHERE task_name = 'message-path-sweeper'");
        return at == null ? OffsetDateTime.MIN : OffsetDateTime.parse(at);
    }

    private static String scalar(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private static void exec(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
