package com.buildcrm.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CRM's read paths at scale (issue 17, goal 3): one company with {@code --leads} leads (100k by
 * default; each with a name, a city, a phone, a last message and one stored message, spread over
 * the stages), seeded with SQL into the real tenant schema of the real uber jar, then
 *
 * <ul>
 *   <li>{@code GET /api/crm/board} at 1 and 8 clients,
 *   <li>{@code GET /api/crm/leads} (first page, total),
 *   <li>{@code GET /api/crm/leads?q=} by a name fragment, by phone digits and by a word of the last
 *       message,
 *   <li>{@code GET /api/crm/board?q=} by the same name fragment and word (a searched board),
 *   <li>with {@code --older-messages}: two thirds of the leads get an older message their search
 *       text does not hold, and the list is searched by a word only those hold and by one that both
 *       hold (the case that made an {@code OR} with the messages' matches quadratic, ADR 046),
 *   <li>with {@code --history N}: every lead also gets N older messages (the AI and the client
 *       taking turns) and N/2 older lead events before its last message, as a conversation in
 *       progress has: the board's and the list's next actions read the newest of each (ADR 052),
 *   <li>{@code GET /api/ping} as the framework's own reference in the same run, and {@code GET
 *       /api/crm/me}, a signed-in request with no data work (the request stack's share).
 * </ul>
 *
 * Before measuring, the bench waits until PostgreSQL's autovacuum has processed the seeded {@code
 * leads} and {@code messages} (as it does on its own within about a minute of a bulk insert:
 * autovacuum's insert threshold). A table of 100k leads in service has been vacuumed; one filled a
 * second earlier has no visibility map, so every count reads the table's pages instead of the index
 * alone (stop 33 measured the board's per-stage counts at 6 ms against 2.2 ms). {@code
 * --no-vacuum-wait} measures the fresh table as stops up to 32 did.
 *
 * <p>Prints p50/p95/p99 and requests per second per path.
 *
 * <pre>
 * ./mvnw -q -o -pl bench exec:java -Dexec.mainClass=com.buildcrm.bench.LeadsAtScaleBench \
 *     -Dexec.args="--jar platform/server/target/buildcrm.jar --leads 100000 --seconds 15"
 * </pre>
 */
public final class LeadsAtScaleBench {

    private static final String OWNER_PASSWORD = "owner-bench-1";
    private static final String[] NAMES = {
        "Ержан", "Айгерим", "Марат", "Сергей", "Наталья", "Нурсултан", "Жанар", "Ольга", "Асель",
        "Дмитрий", "Алия", "Бауыржан", "Елена", "Тимур", "Гульнара", "Руслан", "Динара", "Андрей"
    };
    private static final String[] SURNAMES = {
        "Ахметов",
        "Смагулова",
        "Иванов",
        "Касымова",
        "Ким",
        "Петрова",
        "Сейткали",
        "Жумабаев",
        "Оспанова",
        "Ли",
        "Каримов",
        "Нуртаза"
    };
    private static final String[] CITIES = {
        "Алматы", "Астана", "Шымкент", "Караганда", "Актобе", "Тараз", "Павлодар", "Костанай"
    };
    private static final String[] TEXTS = {
        "Здравствуйте, сколько стоит дом 8 на 10?",
        "Интересует доставка в область",
        "Фундамент уже готов, когда сможете приехать?",
        "Перезвоните после обеда",
        "Какая гарантия на панели?",
        "Скиньте прайс, пожалуйста",
        "Рассрочка есть?",
        "Спасибо, подумаю"
    };

    private final Path jar;
    private final int leads;
    private final int seconds;
    private final List<String> jvmArgs = new ArrayList<>(List.of("-Xmx1g"));
    private final List<String> only = new ArrayList<>();
    private BenchServer server;
    private CpuMeter cpu;
    private final List<String> cpuRows = new ArrayList<>();
    private String token;
    private boolean olderMessages;
    private boolean vacuumWait;
    private int history;
    private int warmupSeconds;

    private LeadsAtScaleBench(Path jar, int leads, int seconds) {
        this.jar = jar;
        this.leads = leads;
        this.seconds = seconds;
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of("platform/server/target/buildcrm.jar");
        int leads = 100_000;
        int seconds = 15;
        boolean keep = false;
        boolean older = false;
        boolean vacuumWait = true;
        int history = 0;
        int warmupSeconds = 0;
        List<String> jvm = new ArrayList<>();
        List<String> only = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[++i]);
                case "--leads" -> leads = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--keep" -> keep = true;
                case "--no-vacuum-wait" -> vacuumWait = false;
                case "--history" -> history = Integer.parseInt(args[++i]);
                // seconds of warm-up per path (default a third of --seconds, at least 3): the JIT
                // was still compiling in the measured window with the default (stop 34)
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(args[++i]);
                // a history: older messages that the leads' search text does not hold (ADR 046)
                case "--older-messages" -> older = true;
                // an extra server JVM option, e.g. a JFR recording; repeatable
                case "--jvm" -> jvm.add(args[++i]);
                // only these paths (comma-separated names: board,list,…); ping always runs
                case "--paths" -> only.addAll(List.of(args[++i].split(",")));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        LeadsAtScaleBench bench = new LeadsAtScaleBench(jar, leads, seconds);
        bench.jvmArgs.addAll(jvm);
        bench.only.addAll(only);
        bench.olderMessages = older;
        bench.vacuumWait = vacuumWait;
        bench.history = history;
        bench.warmupSeconds = warmupSeconds;
        bench.run(keep);
    }

    private void run(boolean keep) throws Exception {
        System.out.printf(
                "LeadsAtScaleBench: %d leads, %d s per level, %d cores, load %s%n",
                leads,
                seconds,
                Runtime.getRuntime().availableProcessors(),
                StartupBench.loadAverage());
        server = BenchServer.start(jar, "buildcrm-leads-", jvmArgs.toArray(String[]::new));
        cpu = new CpuMeter(server);
        try {
            String schema = setUp();
            long t0 = System.nanoTime();
            seed(schema);
            System.out.printf("seeded %d leads in %.1f s%n", leads, (System.nanoTime() - t0) / 1e9);
            if (vacuumWait) {
                awaitAutovacuum(schema);
            }
            Map<String, String> paths = new LinkedHashMap<>();
            paths.put("ping", "/api/ping");
            // a signed-in request with no data work: the request stack's own share of the others
            paths.put("me", "/api/crm/me");
            paths.put("board", "/api/crm/board");
            paths.put("list", "/api/crm/leads?limit=50");
            paths.put("search name", "/api/crm/leads?limit=50&q=" + enc("Сейткали"));
            paths.put("search phone", "/api/crm/leads?limit=50&q=" + enc("707 12"));
            paths.put("search text", "/api/crm/leads?limit=50&q=" + enc("гарантия"));
            paths.put("search none", "/api/crm/leads?limit=50&q=" + enc("Вольфрам"));
            paths.put("board search name", "/api/crm/board?q=" + enc("Сейткали"));
            paths.put("board search text", "/api/crm/board?q=" + enc("гарантия"));
            if (olderMessages) {
                // a word only older messages hold (a third of the leads), and one that the last
                // message of an eighth holds too, in older messages of another third
                paths.put("search older", "/api/crm/leads?limit=50&q=" + enc("кредит"));
                paths.put("search mixed", "/api/crm/leads?limit=50&q=" + enc("доставк"));
            }
            if (!only.isEmpty()) {
                paths.keySet()
                        .removeIf(
                                name ->
                                        !name.equals("ping")
                                                && !only.contains(name.replace(' ', '_'))
                                                && !only.contains(name));
            }
            for (Map.Entry<String, String> p : paths.entrySet()) {
                // warm-up: the JIT, the caches, the plans
                ClosedLoop.measure(
                        server,
                        token,
                        p.getValue(),
                        2,
                        warmupSeconds > 0 ? warmupSeconds : Math.max(3, seconds / 3),
                        false);
                for (int clients : new int[] {1, 8}) {
                    CpuMeter.Sample before = cpu.sample();
                    ClosedLoop.Result r =
                            ClosedLoop.measure(server, token, p.getValue(), clients, seconds, true);
                    if (clients == 8) {
                        cpuRows.add(
                                "| "
                                        + p.getKey()
                                        + " | "
                                        + String.format("%.0f", r.rps())
                                        + " | "
                                        + cpu.sample().since(before).row(r.count())
                                        + " |");
                    }
                    System.out.printf(
                            "RESULT path=%-12s clients=%d requests=%d rps=%.0f p50_ms=%.1f p95_ms=%.1f"
                                    + " p99_ms=%.1f errors=%d%n",
                            p.getKey().replace(' ', '_'),
                            clients,
                            r.count(),
                            r.rps(),
                            r.p50(),
                            r.p95(),
                            r.p99(),
                            r.errors());
                }
            }
            System.out.println();
            System.out.println(
                    "Where the CPU went at 8 clients (/proc; "
                            + Runtime.getRuntime().availableProcessors()
                            + " cores; the most requests per second the server and database could"
                            + " serve = cores / CPU per request):");
            System.out.println("| path | req/s | " + CpuMeter.Use.header("request") + " |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            cpuRows.forEach(System.out::println);
            System.out.println(server.logSummary());
        } finally {
            server.stop();
            System.out.println("load average at end: " + StartupBench.loadAverage());
            if (!keep) {
                server.deleteDir();
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String setUp() throws Exception {
        String op = server.operatorLogin();
        server.post(
                "/api/admin/tenants",
                op,
                "{\"slug\":\"scale\",\"name\":\"Scale bench\",\"pack\":\"panel-houses\","
                        + "\"owner\":{\"name\":\"Owner\",\"email\":\"owner@scale.kz\",\"password\":\""
                        + OWNER_PASSWORD
                        + "\"}}",
                201);
        token =
                BenchServer.field(
                        server.post(
                                "/api/crm/auth/login",
                                null,
                                "{\"tenant\":\"scale\",\"email\":\"owner@scale.kz\",\"password\":\""
                                        + OWNER_PASSWORD
                                        + "\"}",
                                200),
                        "accessToken");
        try (Connection c = server.db();
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT schema_name FROM platform.tenants WHERE slug = 'scale'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Leads spread over the stages (more in the early ones), each with one inbound message. */
    private void seed(String schema) throws Exception {
        String names = sqlArray(NAMES);
        String surnames = sqlArray(SURNAMES);
        String cities = sqlArray(CITIES);
        String texts = sqlArray(TEXTS);
        try (Connection c = server.db();
                Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + schema);
            st.execute(
                    "CREATE TEMP TABLE s AS SELECT id, row_number() OVER (ORDER BY position) - 1 AS k,"
                            + " count(*) OVER () AS n FROM stages");
            st.execute(
                    "INSERT INTO leads (phone, name, city, stage_id, temperature, score, fields,"
                            + " last_message_text, last_message_direction, last_message_at, created_at,"
                            + " source_channel, chat_id)"
                            + " SELECT '+7707' || lpad(g::text, 7, '0'),"
                            + " ("
                            + names
                            + ")[1 + g % 18] || ' ' || ("
                            + surnames
                            + ")[1 + (g / 18) % 12],"
                            + " ("
                            + cities
                            + ")[1 + (g / 7) % 8],"
                            + " (SELECT id FROM s WHERE k = floor(power(((g::bigint * 7919) % 1000) / 1000.0, 2) * n)::int),"
                            + " (ARRAY['HOT','WARM','COLD'])[1 + g % 3], g % 101, '{}'::jsonb,"
                            + " ("
                            + texts
                            + ")[1 + g % 8], 'IN',"
                            + " now() - (g % 43200) * interval '1 minute',"
                            + " now() - (g % 43200) * interval '1 minute' - interval '1 hour',"
                            + " 'chatflow', '7707' || lpad(g::text, 7, '0') || '@c.us'"
                            + " FROM generate_series(1, "
                            + leads
                            + ") g");
            st.execute(
                    "INSERT INTO messages (lead_id, direction, author, kind, text, status, created_at)"
                            + " SELECT id, 'IN', 'CLIENT', 'text', last_message_text, 'RECEIVED',"
                            + " last_message_at FROM leads");
            if (olderMessages) {
                st.execute(
                        "INSERT INTO messages (lead_id, direction, author, kind, text, status, created_at)"
                                + " SELECT id, 'IN', 'CLIENT', 'text', CASE WHEN id % 3 = 0"
                                + " THEN 'Старый вопрос: а кредит дают?' ELSE 'А доставка сколько?' END,"
                                + " 'RECEIVED', created_at FROM leads WHERE id % 3 <> 2");
            }
            if (history > 0) {
                // older turns, a minute apart, ending a minute before the lead's last message
                st.execute(
                        "INSERT INTO messages (lead_id, direction, author, kind, text, status, created_at)"
                                + " SELECT id, CASE WHEN h % 2 = 0 THEN 'IN' ELSE 'OUT' END,"
                                + " CASE WHEN h % 2 = 0 THEN 'CLIENT' ELSE 'AI' END, 'text', 'ок',"
                                + " CASE WHEN h % 2 = 0 THEN 'RECEIVED' ELSE 'SENT' END,"
                                + " last_message_at - h * interval '1 minute'"
                                + " FROM leads, generate_series(1, "
                                + history
                                + ") h");
                st.execute(
                        "INSERT INTO lead_events (lead_id, type, actor, created_at)"
                                + " SELECT id, 'field.updated', 'AI',"
                                + " last_message_at - h * interval '2 minutes'"
                                + " FROM leads, generate_series(1, "
                                + Math.max(1, history / 2)
                                + ") h");
                st.execute("ANALYZE lead_events");
            }
            st.execute("ANALYZE leads");
            st.execute("ANALYZE messages");
        }
    }

    /**
     * Waits (up to 5 minutes) until autovacuum has processed the seeded tables; prints how long it
     * took, or fails: the bench never vacuums by hand, so a figure is always the server's own
     * configuration at work.
     */
    private void awaitAutovacuum(String schema) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + 300_000_000_000L;
        try (Connection c = server.db();
                Statement st = c.createStatement()) {
            while (true) {
                try (ResultSet rs =
                        st.executeQuery(
                                "SELECT count(*) FROM pg_stat_user_tables WHERE schemaname = '"
                                        + schema
                                        + "' AND relname IN ('leads', 'messages'"
                                        + (history > 0 ? ", 'lead_events'" : "")
                                        + ") AND autovacuum_count > 0")) {
                    rs.next();
                    if (rs.getInt(1) == (history > 0 ? 3 : 2)) {
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "autovacuum did not process the seeded tables within 5 minutes");
                }
                Thread.sleep(1000);
            }
        }
        System.out.printf(
                "autovacuum processed the seeded tables %.0f s after seeding%n",
                (System.nanoTime() - t0) / 1e9);
    }

    private static String sqlArray(String[] values) {
        StringBuilder sb = new StringBuilder("ARRAY[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ",")
                    .append('\'')
                    .append(values[i].replace("'", "''"))
                    .append('\'');
        }
        return sb.append("]::text[]").toString();
    }
}
