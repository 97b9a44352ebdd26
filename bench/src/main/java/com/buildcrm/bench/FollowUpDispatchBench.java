package com.buildcrm.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Follow-up dispatch: how fast the server works through a burst of follow-ups that all fall due at
 * the same instant, and how late each one goes out.
 *
 * <p>Starts the real uber jar on the embedded PostgreSQL (fresh temporary data dir), creates one
 * tenant (pack generic-sales) with the sandbox channel (nothing leaves the machine: the sandbox
 * gateway accepts the send in-process, so the bench measures our own dispatch path), AI on, and a
 * follow-up policy of two steps (text A after 1 min, text B after 10 h; no quiet hours, spacing 0,
 * jitter 0). Then it seeds {@code --followups} silent leads straight into the tenant's schema, in
 * batches: each lead has one bot message (OUT, AI, SENT, 5 minutes old) and one step-0 {@code
 * followups} row armed by it and due at a common instant T, with its db-scheduler job ({@code
 * followup}, {@code tenantId:followupId}, execution time T) — exactly what {@code FollowUps.arm}
 * writes, all committed before T. From T on the server's 4 job threads send text A to every lead
 * (message + outbox row + {@code send-outbox} job, step 1 scheduled 10 h later), and the outbox
 * jobs hand the messages to the sandbox gateway.
 *
 * <p>Everything is read back from the database: dispatch throughput = N ÷ (last step-0 message's
 * {@code created_at} − T); lateness of each follow-up = its message's {@code created_at} − {@code
 * due_at} (p50/p95/p99/max, {@code percentile_cont}); when the tenant's outbox was drained (every
 * row SENT) and at what rate; duplicates (a lead with two SENT follow-ups or two messages with text
 * A — must be 0).
 *
 * <pre>
 * bench/followup-dispatch.sh /tmp/bench-buildcrm.jar 100000
 * </pre>
 */
@Command(
        name = "followup-dispatch-bench",
        mixinStandardHelpOptions = true,
        description = "Follow-up dispatch throughput and lateness for N follow-ups due at once.")
public final class FollowUpDispatchBench implements Callable<Integer> {

    /**
     * {@code JobQueue.priority("followup")} in the server (inbox 90, send-outbox 80, ai-turn 70).
     */
    private static final int FOLLOWUP_PRIORITY = 10;

    static final String TEXT_A = "Подскажите, пожалуйста, вопрос ещё актуален? (bench A)";
    static final String TEXT_B = "Когда вам удобно созвониться? (bench B)";
    static final String ARMING_TEXT = "Здравствуйте! Какой объём вас интересует? (bench arm)";
    private static final String OWNER_PASSWORD = "owner-pass-1";

    @Option(
            names = "--jar",
            defaultValue = "platform/server/target/buildcrm.jar",
            description = "The server uber jar (default: ${DEFAULT-VALUE}).")
    String jar;

    @Option(
            names = "--followups",
            defaultValue = "100000",
            description =
                    "Leads, each with one step-0 follow-up due at T (default: ${DEFAULT-VALUE}).")
    int followups;

    @Option(
            names = "--batch",
            defaultValue = "5000",
            description = "Rows per seeding transaction (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--due-in",
            defaultValue = "60",
            description =
                    "Seconds from the start of seeding the follow-ups (after the leads and their"
                            + " messages) to T (default: ${DEFAULT-VALUE}); the bench stops if"
                            + " seeding is not committed before T.")
    int dueInSeconds;

