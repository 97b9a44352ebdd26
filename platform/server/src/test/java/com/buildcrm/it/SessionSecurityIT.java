package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sessions under attack, with real parallel requests against the uber jar: a refresh token replayed
 * in parallel leaves no live session; the login throttle holds under parallel guesses; logout,
 * password reset, disable and a role change bite on the very next request; open event streams end
 * (or are re-filtered) when the user, the company or the visibility setting changes.
 */
class SessionSecurityIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ServerProcess server;
    private static Api api;
    private static String operator;
    private static CrmFixture company;
    private static ExecutorService pool;

    @BeforeAll
    static void setUp() {
        server = SharedServer.get();
        api = server.api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        company = new CrmFixture(api, operator, "sessions");
        pool = Executors.newFixedThreadPool(48);
    }

    @AfterAll
    static void tearDown() {
        pool.shutdownNow();
    }

    // --- item 1: refresh-token rotation is one decision per family ---

    @Test
    void aRefreshTokenReplayedInParallelLeavesNoLiveSession() throws Exception {
        for (int round = 0; round < 8; round++) {
            JsonObject tokens = api.userTokens(company.slug, "owner@sessions.kz", "owner-pass-1");
            String refresh = tokens.getString("refreshToken");
            List<Api.Reply> replies =
                    parallel(12, i -> api.post("/api/auth/refresh", null, refreshBody(refresh)));
            assertThat(replies)
                    .as("round %d: no server error, only 200 or 401", round)
                    .allSatisfy(r -> assertThat(r.status()).isIn(200, 401));
            List<Api.Reply> won = replies.stream().filter(r -> r.status() == 200).toList();
            assertThat(won).as("round %d: exactly one refresh wins", round).hasSize(1);
            JsonObject winner = won.get(0).json();
            assertThat(
                            api.post(
                                            "/api/auth/refresh",
                                            null,
                                            refreshBody(winner.getString("refreshToken")))
                                    .status())
                    .as("round %d: reuse revoked the family, the winner's new token too", round)
                    .isEqualTo(401);
            assertThat(api.get("/api/crm/me", winner.getString("accessToken")).status())
                    .as("round %d: the revoked session's access token is dead", round)
                    .isEqualTo(401);
            assertThat(api.get("/api/crm/me", tokens.getString("accessToken")).status())
                    .isEqualTo(401);
        }
    }

    // --- item 2: the login throttle under parallel guesses ---

    @Test
    void parallelGuessesOnOneAccountEndInTooManyRequests() throws Exception {
        for (int round = 0; round < 3; round++) {
            String email = "guess" + round + "@sessions.kz";
            company.createManager("Угадай " + round, email);
            String address = "127.0.0." + (20 + round);
            int right = 7 + round * 5; // the right password somewhere in the middle of the burst
            List<Integer> statuses =
                    parallel(
                            25,
                            i ->
                                    loginFrom(
                                            address,
                                            company.slug,
                                            email,
                                            i == right ? "manager-pass-1" : "wrong-pass-" + i));
            assertThat(statuses)
                    .as("round %d: %s", round, statuses)
                    .allSatisfy(s -> assertThat(s).isIn(200, 401, 429));
            // at most 5 guesses before the lock, and once more after a success reset the count
            assertThat(statuses.stream().filter(s -> s == 429).count())
                    .as("round %d: %s", round, statuses)
                    .isGreaterThanOrEqualTo(15);
            assertThat(loginFrom(address, company.slug, email, "manager-pass-1"))
                    .as("round %d: the account is locked, the right password does not win", round)
                    .isEqualTo(429);
        }
    }

    @Test
    void parallelGuessesFromOneAddressEndInTooManyRequestsAfterThirty() throws Exception {
        String address = "127.0.0.60";
        List<Integer> statuses =
                parallel(
                        40,
                        i ->
                                loginFrom(
                                        address,
                                        company.slug,
                                        "nobody" + i + "@sessions.kz",
                                        "wrong-pass"));
        assertThat(statuses).allSatisfy(s -> assertThat(s).isIn(401, 429));
        assertThat(statuses.stream().filter(s -> s == 401).count())
                .as("%s", statuses)
                .isLessThanOrEqualTo(30);
        assertThat(statuses.stream().filter(s -> s == 429).count()).isGreaterThanOrEqualTo(10);
        assertThat(loginFrom(address, company.slug, "owner@sessions.kz", "owner-pass-1"))
                .isEqualTo(429);
    }

    // --- item 5: revocation and role changes bite on the next request ---

    @Test
    void logoutEndsTheAccessTokenOfAUserAndOfAnOperator() {
        JsonObject user = api.userTokens(company.slug, "owner@sessions.kz", "owner-pass-1");
        JsonObject other = api.userTokens(company.slug, "owner@sessions.kz", "owner-pass-1");
        assertThat(api.get("/api/crm/me", user.getString("accessToken")).status()).isEqualTo(200);
        assertThat(
                        api.post(
                                        "/api/auth/logout",
                                        null,
                                        refreshBody(user.getString("refreshToken")))
                                .status())
                .isEqualTo(204);
        assertThat(api.get("/api/crm/me", user.getString("accessToken")).status()).isEqualTo(401);
        assertThat(api.get("/api/crm/me", other.getString("accessToken")).status())
                .as("another session of the same user lives on")
                .isEqualTo(200);

        Api.Reply op =
                api.post(
                        "/api/admin/auth/login",
                        null,
                        Json.createObjectBuilder()
                                .add("email", ServerProcess.OPERATOR_EMAIL)
                                .add("password", ServerProcess.OPERATOR_PASSWORD)
                                .build());
        assertThat(op.status()).isEqualTo(200);
        String opAccess = op.json().getString("accessToken");
        assertThat(api.get("/api/admin/tenants", opAccess).status()).isEqualTo(200);
        assertThat(
                        api.post(
                                        "/api/auth/logout",
                                        null,
                                        refreshBody(op.json().getString("refreshToken")))
                                .status())
                .isEqualTo(204);
        Api.Reply after = api.get("/api/admin/tenants", opAccess);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aDemotedRopLosesUsersAndAnalyticsAtOnce() {
        long rop =
                api.createUser(
                                company.owner,
                                "Руководитель",
                                "rop@sessions.kz",
                                "rop",
                                "rop-pass-12")
                        .getJsonNumber("id")
                        .longValue();
        String token = api.userLogin(company.slug, "rop@sessions.kz", "rop-pass-12");
        assertThat(api.get("/api/crm/users", token).status()).isEqualTo(200);
        assertThat(api.get("/api/crm/analytics/managers", token).status()).isEqualTo(200);
        patchUser(rop, "{\"role\":\"manager\"}");
        Api.Reply users = api.get("/api/crm/users", token);
        assertThat(users.status()).isEqualTo(401);
        assertThat(users.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/crm/analytics/managers", token).status()).isEqualTo(401);
        String fresh = api.userLogin(company.slug, "rop@sessions.kz", "rop-pass-12");
        assertThat(api.get("/api/crm/users", fresh).status()).isEqualTo(403);
        assertThat(api.get("/api/crm/me", fresh).json().getString("role")).isEqualTo("manager");
    }

    @Test
    void aPasswordResetOrADisableEndsTheAccessTokenAtOnce() {
        long id = company.createManager("Сброс", "reset@sessions.kz");
        String token = company.login("reset@sessions.kz");
        assertThat(api.get("/api/crm/me", token).status()).isEqualTo(200);
        patchUser(id, "{\"password\":\"another-pass-1\"}");
        assertThat(api.get("/api/crm/me", token).status()).isEqualTo(401);

        String again = api.userLogin(company.slug, "reset@sessions.kz", "another-pass-1");
        assertThat(api.get("/api/crm/leads", again).status()).isEqualTo(200);
        patchUser(id, "{\"status\":\"DISABLED\"}");
        assertThat(api.get("/api/crm/leads", again).status()).isEqualTo(401);
    }

    // --- item 4: open streams are re-checked ---

    @Test
    void streamsEndWhenTheUserIsDisabledDemotedOrLoggedOut() {
        long disabled = company.createManager("Поток1", "stream1@sessions.kz");
        long rop =
                api.createUser(company.owner, "Поток2", "stream2@sessions.kz", "rop", "rop-pass-12")
                        .getJsonNumber("id")
                        .longValue();
        company.createManager("Поток3", "stream3@sessions.kz");
        JsonObject loggedOut =
                api.userTokens(company.slug, "stream3@sessions.kz", "manager-pass-1");
        try (SseClient one =
                        SseClient.withHeader(
                                server.baseUrl(), company.login("stream1@sessions.kz"), null);
                SseClient two =
                        SseClient.withHeader(
                                server.baseUrl(),
                                api.userLogin(company.slug, "stream2@sessions.kz", "rop-pass-12"),
                                null);
                SseClient three =
                        SseClient.withHeader(
                                server.baseUrl(), loggedOut.getString("accessToken"), null);
                SseClient owner = SseClient.withHeader(server.baseUrl(), company.owner, null)) {
            patchUser(disabled, "{\"status\":\"DISABLED\"}");
            one.awaitEnd(Duration.ofSeconds(10));
            patchUser(rop, "{\"role\":\"manager\"}");
            two.awaitEnd(Duration.ofSeconds(10));
            api.post("/api/auth/logout", null, refreshBody(loggedOut.getString("refreshToken")));
            three.awaitEnd(Duration.ofSeconds(10));
            assertThat(owner.ended()).as("the owner's stream is untouched").isFalse();
        }
    }

    @Test
    void streamsEndWhenTheCompanyIsSuspended() {
        CrmFixture suspended = new CrmFixture(api, operator, "sessions-suspended");
        try (SseClient owner = SseClient.withHeader(server.baseUrl(), suspended.owner, null);
                SseClient other = SseClient.withHeader(server.baseUrl(), company.owner, null)) {
            Api.Reply r =
                    api.post("/api/admin/tenants/" + suspended.tenantId + "/suspend", operator, "");
            assertThat(r.status()).isEqualTo(200);
            owner.awaitEnd(Duration.ofSeconds(10));
            assertThat(other.ended()).isFalse();
        }
    }

    @Test
    void aManagersStreamIsRefilteredWhenManagersNoLongerSeeAll() {
        CrmFixture c = new CrmFixture(api, operator, "sessions-filter");
        long managerId = c.createManager("Фильтр", "filter@sessions-filter.kz");
        String manager = c.login("filter@sessions-filter.kz");
        c.clientWrites("+7 705 000 55 01", "Свой", "Мой лид");
        c.clientWrites("+7 705 000 55 02", "Чужой", "Не мой лид");
        var leads = c.awaitLeadsAtLeast("Свой", "Чужой");
        long mine = CrmFixture.id(leads.get("Свой"));
        long notMine = CrmFixture.id(leads.get("Чужой"));
        c.managersSeeAll(true);
        try (SseClient stream = SseClient.withHeader(server.baseUrl(), manager, null);
                SseClient owner = SseClient.withHeader(server.baseUrl(), c.owner, null)) {
            c.patchLead(notMine, "{\"city\":\"Астана\"}");
            stream.await(e -> e.name().equals("lead.updated") && e.leadId() == notMine, WAIT);
            c.managersSeeAll(false);
            c.patchLead(notMine, "{\"city\":\"Шымкент\"}");
            c.patchLead(mine, "{\"assigneeId\":" + managerId + "}");
            owner.await(
                    e ->
                            e.name().equals("lead.updated")
                                    && e.leadId() == notMine
                                    && owner.events().stream()
                                                    .filter(
                                                            x ->
                                                                    x.name().equals("lead.updated")
                                                                            && x.leadId()
                                                                                    == notMine)
                                                    .count()
                                            == 2,
                    WAIT);
            stream.await(e -> e.name().equals("lead.updated") && e.leadId() == mine, WAIT);
            assertThat(stream.events().stream().filter(e -> e.leadId() == notMine).count())
                    .as("only the update made while managers saw all")
                    .isEqualTo(1);
        } finally {
            c.managersSeeAll(true);
        }
    }

    // --- helpers ---

    private static void patchUser(long id, String json) {
        Api.Reply r = api.method("PATCH", "/api/crm/users/" + id, company.owner, json);
        if (r.status() != 200) {
            throw new AssertionError("patch user: " + r);
        }
    }

    private static String refreshBody(String token) {
        return Json.createObjectBuilder().add("refreshToken", token).build().toString();
    }

    /** Runs {@code n} calls at once (released together) and returns their results in order. */
    private static <T> List<T> parallel(int n, IndexedCall<T> call) throws Exception {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Callable<T> task =
                    () -> {
                        ready.countDown();
                        go.await();
                        return call.call(index);
                    };
            futures.add(pool.submit(task));
        }
        ready.await();
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    /** A call that knows its index in a parallel burst. */
    @FunctionalInterface
    private interface IndexedCall<T> {
        T call(int index) throws Exception;
    }

    /**
     * A business-user login sent from a chosen loopback address (Linux routes all of 127/8 to the
     * loopback interface), so each throttle test has a client address of its own.
     */
    private static int loginFrom(String localAddress, String tenant, String email, String password)
            throws Exception {
        URI base = URI.create(server.baseUrl());
        byte[] body =
                Json.createObjectBuilder()
                        .add("tenant", tenant)
                        .add("email", email)
                        .add("password", password)
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("POST /api/crm/auth/login HTTP/1.1\r\nHost: "
                                    + base.getAuthority()
                                    + "\r\nContent-Type: application/json\r\nContent-Length: "
                                    + body.length
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String status =
                    new BufferedReader(
                                    new InputStreamReader(
                                            socket.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();
            if (status == null || !status.startsWith("HTTP/1.1 ")) {
                throw new AssertionError("not an HTTP answer: " + status);
            }
            return Integer.parseInt(status.substring(9, 12));
        }
    }
}
