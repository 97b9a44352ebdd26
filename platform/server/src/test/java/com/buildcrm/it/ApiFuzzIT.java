package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.it.ApiFuzzer.FuzzRequest;
import com.buildcrm.it.ApiFuzzer.Op;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * API fuzzing from the OpenAPI document the server serves at {@code /openapi}: every operation gets
 * {@link #EXAMPLES} generated requests (Instancio generators, fixed {@link #SEED}, see {@link
 * ApiFuzzer}), each sent as anonymous, manager, owner and operator. No response may be a 5xx and
 * every 4xx must be {@code application/problem+json} with {@code status} and {@code title}.
 *
 * <p>It runs on its own server (it suspends tenants, changes passwords and channels, creates
 * tenants): a company A with owner and manager whose tokens are used, a company B on ChatFlow and a
 * company C on Meta Cloud whose ids, keys and leads are the cross-tenant tries. Whatever a request
 * breaks in the fixture (a revoked session, a suspended tenant, a changed password or role) is
 * repaired before the next request: sessions are refreshed or logged in again, tenants resumed, and
 * a user whose password is lost is replaced by a new one.
 *
 * <p>Exclusions and confinements (nothing is skipped; these keep the run meaningful and local):
 *
 * <ul>
 *   <li>{@code GET /api/crm/events} (SSE never ends): only status and headers are read, then the
 *       stream is closed.
 *   <li>The login throttle is raised on this server (it counts every fuzzed login from 127.0.0.1
 *       and would lock the fixture out); the two login operations run last. The throttle has its
 *       own tests.
 *   <li>Every URL-valued field points at a closed port on 127.0.0.1, and a channel body without a
 *       settings object is sent for the sandbox provider: no request makes the server call a host
 *       outside this machine ({@code ApiFuzzer} refuses to build one that names another host).
 *   <li>A bare 400 without body or type to a request line the HTTP layer cannot parse (an encoded
 *       NUL or backslash in the path, a header block over 8 KB) is counted, not failed: Grizzly
 *       answers it before the application sees the request (see {@link #rejectedByHttpLayer}).
 *   <li>Header parameters other than {@code Authorization} get printable ASCII values only (the
 *       HTTP client cannot send others); nasty strings go through paths, queries and bodies.
 * </ul>
 */
// Runs beside the sequential black-box classes (see the Failsafe configuration in the pom), on a
// server of its own: it was the longest class of the sequential chain (161 s of 17.5 min in CI).
@Execution(ExecutionMode.CONCURRENT)
class ApiFuzzIT {

    /** The fixed seed: the same requests on every run. */
    static final long SEED = 1_203_2026L;

    /** Examples per operation (three per {@link ApiFuzzer.Mode}); override with -Dfuzz.examples. */
    static final int EXAMPLES = Integer.getInteger("fuzz.examples", 24);

    private static final List<String> ROLES = List.of("anonymous", "manager", "owner", "operator");
    private static final HttpClient CLIENT =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    private static ServerProcess server;
    private static String baseUrl;
    private static String suffix = "";
    private static Api api;
    private static Fixture fixture;

    /** What one role got for one request. */
    record Outcome(String role, int status, String contentType, String body) {}

    /** A response the test does not accept. */
    record Failure(String kind, String signature, String detail) {}

    @BeforeAll
    static void start() {
        long t0 = System.nanoTime();
        // -Dfuzz.server=URL: a server already running with the same settings (while developing)
        baseUrl = System.getProperty("fuzz.server");
        if (baseUrl == null) {
            server =
                    ServerProcess.startFresh(
                            Map.of(
                                    "BUILDCRM_LOGIN_MAX_FAILURES_PER_ADDRESS", "1000000",
                                    "BUILDCRM_LOGIN_MAX_FAILURES_PER_ACCOUNT", "1000000"));
            baseUrl = server.baseUrl();
        } else {
            suffix = "-" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        }
        api = new Api(baseUrl);
        long t1 = System.nanoTime();
        fixture = new Fixture();
        System.out.printf(
                "ApiFuzzIT: server ready in %d s, fixture in %d s%n",
                Duration.ofNanos(t1 - t0).toSeconds(),
                Duration.ofNanos(System.nanoTime() - t1).toSeconds());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyOperationAnswersEveryRoleWithoutA5xxAndEvery4xxIsProblemJson() throws IOException {
        Api.Reply doc =
                api.raw(
                        HttpRequest.newBuilder(api.uri("/openapi"))
                                .header("Accept", "application/json"));
        assertThat(doc.status()).isEqualTo(200);
        ApiFuzzer fuzzer = new ApiFuzzer(doc.body(), SEED, fixture);
        List<Op> ops = new ArrayList<>(fuzzer.operations());
        // logins last: their wrong passwords must not lock the fixture out before the rest ran
        ops.sort(java.util.Comparator.comparing(op -> op.path().endsWith("/auth/login")));
        assertThat(ops).hasSizeGreaterThan(50);

        long started = System.nanoTime();
        int sent = 0;
        int serverErrors = 0;
        int nonProblem = 0;
        int httpLayer = 0;
        Map<String, Failure> failures = new LinkedHashMap<>();
        Map<String, Integer> failureCounts = new TreeMap<>();
        StringBuilder log = new StringBuilder();
        for (Op op : ops) {
            for (int i = 0; i < EXAMPLES; i++) {
                FuzzRequest request = fuzzer.request(op, i);
                boolean lostSession = false;
                for (String role : ROLES) {
                    Outcome outcome = send(request, role);
                    sent++;
                    log.append(outcome.status())
                            .append(' ')
                            .append(role)
                            .append(' ')
                            .append(abbreviate(request.describe(), 400).replace('\n', ' '))
                            .append('\n');
                    if (outcome.status() == 401 && !"anonymous".equals(role)) {
                        lostSession = true;
                    }
                    if (rejectedByHttpLayer(request, outcome)) {
                        httpLayer++;
                        continue;
                    }
                    Failure failure = check(request, outcome);
                    if (failure == null) {
                        continue;
                    }
                    if (failure.kind().equals("5xx")) {
                        serverErrors++;
                    } else {
                        nonProblem++;
                    }
                    failures.putIfAbsent(failure.signature(), failure);
                    failureCounts.merge(failure.signature(), 1, Integer::sum);
                }
                if (lostSession) {
                    fixture.heal();
                }
            }
            fixture.heal();
            if (op.path().contains("/channel")) {
                fixture.restoreChannels();
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        String summary =
                String.format(
                        "API fuzz (seed %d): %d operations × %d examples × %d roles = %d requests in %d s;"
                                + " responses ≥ 500: %d; 4xx not problem+json: %d;"
                                + " rejected by the HTTP layer before the application: %d",
                        SEED,
                        ops.size(),
                        EXAMPLES,
                        ROLES.size(),
                        sent,
                        seconds,
                        serverErrors,
                        nonProblem,
                        httpLayer);
        StringBuilder report = new StringBuilder(summary).append('\n');
        failures.forEach(
                (sig, f) ->
                        report.append("  FAIL ")
                                .append(failureCounts.get(sig))
                                .append(" × ")
                                .append(sig)
                                .append("\n      ")
                                .append(f.detail())
                                .append('\n'));
        System.out.println(report);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("api-fuzz-summary.txt"), report.toString());
        Files.writeString(target.resolve("api-fuzz-requests.log"), log.toString());

        assertThat(failures.values()).as(report.toString()).isEmpty();
    }

    /**
     * Found by this fuzzer: a follow-up policy that is a JSON number, string, array or null was
     * Payara's HTML 500 page (Bean Validation rejected the parameter type outside the mappers).
     */
    @Test
    void aFollowUpPolicyThatIsNotAJsonObjectIsA400Problem() {
        for (String body : List.of("12", "\"policy\"", "[]", "null", "true")) {
            Api.Reply r =
                    api.method(
                            "PUT",
                            "/api/admin/tenants/" + fixture.a.tenantId + "/followups",
                            fixture.operator,
                            body);
            ProblemsIT.assertProblem(r, 400);
        }
    }

    /**
     * Grizzly, under the servlet container, answers a bare 400 (no body, no type) to a request line
     * it cannot parse: an encoded NUL or backslash in the path ({@code 400 Invalid URI}) or a
     * request line over its 8 KB header limit. The application never sees such a request, so no
     * problem+json can be given; these are counted and listed, not failed.
     */
    static boolean rejectedByHttpLayer(FuzzRequest request, Outcome outcome) {
        if (outcome.status() != 400
                || !outcome.body().isEmpty()
                || !outcome.contentType().isEmpty()) {
            return false;
        }
        String path = request.pathAndQuery().split("\\?", 2)[0].toUpperCase(java.util.Locale.ROOT);
        return path.contains("%00") || path.contains("%5C") || headerBlock(request) > 7000;
    }

    /**
     * About the size of the request's header block as Grizzly limits it (8 KB): the request line
     * and the drawn headers; the client's own (Authorization, Host…) take up to ~1 KB more. A huge
     * query value (6 KB encoded) with a huge header (4 KB) is over the limit though each is under.
     */
    static int headerBlock(FuzzRequest request) {
        int size = request.pathAndQuery().length();
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            size += h.getKey().length() + h.getValue().length() + 4;
        }
        return size;
    }

    /** Null when the response is acceptable. */
    static Failure check(FuzzRequest request, Outcome outcome) {
        int status = outcome.status();
        String where = request.op().key() + " as " + outcome.role();
        String detail =
                request.describe()
                        + " → "
                        + status
                        + " "
                        + outcome.contentType()
                        + " "
                        + abbreviate(outcome.body(), 300);
        if (status >= 500 || status < 0) {
            return new Failure("5xx", status + " " + where, detail);
        }
        if (status >= 400) {
            if (!outcome.contentType().startsWith("application/problem+json")) {
                return new Failure(
                        "4xx", status + " " + outcome.contentType() + " " + where, detail);
            }
            try {
                JsonNode body = ApiFuzzer.MAPPER.readTree(outcome.body());
                if (body.path("status").asInt() != status
                        || !body.path("title").isTextual()
                        || body.path("title").asText().isBlank()) {
                    return new Failure(
                            "4xx", status + " problem without status/title " + where, detail);
                }
            } catch (IOException e) {
                return new Failure("4xx", status + " problem body not JSON " + where, detail);
            }
        }
        return null;
    }

    private static String abbreviate(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }

    private static Outcome send(FuzzRequest request, String role) {
        HttpRequest.BodyPublisher body =
                request.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl + request.pathAndQuery()))
                        .timeout(Duration.ofSeconds(60))
                        .method(request.op().method(), body);
        if (request.contentType() != null) {
            b.header("Content-Type", request.contentType());
        }
        request.headers().forEach(b::header);
        String token = fixture.token(role);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<InputStream> r =
                    CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = r.headers().firstValue("Content-Type").orElse("");
            String text;
            try (InputStream in = r.body()) {
                // an event stream never ends: status and headers are what is checked
                text =
                        type.startsWith("text/event-stream")
                                ? ""
                                : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Outcome(role, r.statusCode(), type, text);
        } catch (IOException e) {
            return new Outcome(role, -1, "", "no response: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The companies the fuzzer works on, their users' sessions and the ids it draws from; repairs
     * whatever a request broke.
     */
    static final class Fixture implements ApiFuzzer.World {
        private final String deadUrl = "http://127.0.0.1:" + closedPort() + "/fuzz/";
        private final String chatflowSecret = "fuzz-webhook-secret-0123456789abcdef";
        private final String metaAppSecret = "fuzz-meta-app-secret";
        private final String metaVerifyToken = "fuzz-meta-verify-token";
        private int generation;
        private String operator;
        private String operatorRefresh;
        private CrmFixture a;
        private String owner;
        private String ownerRefresh;
        private String manager;
        private String managerRefresh;
        private String managerEmail;
        private long ownerId;
        private long managerId;
        private long leadA;
        private List<Long> stagesA = List.of();
        private String mediaA;
        private String mediaExp;
        private String mediaSig;
        private CrmFixture b;
        private long ownerB;
        private long leadB;
        private List<Long> stagesB = List.of();
        private String chatflowKey;
        private long tenantC;
        private String metaKey;

        Fixture() {
            JsonObject tokens = operatorTokens();
            operator = tokens.getString("accessToken");
            operatorRefresh = tokens.getString("refreshToken");
            b = new CrmFixture(api, operator, "fuzz-b" + suffix);
            b.clientWrites("+77019990001", "Клиент Б", "Здравствуйте");
            leadB = CrmFixture.id(b.awaitLeads(1).values().iterator().next());
            ownerB = api.get("/api/crm/me", b.owner).json().getJsonNumber("id").longValue();
            stagesB = stages(b.owner);
            tenantC =
                    api.createTenant(
                                    operator,
                                    "fuzz-c" + suffix,
                                    "en",
                                    "owner@fuzz-c.kz",
                                    "owner-pass-1")
                            .getJsonNumber("id")
                            .longValue();
            api.setAi(operator, tenantC, false);
            restoreChannels();
            newCompanyA();
        }

        /**
         * Company A on the sandbox, B on ChatFlow and C on Meta Cloud (both on the closed loopback
         * port), with the secrets this test knows: a fuzzed channel request may have changed them.
         */
        void restoreChannels() {
            if (a != null) {
                put(
                        "/api/admin/tenants/" + a.tenantId + "/channel",
                        "{\"provider\":\"sandbox\",\"settings\":{}}");
            }
            JsonObject channel =
                    put(
                            "/api/admin/tenants/" + b.tenantId + "/channel",
                            "{\"provider\":\"chatflow\",\"settings\":{\"baseUrl\":\""
                                    + deadUrl
                                    + "\",\"token\":\"fuzz-token\",\"instanceId\":\"SU5TVA==\","
                                    + "\"webhookSecret\":\""
                                    + chatflowSecret
                                    + "\"}}");
            chatflowKey = keyOf(channel.getString("webhookUrl"));
            JsonObject meta =
                    put(
                            "/api/admin/tenants/" + tenantC + "/channel",
                            "{\"provider\":\"meta-cloud\",\"settings\":{\"baseUrl\":\""
                                    + deadUrl
                                    + "\",\"phoneNumberId\":\"106540352242922\","
                                    + "\"accessToken\":\"fuzz-access\",\"appSecret\":\""
                                    + metaAppSecret
                                    + "\",\"verifyToken\":\""
                                    + metaVerifyToken
                                    + "\"}}");
            metaKey = keyOf(meta.getString("webhookUrl"));
        }

        /** Company A from scratch: owner, manager, a lead, an uploaded picture. */
        private void newCompanyA() {
            a =
                    new CrmFixture(
                            api,
                            operator,
                            "fuzz-a" + suffix + (generation == 0 ? "" : "-" + generation));
            generation++;
            JsonObject ownerTokens =
                    api.userTokens(a.slug, "owner@" + a.slug + ".kz", "owner-pass-1");
            owner = ownerTokens.getString("accessToken");
            ownerRefresh = ownerTokens.getString("refreshToken");
            ownerId = api.get("/api/crm/me", owner).json().getJsonNumber("id").longValue();
            newManager();
            a.clientWrites("+77011234567", "Клиент А", "Сколько стоит дом 10 на 8?");
            leadA = CrmFixture.id(a.awaitLeads(1).values().iterator().next());
            stagesA = stages(owner);
            uploadMedia();
        }

        private void newManager() {
            managerEmail = "manager" + System.nanoTime() + "@" + a.slug + ".kz";
            managerId =
                    api.createUser(owner, "Менеджер", managerEmail, "manager", "manager-pass-1")
                            .getJsonNumber("id")
                            .longValue();
            JsonObject t = api.userTokens(a.slug, managerEmail, "manager-pass-1");
            manager = t.getString("accessToken");
            managerRefresh = t.getString("refreshToken");
        }

        private void uploadMedia() {
            byte[] png =
                    java.util.Base64.getDecoder()
                            .decode(
                                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
            Api.Reply r = api.upload("/api/crm/media", owner, "house.png", "image/png", png);
            if (r.status() != 201 && r.status() != 200) {
                throw new AssertionError("media upload: " + r);
            }
            mediaA = r.json().getString("id");
            URI url = URI.create(r.json().getString("url"));
            for (String pair : url.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals("exp")) {
                    mediaExp = kv[1];
                } else if (kv[0].equals("sig")) {
                    mediaSig = kv[1];
                }
            }
        }

        String token(String role) {
            return switch (role) {
                case "manager" -> manager;
                case "owner" -> owner;
                case "operator" -> operator;
                default -> null;
            };
        }

        /** Restores every session, resumes the companies and replaces lost users. */
        void heal() {
            if (api.get("/api/admin/me", operator).status() != 200) {
                JsonObject t = refreshOr(operatorRefresh, ApiFuzzIT.Fixture::operatorTokens);
                operator = t.getString("accessToken");
                operatorRefresh = t.getString("refreshToken");
            }
            for (long tenant : List.of(a.tenantId, b.tenantId, tenantC)) {
                Api.Reply t = api.get("/api/admin/tenants/" + tenant, operator);
                if (t.status() == 200
                        && !"active".equalsIgnoreCase(t.json().getString("status", "active"))) {
                    api.post("/api/admin/tenants/" + tenant + "/resume", operator, "");
                }
            }
            if (!hasRole(owner, "owner")) {
                JsonObject t =
                        refreshOr(
                                ownerRefresh,
                                () -> {
                                    Api.Reply r =
                                            login(
                                                    a.slug,
                                                    "owner@" + a.slug + ".kz",
                                                    "owner-pass-1");
                                    return r.status() == 200 ? r.json() : null;
                                });
                if (t == null || !hasRole(t.getString("accessToken"), "owner")) {
                    newCompanyA(); // the owner's password or role is gone: a new company
                    return;
                }
                owner = t.getString("accessToken");
                ownerRefresh = t.getString("refreshToken");
            }
            if (!hasRole(manager, "manager")) {
                JsonObject t =
                        refreshOr(
                                managerRefresh,
                                () -> {
                                    Api.Reply r = login(a.slug, managerEmail, "manager-pass-1");
                                    return r.status() == 200 ? r.json() : null;
                                });
                if (t == null || !hasRole(t.getString("accessToken"), "manager")) {
                    newManager();
                } else {
                    manager = t.getString("accessToken");
                    managerRefresh = t.getString("refreshToken");
                }
            }
        }

        private static boolean hasRole(String token, String role) {
            Api.Reply me = api.get("/api/crm/me", token);
            return me.status() == 200 && role.equals(me.json().getString("role", ""));
        }

        private static JsonObject refreshOr(String refresh, Supplier<JsonObject> login) {
            Api.Reply r =
                    api.post("/api/auth/refresh", null, "{\"refreshToken\":\"" + refresh + "\"}");
            return r.status() == 200 ? r.json() : login.get();
        }

        private static Api.Reply login(String slug, String email, String password) {
            return api.post(
                    "/api/crm/auth/login",
                    null,
                    jakarta.json.Json.createObjectBuilder()
                            .add("tenant", slug)
                            .add("email", email)
                            .add("password", password)
                            .build());
        }

        private static JsonObject operatorTokens() {
            Api.Reply r =
                    api.post(
                            "/api/admin/auth/login",
                            null,
                            jakarta.json.Json.createObjectBuilder()
                                    .add("email", ServerProcess.OPERATOR_EMAIL)
                                    .add("password", ServerProcess.OPERATOR_PASSWORD)
                                    .build());
            if (r.status() != 200) {
                throw new AssertionError("operator login: " + r);
            }
            return r.json();
        }

        private JsonObject put(String path, String json) {
            Api.Reply r = api.method("PUT", path, operator, json);
            if (r.status() != 200) {
                throw new AssertionError(path + ": " + r);
            }
            return r.json();
        }

        private static List<Long> stages(String token) {
            return api.get("/api/crm/stages", token).array().stream()
                    .map(JsonValue::asJsonObject)
                    .map(s -> s.getJsonNumber("id").longValue())
                    .toList();
        }

        private static String keyOf(String webhookUrl) {
            String path = URI.create(webhookUrl).getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }

        // --- ApiFuzzer.World ---

        @Override
        public List<Object> ids(String kind) {
            List<Object> ids = new ArrayList<>();
            switch (kind) {
                case "tenants", "tenantid" -> ids.addAll(List.of(a.tenantId, b.tenantId, tenantC));
                case "leads", "leadid" -> ids.addAll(List.of(leadA, leadB));
                case "users", "assignee", "assigneeid", "userid" ->
                        ids.addAll(List.of(ownerId, managerId, ownerB));
                case "stages", "stage", "stageid", "ids" -> {
                    ids.addAll(stagesA);
                    ids.addAll(stagesB);
                }
                case "phone" -> ids.addAll(List.of("+77011234567", "+77019990001", "77011234567"));
                case "chatflowkey" -> ids.addAll(List.of(chatflowKey, chatflowKey, metaKey));
                case "metakey" -> ids.addAll(List.of(metaKey, metaKey, chatflowKey));
                case "mediaid", "mediaids" -> ids.add(mediaA);
                case "exp" -> ids.add(mediaExp);
                case "sig" -> ids.add(mediaSig);
                default -> {}
            }
            return ids;
        }

        @Override
        public String refreshToken(Random random) {
            return List.of(ownerRefresh, managerRefresh, operatorRefresh).get(random.nextInt(3));
        }

        @Override
        public String deadUrl() {
            return deadUrl;
        }

        @Override
        public Map<String, String> extraQuery(Op op, Random random) {
            if (op.path().startsWith("/webhooks/chatflow/")) {
                return Map.of("secret", chatflowSecret);
            }
            if (op.key().equals("GET /webhooks/meta/{channelKey}")) {
                return Map.of(
                        "hub.mode",
                        "subscribe",
                        "hub.verify_token",
                        metaVerifyToken,
                        "hub.challenge",
                        Long.toString(random.nextLong() & Long.MAX_VALUE));
            }
            return Map.of();
        }

        @Override
        public JsonNode template(Op op, Random random) {
            String json =
                    switch (op.key()) {
                        case "PATCH /api/crm/leads/{id}" ->
                                "{\"fields\":{\"length_m\":10,"
                                        + "\"width_m\":8,\"foundation_closed\":true,\"windows\":4,"
                                        + "\"need\":\"дом\",\"budget_kzt\":15000000},\"stageId\":"
                                        + stagesA.get(random.nextInt(stagesA.size()))
                                        + ",\"assigneeId\":"
                                        + managerId
                                        + "}";
                        case "PATCH /api/crm/users/{id}" ->
                                "{\"role\":\"manager\",\"disabled\":" + random.nextBoolean() + "}";
                        case "PUT /api/admin/tenants/{id}/followups" ->
                                "{\"quietHours\":"
                                        + "{\"from\":\"22:00\",\"to\":\"08:00\"},\"steps\":"
                                        + "[{\"delayMinutes\":60,\"text\":\"Напоминаем о себе\"}]}";
                        case "PUT /api/admin/tenants/{id}/channel" -> channelTemplate(random);
                        case "PUT /api/admin/tenants/{id}/pack" -> "{\"settings\":{}}";
                        case "POST /webhooks/chatflow/{channelKey}" ->
                                "{\"messageType\":\"text\","
                                        + "\"message\":\"здравствуйте\",\"metadata\":{\"sender\":\"Клиент\","
                                        + "\"timestamp\":1764686607,\"messageId\":\"FZ"
                                        + Long.toHexString(random.nextLong())
                                        + "\",\"remoteJid\":\"7701"
                                        + (1_000_000 + random.nextInt(8_999_999))
                                        + "@s.whatsapp.net\"},\"mediaData\":null}";
                        case "POST /webhooks/meta/{channelKey}" ->
                                "{\"object\":"
                                        + "\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":"
                                        + "[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
                                        + "\"metadata\":{\"phone_number_id\":\"106540352242922\"},"
                                        + "\"contacts\":[{\"profile\":{\"name\":\"Айгерим\"},\"wa_id\":"
                                        + "\"77011230000\"}],\"messages\":[{\"from\":\"77011230000\",\"id\":"
                                        + "\"wamid.FZ"
                                        + Long.toHexString(random.nextLong())
                                        + "\",\"timestamp\":\"1764686607\",\"type\":\"text\",\"text\":"
                                        + "{\"body\":\"Здравствуйте\"}}]}}]}]}";
                        default -> null;
                    };
            if (json == null) {
                return null;
            }
            try {
                return ApiFuzzer.MAPPER.readTree(json);
            } catch (IOException e) {
                throw new IllegalStateException(json, e);
            }
        }

        private String channelTemplate(Random random) {
            return switch (random.nextInt(3)) {
                case 0 -> "{\"provider\":\"sandbox\",\"settings\":{}}";
                case 1 ->
                        "{\"provider\":\"chatflow\",\"settings\":{\"token\":\"t\","
                                + "\"instanceId\":\"SU5TVA==\",\"webhookSecret\":\""
                                + chatflowSecret
                                + "\",\"connectTimeoutMs\":\"1000\"}}";
                default ->
                        "{\"provider\":\"meta-cloud\",\"settings\":{\"phoneNumberId\":\"1\","
                                + "\"accessToken\":\"a\",\"appSecret\":\""
                                + metaAppSecret
                                + "\",\"verifyToken\":\""
                                + metaVerifyToken
                                + "\"}}";
            };
        }

        @Override
        public Map<String, String> headers(
                Op op, String pathAndQuery, byte[] body, ApiFuzzer.Mode mode) {
            if (!op.key().equals("POST /webhooks/meta/{channelKey}") || body == null) {
                return Map.of();
            }
            if (mode == ApiFuzzer.Mode.MALFORMED) {
                return Map.of("X-Hub-Signature-256", "sha256=00");
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(
                        new SecretKeySpec(
                                metaAppSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                return Map.of(
                        "X-Hub-Signature-256",
                        "sha256=" + HexFormat.of().formatHex(mac.doFinal(body)));
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static int closedPort() {
            try (ServerSocket s = new ServerSocket(0)) {
                return s.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