    @Option(
            names = "--timeout-minutes",
            defaultValue = "60",
            description =
                    "Give up waiting for the follow-ups (and, separately, for the outbox) after"
                            + " this long; what was done by then is still reported, marked"
                            + " INCOMPLETE (default: ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    @Option(names = "--keep", description = "Keep the temporary data dir and the server log.")
    boolean keep;

    @Option(
            names = "--jvm",
            description =
                    "An option for the server's JVM, before -jar (repeatable), e.g."
                            + " -XX:StartFlightRecording=filename=f.jfr,settings=profile.")
    List<String> jvmArgs = new ArrayList<>();

    private BenchServer server;
    private long tenantId;
    private String schema;
    private final List<Double> loadSamples = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) {
        int code = new CommandLine(new FollowUpDispatchBench()).execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() throws Exception {
        if (followups < 1 || followups > 9_999_999) {
            throw new IllegalArgumentException("--followups must be 1..9999999 (7-digit phones)");
        }
        String loadStart = StartupBench.loadAverage();
        System.out.println("load average at start: " + loadStart);
        server =
                BenchServer.start(
                        Path.of(jar), "buildcrm-followups-", jvmArgs.toArray(String[]::new));
        Thread sampler = loadSampler();
        try {
            setUp();
            Instant t = seed();
            String loadAtT = waitUntil(t);
            sampler.start();
            boolean dispatched = waitForFollowUps(t);
            String loadAfterDispatch = StartupBench.loadAverage();
            boolean drained = dispatched && waitForOutbox(t);
            String loadAfterOutbox = StartupBench.loadAverage();
            sampler.interrupt();
            sampler.join();
            report(t, dispatched, drained, loadStart, loadAtT, loadAfterDispatch, loadAfterOutbox);
            System.out.println("server log: " + server.log() + " — " + server.logSummary());
            return dispatched && drained ? 0 : 2;
        } finally {
            sampler.interrupt();
            server.stop();
            System.out.println("load average at end: " + StartupBench.loadAverage());
            if (!keep) {
                server.deleteDir();
            }
        }
    }

    // ---------------------------------------------------------------- set-up

    private void setUp() throws Exception {
        String op = server.operatorLogin();
        String created =
                server.post(
                        "/api/admin/tenants",
                        op,
                        "{\"slug\":\"followups\",\"name\":\"Follow-up bench\",\"pack\":\"generic-sales\","
                                + "\"owner\":{\"name\":\"Owner\",\"email\":\"owner@followups.kz\",\"password\":\""
                                + OWNER_PASSWORD
                                + "\"}}",
                        201);
        tenantId = Long.parseLong(BenchServer.field(created, "id"));
        String admin = "/api/admin/tenants/" + tenantId;
        server.send(
                "PUT", admin + "/channel", op, "{\"provider\":\"sandbox\",\"settings\":{}}", 200);
        server.send("PUT", admin + "/ai", op, "{\"enabled\":true}", 200);
        String policy =
                server.send(
                        "PUT",
                        admin + "/followups",
                        op,
                        "{\"steps\":[{\"delayMinutes\":1,\"text\":\""
                                + TEXT_A
                                + "\"},{\"delayMinutes\":600,\"text\":\""
                                + TEXT_B
                                + "\"}],\"quietHours\":{\"from\":\"00:00\",\"to\":\"00:00\"},"
                                + "\"capPerSilence\":2,\"minSpacingMinutes\":0,\"jitterMinutes\":0}",
                        200);
        try (Connection c = server.db();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT schema_name FROM platform.tenants WHERE id = ?")) {
            ps.setLong(1, tenantId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                schema = rs.getString(1);
            }
        }
        System.out.println("tenant " + tenantId + " (schema " + schema + "), policy " + policy);
        try (Connection c = server.db();
                Statement st = c.createStatement()) {
            StringBuilder sb = new StringBuilder("embedded PostgreSQL:");
            for (String q :
                    List.of(
                            "server_version",
                            "synchronous_commit",
                            "fsync",
                            "shared_buffers",
                            "max_connections")) {
                try (ResultSet rs = st.executeQuery("SHOW " + q)) {
                    rs.next();
                    sb.append(' ').append(q).append('=').append(rs.getString(1));
                }
            }
            System.out.println(sb);
        }
    }

    // ---------------------------------------------------------------- seeding

    /**
     * Seeds the leads and their arming messages, then the step-0 follow-ups and their jobs due at
     * T; returns T.
     */
    private Instant seed() throws SQLException {
        long newStage;
        try (Connection c = server.db();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT id FROM " + schema + ".stages WHERE role = 'NEW'")) {
            if (!rs.next()) {
                throw new IllegalStateException("no NEW stage in " + schema);
            }
            newStage = rs.getLong(1);
        }
        long t0 = System.nanoTime();
        try (Connection c = server.db();
                PreparedStatement ps =
                        c.prepareStatement(
                                "WITH l AS (INSERT INTO "
                                        + schema
                                        + ".leads (phone, stage_id, last_message_text, last_message_direction,"
                                        + " last_message_at, waiting_for_reply_since, greeted_at)"
                                        + " SELECT '+7701' || lpad(i::text, 7, '0'), ?, ?, 'OUT',"
                                        + " now() - interval '5 minutes', now() - interval '5 minutes',"
                                        + " now() - interval '5 minutes' FROM generate_series(?, ?) i RETURNING id)"
                                        + " INSERT INTO "
                                        + schema
                                        + ".messages (lead_id, direction, author, kind, text, status, sent_at, created_at)"
                                        + " SELECT id, 'OUT', 'AI', 'TEXT', ?, 'SENT', now() - interval '5 minutes',"
                                        + " now() - interval '5 minutes' FROM l")) {
            for (int from = 1; from <= followups; from += batch) {
                int to = Math.min(followups, from + batch - 1);
                ps.setLong(1, newStage);
                ps.setString(2, ARMING_TEXT);
                ps.setInt(3, from);
                ps.setInt(4, to);
                ps.setString(5, ARMING_TEXT);
                ps.executeUpdate();
            }
        }
        double leadsSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "seeded %d leads + %d arming messages in %.1f s (%d per transaction)%n",
                followups,
                followups,
                leadsSeconds,
                batch);

        long minId;
        long maxId;
        try (Connection c = server.db();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT min(id), max(id), count(*) FROM "
                                        + schema
                                        + ".messages WHERE direction = 'OUT'")) {
            rs.next();
            minId = rs.getLong(1);
            maxId = rs.getLong(2);
            if (rs.getLong(3) != followups) {
                throw new IllegalStateException(
                        "expected " + followups + " OUT messages, found " + rs.getLong(3));
            }
        }
        Instant t = Instant.now().plusSeconds(dueInSeconds).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime tAt = OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
        long t1 = System.nanoTime();
        try (Connection c = server.db();
                PreparedStatement ps =
                        c.prepareStatement(
                                "WITH f AS (INSERT INTO "
                                        + schema
                                        + ".followups (lead_id, armed_message_id, armed_at, step, due_at)"
                                        + " SELECT m.lead_id, m.id, m.created_at, 0, ? FROM "
                                        + schema
                                        + ".messages m WHERE m.id BETWEEN ? AND ? AND m.direction = 'OUT'"
                                        + " RETURNING id)"
                                        + " INSERT INTO platform.scheduled_tasks (task_name, task_instance, task_data,"
                                        + " execution_time, picked, version, priority)"
                                        // the priority JobQueue gives a follow-up (NULL would sort
                                        // before
                                        // every other job in db-scheduler's "priority DESC")
                                        + " SELECT 'followup', ? || ':' || f.id, NULL, ?, false, 1, "
                                        + FOLLOWUP_PRIORITY
                                        + " FROM f")) {
            for (long from = minId; from <= maxId; from += batch) {
                ps.setObject(1, tAt);
                ps.setLong(2, from);
                ps.setLong(3, Math.min(maxId, from + batch - 1));
                ps.setString(4, Long.toString(tenantId));
                ps.setObject(5, tAt);
                ps.executeUpdate();
            }
        }
        double followupsSeconds = (System.nanoTime() - t1) / 1e9;
        try (Connection c = server.db();
                Statement st = c.createStatement()) {
            // what autovacuum would do soon after such a load; the jobs' look-ups are by key anyway
            st.execute(
                    "ANALYZE "
                            + schema
                            + ".leads, "
                            + schema
                            + ".messages, "
                            + schema
                            + ".followups, platform.scheduled_tasks");
        }
        Instant committed = Instant.now();
        System.out.printf(
                Locale.ROOT,
                "seeded %d step-0 follow-ups + jobs due at T = %s in %.1f s; committed and analysed"
                        + " %.1f s before T%n",
                followups,
                t,
                followupsSeconds,
                Duration.between(committed, t).toMillis() / 1000.0);
        if (!committed.isBefore(t)) {
            throw new IllegalStateException(
                    "seeding was not committed before T: raise --due-in (was "
                            + dueInSeconds
                            + ")");
        }
        try (Connection c = server.db();
                PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT count(*) FROM platform.scheduled_tasks WHERE task_name = 'followup'"
                                        + " AND task_instance LIKE ? AND execution_time = ?")) {
            ps.setString(1, tenantId + ":%");
            ps.setObject(2, tAt);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != followups) {
                    throw new IllegalStateException(
                            "expected " + followups + " jobs due at T, found " + rs.getLong(1));
                }
            }
        }
        return t;
    }

    // ---------------------------------------------------------------- waiting

    private String waitUntil(Instant t) throws InterruptedException {
        long ms = Duration.between(Instant.now(), t).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
        String load = StartupBench.loadAverage();
        System.out.println("T reached; load average: " + load);
        return load;
    }

    /** Waits until no step-0 follow-up is PENDING; false on timeout. */
    private boolean waitForFollowUps(Instant t) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(timeoutMinutes).toNanos();
        long lastPrint = 0;
        try (Connection c = server.db()) {
            while (true) {
                long[] s =
                        longs(
                                c,
                                "SELECT count(*) FILTER (WHERE status = 'PENDING'), count(*) FILTER"
                                        + " (WHERE status = 'SENT'), (SELECT count(*) FROM platform.outbox"
                                        + " WHERE tenant_id = "
                                        + tenantId
                                        + " AND status = 'SENT') FROM "
                                        + schema
                                        + ".followups WHERE step = 0");
                if (System.nanoTime() - lastPrint > 10_000_000_000L || s[0] == 0) {
                    lastPrint = System.nanoTime();
                    System.out.printf(
                            Locale.ROOT,
                            "T+%5.0f s: step 0 pending %d, sent %d; outbox sent %d; load %s%n",
                            Duration.between(t, Instant.now()).toMillis() / 1000.0,
                            s[0],
                            s[1],
                            s[2],
                            StartupBench.loadAverage());
                }
                if (s[0] == 0) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    System.out.println(
                            "TIMEOUT: follow-ups still pending after " + timeoutMinutes + " min");
                    return false;
                }
                Thread.sleep(2000);
            }
        }
    }

    /** Waits until every outbox row of the tenant is out of PENDING/SENDING; false on timeout. */
    private boolean waitForOutbox(Instant t) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(timeoutMinutes).toNanos();
        long lastPrint = 0;
        try (Connection c = server.db()) {
            while (true) {
                long[] s =
                        longs(
                                c,
                                "SELECT count(*) FILTER (WHERE status IN ('PENDING', 'SENDING')),"
                                        + " count(*) FILTER (WHERE status = 'SENT') FROM platform.outbox"
                                        + " WHERE tenant_id = "
                                        + tenantId);
                if (System.nanoTime() - lastPrint > 10_000_000_000L || s[0] == 0) {
                    lastPrint = System.nanoTime();
                    System.out.printf(
                            Locale.ROOT,
                            "T+%5.0f s: outbox pending %d, sent %d; load %s%n",
                            Duration.between(t, Instant.now()).toMillis() / 1000.0,
                            s[0],
                            s[1],
                            StartupBench.loadAverage());
                }
                if (s[0] == 0) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    System.out.println(
                            "TIMEOUT: outbox rows still pending after " + timeoutMinutes + " min");
                    return false;
                }
                Thread.sleep(2000);
            }
        }
    }

    private Thread loadSampler() {
        Thread th =
                new Thread(
                        () -> {
                            try {
                                while (!Thread.currentThread().isInterrupted()) {
                                    String l = StartupBench.loadAverage();
                                    if (!l.equals("n/a")) {
                                        loadSamples.add(Double.parseDouble(l.split(" ")[0]));
                                    }
                                    Thread.sleep(5000);
                                }
                            } catch (InterruptedException done) {
                                // stop
                            }
                        },
                        "load-sampler");
        th.setDaemon(true);
        return th;
    }

    // ---------------------------------------------------------------- report

    private void report(
            Instant t,
            boolean dispatched,
            boolean drained,
            String loadStart,
            String loadAtT,
            String loadAfterDispatch,
            String loadAfterOutbox)
            throws SQLException {
        OffsetDateTime tAt = OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
        try (Connection c = server.db()) {
            Map<String, Long> step0 = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                    ResultSet rs =
                            st.executeQuery(
                                    "SELECT status, count(*) FROM "
                                            + schema
                                            + ".followups WHERE step = 0 GROUP BY status ORDER BY status")) {
                while (rs.next()) {
                    step0.put(rs.getString(1), rs.getLong(2));
                }
            }
            long[] next =
                    longs(
                            c,
                            "SELECT count(*) FILTER (WHERE status = 'PENDING'), count(*) FROM "
                                    + schema
                                    + ".followups WHERE step = 1");

            // lateness of each sent step-0 follow-up: its message's created_at − due_at (seconds)
            double[] lat;
            long sent;
            double lastSentAfterT;
            double firstSentAfterT;
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "SELECT count(*),"
                                    + " extract(epoch FROM max(m.created_at) - ?::timestamptz),"
                                    + " extract(epoch FROM min(m.created_at) - ?::timestamptz),"
                                    + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM m.created_at - f.due_at)),"
                                    + " percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM m.created_at - f.due_at)),"
                                    + " percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM m.created_at - f.due_at)),"
                                    + " max(extract(epoch FROM m.created_at - f.due_at)),"
                                    + " min(extract(epoch FROM m.created_at - f.due_at))"
                                    + " FROM "
                                    + schema
                                    + ".followups f JOIN "
                                    + schema
                                    + ".messages m ON m.id = f.message_id"
                                    + " WHERE f.step = 0 AND f.status = 'SENT'")) {
                ps.setObject(1, tAt);
                ps.setObject(2, tAt);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sent = rs.getLong(1);
                    lastSentAfterT = rs.getDouble(2);
                    firstSentAfterT = rs.getDouble(3);
                    lat =
                            new double[] {
                                rs.getDouble(4),
                                rs.getDouble(5),
                                rs.getDouble(6),
                                rs.getDouble(7),
                                rs.getDouble(8)
                            };
                }
            }
            double throughput = sent / lastSentAfterT;

            // the outbox: every row of the tenant, when it was handed to the (sandbox) gateway
            Map<String, Long> outbox = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                    ResultSet rs =
                            st.executeQuery(
                                    "SELECT status, count(*) FROM platform.outbox WHERE tenant_id = "
                                            + tenantId
                                            + " GROUP BY status ORDER BY status")) {
                while (rs.next()) {
                    outbox.put(rs.getString(1), rs.getLong(2));
                }
            }
            long outboxSent;
            double outboxLastAfterT;
            double outboxFirstAfterT;
            double[] outLat;
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "SELECT count(*),"
                                    + " extract(epoch FROM max(o.sent_at) - ?::timestamptz),"
                                    + " extract(epoch FROM min(o.sent_at) - ?::timestamptz),"
                                    + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.sent_at - ?::timestamptz)),"
                                    + " percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM o.sent_at - ?::timestamptz)),"
                                    + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.sent_at - o.created_at)),"
                                    + " percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM o.sent_at - o.created_at))"
                                    + " FROM platform.outbox o WHERE o.tenant_id = ? AND o.status = 'SENT'")) {
                ps.setObject(1, tAt);
                ps.setObject(2, tAt);
                ps.setObject(3, tAt);
                ps.setObject(4, tAt);
                ps.setLong(5, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    outboxSent = rs.getLong(1);
                    outboxLastAfterT = rs.getDouble(2);
                    outboxFirstAfterT = rs.getDouble(3);
                    outLat =
                            new double[] {
                                rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7)
                            };
                }
            }
            double outboxRate = outboxSent / outboxLastAfterT;

            // duplicates and misses
            long dupFollowUps =
                    longs(
                            c,
                            "SELECT count(*) FROM (SELECT lead_id FROM "
                                    + schema
                                    + ".followups WHERE status = 'SENT' GROUP BY lead_id HAVING count(*) > 1) d")[
                            0];
            long dupMessages;
            long leadsWithoutA;
            try (PreparedStatement ps =
                    c.prepareStatement(
                            "SELECT (SELECT count(*) FROM (SELECT lead_id FROM "
                                    + schema
                                    + ".messages WHERE text = ? GROUP BY lead_id HAVING count(*) > 1) d),"
                                    + " (SELECT count(*) FROM "
                                    + schema
                                    + ".leads l WHERE NOT EXISTS (SELECT 1 FROM "
                                    + schema
                                    + ".messages m WHERE m.lead_id = l.id AND m.text = ?))")) {
                ps.setString(1, TEXT_A);
                ps.setString(2, TEXT_A);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    dupMessages = rs.getLong(1);
                    leadsWithoutA = rs.getLong(2);
                }
            }
            long dupOutbox =
                    longs(
                            c,
                            "SELECT count(*) FROM (SELECT lead_id FROM platform.outbox WHERE tenant_id = "
                                    + tenantId
                                    + " GROUP BY lead_id HAVING count(*) > 1) d")[0];

            List<Double> loads = new ArrayList<>(loadSamples);
            Collections.sort(loads);
            String loadRange =
                    loads.isEmpty()
                            ? "n/a"
                            : String.format(
                                    Locale.ROOT,
                                    "min %.2f / median %.2f / max %.2f (n = %d, every 5 s)",
                                    loads.get(0),
                                    loads.get(loads.size() / 2),
                                    loads.get(loads.size() - 1),
                                    loads.size());

            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "RESULT followups=%d complete=%s step0=%s step1_pending=%d/%d sent=%d"
                            + " first_sent_after_T=%.2f s last_sent_after_T=%.2f s throughput=%.1f/s"
                            + " lateness_p50=%.2f s p95=%.2f s p99=%.2f s max=%.2f s min=%.2f s%n",
                    followups,
                    dispatched ? "yes" : "INCOMPLETE",
                    step0,
                    next[0],
                    next[1],
                    sent,
                    firstSentAfterT,
                    lastSentAfterT,
                    throughput,
                    lat[0],
                    lat[1],
                    lat[2],
                    lat[3],
                    lat[4]);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT outbox=%s complete=%s sent=%d first_sent_after_T=%.2f s"
                            + " drained_after_T=%.2f s rate=%.1f/s sent_after_T_p50=%.2f s p95=%.2f s"
                            + " queued_p50=%.2f s p95=%.2f s%n",
                    outbox,
                    drained ? "yes" : "INCOMPLETE",
                    outboxSent,
                    outboxFirstAfterT,
                    outboxLastAfterT,
                    outboxRate,
                    outLat[0],
                    outLat[1],
                    outLat[2],
                    outLat[3]);
            System.out.printf(
                    "DUPLICATES leads with >1 SENT follow-up: %d; leads with >1 message of text A: %d;"
                            + " leads with >1 outbox row: %d; leads without text A: %d%n",
                    dupFollowUps, dupMessages, dupOutbox, leadsWithoutA);
            System.out.printf(
                    "LOAD start %s; at T %s; after dispatch %s; after outbox %s; during: %s%n",
                    loadStart, loadAtT, loadAfterDispatch, loadAfterOutbox, loadRange);
            System.out.println();
            System.out.println(
                    "| follow-ups due at T | sent | dispatch throughput | lateness p50 | p95 | p99 |"
                            + " max | last sent after T | outbox drained after T | outbox rate |"
                            + " duplicates (follow-ups / text A) | load 1 min at T → after |");
            System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %d%s | **%.1f /s** | %.1f s | **%.1f s** | %.1f s | %.1f s | %.1f s |"
                            + " %s | %s | %d / %d | %s → %s |%n",
                    followups,
                    sent,
                    dispatched ? "" : " (INCOMPLETE)",
                    throughput,
                    lat[0],
                    lat[1],
                    lat[2],
                    lat[3],
                    lastSentAfterT,
                    drained ? String.format(Locale.ROOT, "%.1f s", outboxLastAfterT) : "INCOMPLETE",
                    String.format(Locale.ROOT, "%.1f /s", outboxRate),
                    dupFollowUps,
                    dupMessages,
                    loadAtT.split(" ")[0],
                    loadAfterOutbox.split(" ")[0]);
        }
    }

    private static long[] longs(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            int n = rs.getMetaData().getColumnCount();
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = rs.getLong(i + 1);
            }
            return out;
        }
    }
}
