package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.buildcrm.it.SseClient.Event;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The product scaled out on real parts (ADR 028): Debian's nginx with {@code deploy/nginx.conf} in
 * front of two instances of the uber jar, which reach one PostgreSQL through Debian's PgBouncer in
 * transaction pooling (LISTEN and migrations on the direct URL), and keep media in an S3-compatible
 * store (S3Mock, a local process). Through the proxy: a ChatFlow webhook, the AI's reply at the
 * fake gateway, a CRM login, a live event caused on either instance seen by one stream; a file
 * uploaded on one instance is served by the other. Then one instance is SIGKILLed in the middle of
 * a burst of webhooks sent by a client that retries until acknowledged: every webhook is stored
 * once, and no reply reaches the gateway twice. Besides, a start whose S3 endpoint is unreachable
 * ends with one line and a non-zero exit.
 */
class ScaleOutIT {

    private static final String BUCKET = "buildcrm-media";
    private static final int BURST = 48;
    private static final int BURST_PHONES = 12;

    @Test
    void twoInstancesBehindNginxAndPgBouncerWithMediaOnS3() throws Exception {
        Instant started = Instant.now();
        Path work = Files.createTempDirectory("buildcrm-scale-");
        String template;
        try (InputStream in =
                ScaleOutIT.class.getResourceAsStream("/fixtures/chatflow/inbound-text.json")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                S3Mock s3 = S3Mock.start(work.resolve("s3"));
                PgBouncer bouncer = PgBouncer.start(work.resolve("pgbouncer"), pg.getPort());
                FakeChatFlow chatflow = new FakeChatFlow()) {
            int proxyPort = freePort();
            String proxy = "http://127.0.0.1:" + proxyPort;
            String direct = pg.getJdbcUrl("postgres", "postgres");
            Map<String, String> env = new HashMap<>(sharedSecrets());
            env.put("BUILDCRM_DB_URL", bouncer.jdbcUrl());
            env.put("BUILDCRM_DB_DIRECT_URL", direct);
            env.put("BUILDCRM_DB_USER", "postgres");
            env.put("BUILDCRM_DB_PASSWORD", "");
            env.put("BUILDCRM_DB_POOL_SIZE", "8");
            env.put("BUILDCRM_PUBLIC_URL", proxy);
            env.put("BUILDCRM_TRUSTED_PROXIES", "127.0.0.1");
            env.putAll(s3.env());

            CompletableFuture<ServerProcess> startA =
                    CompletableFuture.supplyAsync(() -> ServerProcess.startFresh(env));
            CompletableFuture<ServerProcess> startB =
                    CompletableFuture.supplyAsync(() -> ServerProcess.startFresh(env));
            try (ServerProcess a = startA.join();
                    ServerProcess b = startB.join();
                    Nginx nginx = Nginx.start(work.resolve("nginx"), proxyPort, a, b)) {
                System.out.printf(
                        "ScaleOutIT: PostgreSQL, PgBouncer, S3Mock, two instances and nginx up in %d s%n",
                        Duration.between(started, Instant.now()).toSeconds());
                // a start whose S3 endpoint does not answer, meanwhile (after the
                // instances' start, so that three never boot at once): one line, non-zero exit
                Path badOutput = work.resolve("bad-s3.log");
                Map<String, String> badEnv = new HashMap<>(env);
                badEnv.put("BUILDCRM_DB_URL", direct);
                badEnv.put("BUILDCRM_S3_ENDPOINT", "http://127.0.0.1:" + freePort());
                badEnv.put("BUILDCRM_PORT", Integer.toString(freePort()));
                Path badDir = Files.createDirectories(work.resolve("bad"));
                Process bad =
                        ServerProcess.launchRaw(
                                badDir,
                                badEnv,
                                badOutput,
                                "--rootdir",
                                badDir.resolve("payara").toString());

                Api api = new Api(proxy);
                String operator =
                        api.operatorLogin(
                                ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
                long tenantId =
                        api.createTenant(operator, "scale", "ru", "owner@scale.kz", "owner-pass-1")
                                .getJsonNumber("id")
                                .longValue();
                Api.Reply ai =
                        api.method(
                                "PUT",
                                "/api/admin/tenants/" + tenantId + "/ai",
                                operator,
                                "{\"enabled\":true,\"brain\":\"rules\",\"debounceMs\":1500}");
                assertThat(ai.status()).as(ai.toString()).isEqualTo(200);
                JsonObject channel =
                        api.setChatFlowChannel(
                                        operator,
                                        tenantId,
                                        chatflow.baseUrl(),
                                        "scale-token",
                                        "U0NBTEU=")
                                .json();
                String webhookPath = Api.webhookPath(channel);
                // the CRM login through the proxy
                String owner = api.userLogin("scale", "owner@scale.kz", "owner-pass-1");
                // the company's own greeting: a text, then a picture uploaded through the first
                // instance (the pack's default album would depend on the pack answering within its
                // time budget, which a loaded machine does not guarantee)
                Api.Reply picture =
                        a.api()
                                .upload(
                                        "/api/crm/media",
                                        owner,
                                        "house.png",
                                        "image/png",
                                        Base64.getDecoder().decode(PNG));
                assertThat(picture.status()).as(picture.toString()).isEqualTo(201);
                Api.Reply chain =
                        api.method(
                                "PUT",
                                "/api/admin/tenants/" + tenantId + "/greeting",
                                operator,
                                "{\"steps\":[{\"kind\":\"text\",\"text\":\"Здравствуйте! Спасибо,"
                                        + " что написали.\"},{\"kind\":\"album\",\"mediaIds\":[\""
                                        + picture.json().getString("id")
                                        + "\"],\"captions\":[\"Наш дом\"]}]}");
                assertThat(chain.status()).as(chain.toString()).isEqualTo(200);

                // a live stream through the proxy sees events caused on either instance: one of
                // them necessarily on the instance that does not serve the stream
                String greeting;
                try (SseClient stream = SseClient.withHeader(proxy, owner, null)) {
                    assertThat(
                                    post(
                                            a.baseUrl() + webhookPath,
                                            body(template, "flow-a", phone(900))))
                            .isEqualTo(200);
                    assertThat(
                                    post(
                                            b.baseUrl() + webhookPath,
                                            body(template, "flow-b", phone(901))))
                            .isEqualTo(200);
                    Duration wait = Duration.ofSeconds(60);
                    Set<Long> leads = new HashSet<>();
                    await().atMost(wait)
                            .until(
                                    () -> {
                                        stream.events().stream()
                                                .filter(e -> e.name().equals("lead.created"))
                                                .map(Event::leadId)
                                                .forEach(leads::add);
                                        return leads.size() == 2;
                                    });
                    // the AI's reply reaches the gateway, the greeting chain's first text first:
                    // its album's pictures are paced after it, and a picture's send waits while
                    // the text is due or being sent on either instance (the outbox keeps a chat's
                    // order; before it did, a text job that started late let a picture through
                    // first)
                    FakeChatFlow.Call first =
                            await().atMost(Duration.ofSeconds(90))
                                    .until(
                                            () -> callsTo(chatflow, phone(900)),
                                            calls -> !calls.isEmpty())
                                    .get(0);
                    assertThat(first.operation()).as(first.toString()).isEqualTo("send-text");
                    greeting = first.params().get("msg");
                    assertThat(greeting).isNotBlank();
                }

                mediaStoredByOneInstanceIsServedByTheOther(a, b, owner, chatflow);

                burstWithAKill(a, webhookPath, template, proxy, chatflow, pg, tenantId, greeting);
                unreachableS3EndsTheStart(bad, badOutput);
            }
        }
        System.out.printf(
                "ScaleOutIT: done in %d s%n", Duration.between(started, Instant.now()).toSeconds());
    }

    private static void unreachableS3EndsTheStart(Process bad, Path output) throws Exception {
        try {
            assertThat(bad.waitFor(240, TimeUnit.SECONDS))
                    .as("the process ends instead of hanging\n" + tail(output))
                    .isTrue();
            assertThat(bad.exitValue()).isNotZero();
            assertThat(Files.readAllLines(output))
                    .anySatisfy(
                            line ->
                                    assertThat(line)
                                            .startsWith("BuildCRM failed to start:")
                                            .contains("media storage s3://" + BUCKET)
                                            .contains("not reachable"));
        } finally {
            bad.destroyForcibly();
        }
    }

    /**
     * An upload through one instance is in S3, so the other serves it at its signed URL; and the
     * greeting album's pictures the AI sent (stored by whichever instance ran the turn) are served
     * through the proxy.
     */
    private static void mediaStoredByOneInstanceIsServedByTheOther(
            ServerProcess a, ServerProcess b, String owner, FakeChatFlow chatflow)
            throws Exception {
        byte[] png = Base64.getDecoder().decode(PNG);
        Api.Reply uploaded = a.api().upload("/api/crm/media", owner, "house.png", "image/png", png);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        URI signed = URI.create(uploaded.json().getString("url"));
        HttpResponse<byte[]> there =
                HTTP.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                b.baseUrl()
                                                        + signed.getRawPath()
                                                        + "?"
                                                        + signed.getRawQuery()))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(there.statusCode()).isEqualTo(200);
        assertThat(there.body()).isEqualTo(png);
        assertThat(there.headers().firstValue("Content-Type")).hasValue("image/png");
        HttpResponse<byte[]> tampered =
                HTTP.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                b.baseUrl()
                                                        + signed.getRawPath()
                                                        + "?"
                                                        + signed.getRawQuery()
                                                                .replaceAll(
                                                                        "sig=[^&]*", "sig=AAAA")))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(tampered.statusCode()).isEqualTo(404);

        FakeChatFlow.Call image =
                await().atMost(Duration.ofSeconds(60))
                        .until(
                                () ->
                                        chatflow.calls().stream()
                                                .filter(c -> c.operation().equals("send-image"))
                                                .findFirst(),
                                java.util.Optional::isPresent)
                        .orElseThrow();
        HttpResponse<byte[]> album =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(image.params().get("imageurl"))).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(album.statusCode()).isEqualTo(200);
        assertThat(album.body()).isNotEmpty();
    }

    /**
     * A burst of webhooks through the proxy from a client that retries until acknowledged; the
     * first instance is SIGKILLed midway. nginx moves new requests to the survivor; the inbox
     * stores each provider message id once; the outbox sends each reply at most once (a send the
     * dead instance had claimed stays SENDING, then UNKNOWN — never re-sent) and every SENT one
     * exactly once.
     */
    private static void burstWithAKill(
            ServerProcess a,
            String webhookPath,
            String template,
            String proxy,
            FakeChatFlow chatflow,
            EmbeddedPostgres pg,
            long tenantId,
            String greeting)
            throws Exception {
        AtomicInteger acked = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String json = body(template, "burst-" + i, phone(i % BURST_PHONES));
            sends.add(
                    clients.submit(
                            () -> {
                                while (post(proxy + webhookPath, json) != 200) {
                                    TimeUnit.MILLISECONDS.sleep(100); // the provider's retry pause
                                }
                                acked.incrementAndGet();
                                return null;
                            }));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> acked.get() >= BURST / 3);
        a.kill();
        for (Future<?> f : sends) {
            f.get(3, TimeUnit.MINUTES);
        }
        clients.shutdown();
        Instant killed = Instant.now();

        String schema = "t_" + tenantId;
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            // an acknowledged webhook is stored in the inbox; it becomes a message when processed
            // (the dead instance's claimed inbox jobs return after the dead-execution check)
            Map<String, Integer> inbound =
                    await().atMost(Duration.ofMinutes(3))
                            .until(
                                    () ->
                                            counts(
                                                    c,
                                                    "SELECT text, count(*) FROM "
                                                            + schema
                                                            + ".messages WHERE direction = 'IN'"
                                                            + " AND text LIKE 'text burst-%'"
                                                            + " GROUP BY text"),
                                    m -> m.size() >= BURST);
            assertThat(inbound).hasSize(BURST);
            assertThat(inbound.values()).allMatch(n -> n == 1);

            // every burst lead gets its greeting; a turn the dead instance had picked returns after
            // db-scheduler's dead-execution check (about a minute). A send the dead instance had
            // claimed is never repeated (at most once, ADR 006): its chat may miss that message.
            await().atMost(Duration.ofMinutes(3))
                    .until(
                            () -> {
                                Set<String> inDoubt = inDoubtRecipients(c);
                                for (int p = 0; p < BURST_PHONES; p++) {
                                    String jid = phone(p);
                                    if (!inDoubt.contains(jid)
                                            && callsTo(chatflow, jid).stream()
                                                    .noneMatch(
                                                            x ->
                                                                    greeting.equals(
                                                                            x.params()
                                                                                    .get("msg")))) {
                                        return false;
                                    }
                                }
                                return true;
                            });
            // the burst has settled when nothing of it is left to run: no message waits to be
            // sent, and no inbox, turn or send job is queued or held (the dead instance's return
            // after the dead-execution check). A greeting goes out on arrival and a busy company's
            // turns run after every greeting (ADR 054), so an empty outbox alone can come before
            // the turns' answers are written and sent.
            await().atMost(Duration.ofMinutes(3))
                    .until(
                            () ->
                                    scalar(
                                                    c,
                                                    "SELECT (SELECT count(*) FROM platform.outbox WHERE status = 'PENDING')"
                                                            + " + (SELECT count(*) FROM platform.scheduled_tasks WHERE task_name"
                                                            + " IN ('process-inbox', 'ai-turn', 'send-outbox'))")
                                            == 0);
            System.out.printf(
                    "ScaleOutIT: the burst settled %d s after the kill%n",
                    Duration.between(killed, Instant.now()).toSeconds());

            Set<String> inDoubt = inDoubtRecipients(c);
            for (int p = 0; p < BURST_PHONES; p++) {
                String jid = phone(p);
                long greetings =
                        callsTo(chatflow, jid).stream()
                                .filter(x -> greeting.equals(x.params().get("msg")))
                                .count();
                assertThat(greetings)
                        .as("greetings sent to " + jid)
                        .isBetween(inDoubt.contains(jid) ? 0L : 1L, 1L);
                if (!inDoubt.contains(jid)) {
                    // in the order written, whichever instance sent each message
                    assertThat(callsTo(chatflow, jid).get(0).params().get("msg"))
                            .as("the first message to " + jid)
                            .isEqualTo(greeting);
                }
            }
            List<String> sentIds = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs =
                            st.executeQuery(
                                    "SELECT provider_message_id FROM platform.outbox WHERE status = 'SENT'")) {
                while (rs.next()) {
                    sentIds.add(rs.getString(1));
                }
            }
            Set<String> callIds =
                    chatflow.calls().stream()
                            .map(FakeChatFlow.Call::id)
                            .collect(Collectors.toSet());
            // ChatFlow's send answer may carry no message id (the outbox row then has none): the
            // ids
            // there are must be unique and the gateway's; the counts below cover the rest
            List<String> knownIds = sentIds.stream().filter(Objects::nonNull).toList();
            assertThat(knownIds).doesNotHaveDuplicates();
            assertThat(callIds).containsAll(knownIds);
            long stuck =
                    scalar(
                            c,
                            "SELECT count(*) FROM platform.outbox WHERE status IN ('SENDING', 'UNKNOWN')");
            // a call the gateway received but no SENT row names can only be the dead instance's
            // claimed send, whose row stays SENDING: never one sent twice
            assertThat(callIds.size() - sentIds.size()).isBetween(0, (int) stuck);
        }
    }

    /** The digits of the recipients of sends claimed but not finished (the dead instance's). */
    private static Set<String> inDoubtRecipients(Connection c) throws Exception {
        Set<String> recipients = new HashSet<>();
        try (Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT recipient FROM platform.outbox"
                                        + " WHERE status IN ('SENDING', 'UNKNOWN')")) {
            while (rs.next()) {
                recipients.add(rs.getString(1).replaceAll("\\D", ""));
            }
        }
        return recipients;
    }

    private static long scalar(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, Integer> counts(Connection c, String sql) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }

    private static List<FakeChatFlow.Call> callsTo(FakeChatFlow chatflow, String phone) {
        String jid = phone + "@s.whatsapp.net";
        return chatflow.calls().stream().filter(c -> jid.equals(c.params().get("jid"))).toList();
    }

    private static String phone(int i) {
        return String.format("7705%07d", i);
    }

    private static String body(String template, String messageId, String phone) {
        return template.replace("3F36C3C880D877783735", messageId)
                .replace("здравствуйте", "text " + messageId)
                .replace("77001234567@s.whatsapp.net", phone + "@s.whatsapp.net");
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();

    /** One delivery attempt, as a provider makes it: any failure is just "not acknowledged". */
    private static int post(String url, String json) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(20))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The master key and the token signing key every instance shares. */
    private static Map<String, String> sharedSecrets() throws Exception {
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String pem =
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n";
        return Map.of(
                "BUILDCRM_MASTER_KEY",
                Base64.getEncoder().encodeToString(master),
                "BUILDCRM_JWT_PRIVATE_KEY",
                pem);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Polls a process we do not control until {@code ready}: there is no event to await. */
    static void awaitUp(
            Process process, Path log, String what, java.util.function.BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited\n" + tail(log));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(what + " not up\n" + tail(log));
    }

    static void stop(Process process) {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Readable by the unprivileged user a root-started daemon switches to. */
    static Path openDir(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path parent = dir.getParent();
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dir;
    }

    /** Debian's PgBouncer in transaction pooling, in front of the test's PostgreSQL. */
    static final class PgBouncer implements AutoCloseable {
        private final Process process;
        private final int port;

        private PgBouncer(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static PgBouncer start(Path dir, int pgPort) throws IOException {
            openDir(dir);
            int port = freePort();
            Path users = dir.resolve("users.txt");
            Files.writeString(users, "\"postgres\" \"\"\n");
            Path ini = dir.resolve("pgbouncer.ini");
            Files.writeString(
                    ini,
                    String.join(
                            "\n",
                            "[databases]",
                            "postgres = host=127.0.0.1 port=" + pgPort + " dbname=postgres",
                            "[pgbouncer]",
                            "listen_addr = 127.0.0.1",
                            "listen_port = " + port,
                            "unix_socket_dir =",
                            "auth_type = trust",
                            "auth_file = " + users,
                            "pool_mode = transaction",
                            "max_client_conn = 200",
                            "default_pool_size = 20",
                            // pgjdbc sends it at connect; PgBouncer tracks only a few parameters
                            "ignore_startup_parameters = extra_float_digits",
                            ""));
            List<String> command = new ArrayList<>(List.of("pgbouncer"));
            if (root()) {
                command.addAll(List.of("-u", "nobody")); // it refuses to run as root
            }
            command.add(ini.toString());
            Path log = dir.getParent().resolve("pgbouncer.log");
            Process p =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            PgBouncer bouncer = new PgBouncer(p, port);
            awaitUp(
                    p,
                    log,
                    "pgbouncer",
                    () -> {
                        try (Connection c =
                                DriverManager.getConnection(bouncer.jdbcUrl(), "postgres", "")) {
                            return c.isValid(2);
                        } catch (Exception e) {
                            return false;
                        }
                    });
            return bouncer;
        }

        /** Server-side prepared statements cannot cross transactions in this mode: off. */
        String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?prepareThreshold=0";
        }

        @Override
        public void close() {
            stop(process);
        }
    }

    /** S3Mock (Maven Central's executable jar) on a free HTTP port, with the media bucket. */
    static final class S3Mock implements AutoCloseable {
        private final Process process;
        private final int port;

        private S3Mock(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static S3Mock start(Path dir) throws IOException {
            Files.createDirectories(dir);
            int port = freePort();
            Path log = dir.getParent().resolve("s3mock.log");
            Process p =
                    new ProcessBuilder(
                                    Path.of(System.getProperty("java.home"), "bin", "java")
                                            .toString(),
                                    "-Xmx256m",
                                    "-XX:TieredStopAtLevel=1",
                                    "-jar",
                                    System.getProperty("s3mock.jar", "target/s3mock.jar"),
                                    "--server.port=0",
                                    "--com.adobe.testing.s3mock.http-port=" + port,
                                    "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                                    "--com.adobe.testing.s3mock.store.root=" + dir,
                                    "--spring.main.banner-mode=off")
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            S3Mock s3 = new S3Mock(p, port);
            awaitUp(
                    p,
                    log,
                    "S3Mock",
                    () -> {
                        try {
                            return HTTP.send(
                                                    HttpRequest.newBuilder(
                                                                    URI.create(
                                                                            "http://127.0.0.1:"
                                                                                    + port
                                                                                    + "/"
                                                                                    + BUCKET))
                                                            .method(
                                                                    "HEAD",
                                                                    HttpRequest.BodyPublishers
                                                                            .noBody())
                                                            .timeout(Duration.ofSeconds(2))
                                                            .build(),
                                                    HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200;
                        } catch (IOException e) {
                            return false;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return false;
                        }
                    });
            return s3;
        }

        Map<String, String> env() {
            return Map.of(
                    "BUILDCRM_MEDIA_STORE", "s3",
                    "BUILDCRM_S3_ENDPOINT", "http://127.0.0.1:" + port,
                    "BUILDCRM_S3_BUCKET", BUCKET,
                    "BUILDCRM_S3_REGION", "us-east-1",
                    "BUILDCRM_S3_ACCESS_KEY", "test-access",
                    "BUILDCRM_S3_SECRET_KEY", "test-secret",
                    "BUILDCRM_S3_PATH_STYLE", "true");
        }

        @Override
        public void close() {
            stop(process);
        }
    }

    /**
     * Debian's nginx running {@code deploy/nginx.conf} as it is, in a main configuration of its own
     * (temp paths and pid in a temp dir); only the upstream's servers and the listen line change.
     */
    static final class Nginx implements AutoCloseable {
        private final Process process;

        private Nginx(Process process) {
            this.process = process;
        }

        static Nginx start(Path dir, int port, ServerProcess... instances) throws IOException {
            Files.createDirectories(dir);
            String site =
                    Files.readString(
                            Path.of(
                                    System.getProperty(
                                            "buildcrm.nginxConf", "../../deploy/nginx.conf")));
            String servers =
                    java.util.Arrays.stream(instances)
                            .map(
                                    i ->
                                            "    server "
                                                    + URI.create(i.baseUrl()).getAuthority()
                                                    + " max_fails=1 fail_timeout=5s;")
                            .collect(Collectors.joining("\n"));
            String rewritten =
                    site.replaceFirst("(?m)^\\s*server app1:8080[^\\n]*$", servers)
                            .replaceAll("(?m)^\\s*server app\\d+:8080[^\\n]*\\n", "")
                            .replaceFirst(
                                    "(?m)^(\\s*)listen 80;", "$1listen 127.0.0.1:" + port + ";");
            assertThat(rewritten).contains("listen 127.0.0.1:" + port).contains(servers);
            Files.writeString(dir.resolve("buildcrm.conf"), rewritten);
            String d = dir.toString();
            Files.writeString(
                    dir.resolve("nginx.conf"),
                    String.join(
                            "\n",
                            root() ? "user root;" : "",
                            "worker_processes 1;",
                            "pid " + d + "/nginx.pid;",
                            "error_log " + d + "/error.log warn;",
                            "events { worker_connections 1024; }",
                            "http {",
                            "  access_log off;",
                            "  client_body_temp_path " + d + "/body;",
                            "  proxy_temp_path " + d + "/proxy;",
                            "  fastcgi_temp_path " + d + "/fastcgi;",
                            "  uwsgi_temp_path " + d + "/uwsgi;",
                            "  scgi_temp_path " + d + "/scgi;",
                            "  include " + d + "/buildcrm.conf;",
                            "}",
                            ""));
            Path log = dir.resolve("nginx.out");
            Process p =
                    new ProcessBuilder(
                                    "nginx",
                                    "-c",
                                    d + "/nginx.conf",
                                    "-p",
                                    d + "/",
                                    "-e",
                                    d + "/error.log",
                                    "-g",
                                    "daemon off;")
                            .redirectErrorStream(true)
                            .redirectOutput(log.toFile())
                            .start();
            awaitUp(
                    p,
                    log,
                    "nginx",
                    () -> {
                        try {
                            return HTTP.send(
                                                    HttpRequest.newBuilder(
                                                                    URI.create(
                                                                            "http://127.0.0.1:"
                                                                                    + port
                                                                                    + "/health/ready"))
                                                            .timeout(Duration.ofSeconds(2))
                                                            .build(),
                                                    HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200;
                        } catch (IOException e) {
                            return false;
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return false;
                        }
                    });
            return new Nginx(p);
        }

        @Override
        public void close() {
            stop(process);
        }
    }

    /** A 1×1 PNG. */
    private static final String PNG =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
}
