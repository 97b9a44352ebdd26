package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.it.Api.Reply;
import com.buildcrm.it.SseClient.Event;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a browser gets: hardening headers on the web apps, the API and media; problem+json for every
 * API error, the container's own 401s included; the web apps' refresh token only in an HttpOnly
 * cookie that needs the {@code X-BuildCRM-Session} header; event streams opened by one-time
 * tickets, never by a token in the URL.
 */
class BrowserHardeningIT {

    private static final String SESSION = "X-BuildCRM-Session";

    /** The shared server's BUILDCRM_CORS_ORIGINS (web apps on their own origin, ADR 029). */
    static final String CORS_ORIGINS = "https://crm.example.test, http://127.0.0.1:5999";

    private static final String WEB_APP = "https://crm.example.test";

    private static ServerProcess server;
    private static Api api;
    private static String operator;
    private static CrmFixture company;

    @BeforeAll
    static void setUp() {
        server = SharedServer.get();
        api = server.api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        company = new CrmFixture(api, operator, "browser-a");
    }

    @Test
    void everyResponseCarriesTheBrowserHardeningHeaders() {
        for (String app : List.of("/crm/", "/admin/", "/crm/leads/12", "/admin/tenants")) {
            Reply r = api.get(app, null);
            String csp = r.header("Content-Security-Policy").orElse("");
            assertThat(csp)
                    .as(app)
                    .contains("default-src 'self'")
                    .contains("script-src 'self';")
                    .contains("connect-src 'self'")
                    // media URLs are absolute on the public URL (here the default, localhost)
                    .contains("img-src 'self' http://localhost:")
                    .contains("object-src 'none'")
                    .contains("base-uri 'self'")
                    .contains("frame-ancestors 'none'");
            assertThat(csp.substring(csp.indexOf("script-src")).split(";")[0])
                    .doesNotContain("unsafe");
            assertCommonHeaders(r, app);
        }
        Map<String, Reply> data =
                Map.of(
                        "/api/admin/tenants",
                        api.get("/api/admin/tenants", operator),
                        "/api/crm/me",
                        api.get("/api/crm/me", null),
                        "/api/nothing-here",
                        api.get("/api/nothing-here", operator),
                        "/media/1/nothing",
                        api.get("/media/1/nothing?exp=1&sig=x", null),
                        "/openapi",
                        api.get("/openapi", null),
                        "/health/ready",
                        api.get("/health/ready", null),
                        "/webhooks/chatflow/none",
                        api.post("/webhooks/chatflow/none?secret=x", null, "{}"));
        data.forEach(
                (path, r) -> {
                    assertThat(r.header("Content-Security-Policy").orElse(""))
                            .as(path)
                            .startsWith("default-src 'none'")
                            .contains("frame-ancestors 'none'")
                            .contains("sandbox");
                    assertCommonHeaders(r, path);
                });
    }

    @Test
    void invalidExpiredAndTamperedTokensGetProblemJsonNotTheServersHtmlPage() throws Exception {
        String tampered = operator.substring(0, operator.length() - 4) + "AAAA";
        String expired = expired(operator);
        String unsigned = operator.substring(0, operator.lastIndexOf('.') + 1);
        for (String token : List.of("garbage", "a.b.c", tampered, expired, unsigned)) {
            for (String path : List.of("/api/admin/tenants", "/api/crm/leads", "/api/crm/me")) {
                ProblemsIT.assertProblem(api.get(path, token), 401);
            }
            ProblemsIT.assertProblem(api.post("/api/crm/events/ticket", token, ""), 401);
            ProblemsIT.assertProblem(
                    api.method("PATCH", "/api/crm/leads/1", token, "{\"city\":\"X\"}"), 401);
        }
        Reply anonymous = api.get("/api/admin/tenants", null);
        ProblemsIT.assertProblem(anonymous, 401);
        assertThat(anonymous.header("WWW-Authenticate")).contains("Bearer");
        ProblemsIT.assertProblem(api.get("/api/admin/tenants", company.owner), 403);
        ProblemsIT.assertProblem(api.get("/api/crm/leads", operator), 403);
        ProblemsIT.assertProblem(api.method("DELETE", "/api/auth/refresh", null, null), 405);
        ProblemsIT.assertProblem(api.method("PUT", "/api/crm/me", company.owner, "{}"), 405);
        ProblemsIT.assertProblem(api.get("/api/nothing/here", null), 404);
        ProblemsIT.assertProblem(api.get("/webhooks/nothing", null), 404);
    }

    @Test
    void theWebAppsRefreshTokenLivesOnlyInAnHttpOnlyCookie() {
        String email = "owner@" + company.slug + ".kz";
        String body =
                "{\"tenant\":\""
                        + company.slug
                        + "\",\"email\":\""
                        + email
                        + "\","
                        + "\"password\":\"owner-pass-1\"}";
        Reply login = send("POST", "/api/crm/auth/login", body, Map.of(SESSION, "crm"));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().getString("accessToken")).isNotBlank();
        assertThat(login.json().containsKey("refreshToken")).isFalse();
        String cookie = setCookie(login, "buildcrm_crm_refresh");
        assertThat(cookie)
                .contains("HttpOnly")
                .contains("Secure")
                .contains("SameSite=Strict")
                .contains("Path=/api/auth;")
                .containsPattern("Max-Age=\\d{6,}");
        String first = value(cookie);
        assertThat(first).isNotBlank();

        // the cookie alone does nothing: without the header a request could come from any site
        Reply noHeader =
                send("POST", "/api/auth/refresh", "{}", Map.of("Cookie", jar("crm", first)));
        ProblemsIT.assertProblem(noHeader, 400);
        ProblemsIT.assertProblem(
                send(
                        "POST",
                        "/api/auth/refresh",
                        "{}",
                        Map.of("Cookie", jar("crm", first), SESSION, "other")),
                400);
        // the console's cookie is another one
        ProblemsIT.assertProblem(
                send(
                        "POST",
                        "/api/auth/refresh",
                        "{}",
                        Map.of("Cookie", jar("crm", first), SESSION, "admin")),
                401);

        Reply refreshed =
                send(
                        "POST",
                        "/api/auth/refresh",
                        "{}",
                        Map.of("Cookie", jar("crm", first), SESSION, "crm"));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(refreshed.json().containsKey("refreshToken")).isFalse();
        String second = value(setCookie(refreshed, "buildcrm_crm_refresh"));
        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(api.get("/api/crm/me", refreshed.json().getString("accessToken")).status())
                .isEqualTo(200);

        // the rotated-away cookie is a replay: refused, the cookie deleted, the session revoked
        Reply replay =
                send(
                        "POST",
                        "/api/auth/refresh",
                        "{}",
                        Map.of("Cookie", jar("crm", first), SESSION, "crm"));
        ProblemsIT.assertProblem(replay, 401);
        assertThat(setCookie(replay, "buildcrm_crm_refresh")).contains("Max-Age=0");
        ProblemsIT.assertProblem(
                send(
                        "POST",
                        "/api/auth/refresh",
                        "{}",
                        Map.of("Cookie", jar("crm", second), SESSION, "crm")),
                401);
        ProblemsIT.assertProblem(
                send("POST", "/api/auth/refresh", "{}", Map.of(SESSION, "crm")), 401);
    }

    @Test
    void logoutByCookieRevokesTheSessionAndDeletesTheCookie() {
        String body =
                "{\"email\":\""
                        + ServerProcess.OPERATOR_EMAIL
                        + "\",\"password\":\""
                        + ServerProcess.OPERATOR_PASSWORD
                        + "\"}";
        ProblemsIT.assertProblem(
                send("POST", "/api/admin/auth/login", body, Map.of(SESSION, "crm")), 400);
        Reply login = send("POST", "/api/admin/auth/login", body, Map.of(SESSION, "admin"));
        assertThat(login.status()).isEqualTo(200);
        String adminCookie = setCookie(login, "buildcrm_admin_refresh");
        // the console's cookie ends with the browser session
        assertThat(adminCookie)
                .contains("HttpOnly")
                .contains("Secure")
                .contains("SameSite=Strict")
                .doesNotContain("Max-Age")
                .doesNotContain("Expires");
        String token = value(adminCookie);
        Reply logout =
                send(
                        "POST",
                        "/api/auth/logout",
                        "{}",
                        Map.of("Cookie", jar("admin", token), SESSION, "admin"));
        assertThat(logout.status()).isEqualTo(204);
        assertThat(setCookie(logout, "buildcrm_admin_refresh")).contains("Max-Age=0");
        ProblemsIT.assertProblem(
                send(
                        "POST",
                        "/api/auth/refresh",
                        "{}",
                        Map.of("Cookie", jar("admin", token), SESSION, "admin")),
                401);
    }

    @Test
    void apiClientsKeepTheJsonBodyContractAndGetNoCookie() {
        Reply login =
                send(
                        "POST",
                        "/api/admin/auth/login",
                        "{\"email\":\""
                                + ServerProcess.OPERATOR_EMAIL
                                + "\",\"password\":\""
                                + ServerProcess.OPERATOR_PASSWORD
                                + "\"}",
                        Map.of());
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.raw().headers().allValues("Set-Cookie")).isEmpty();
        String refresh = login.json().getString("refreshToken");
        Reply next = api.post("/api/auth/refresh", null, "{\"refreshToken\":\"" + refresh + "\"}");
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.json().getString("refreshToken")).isNotBlank().isNotEqualTo(refresh);
        assertThat(next.raw().headers().allValues("Set-Cookie")).isEmpty();
        ProblemsIT.assertProblem(api.post("/api/auth/refresh", null, "{}"), 400);
        Reply out =
                api.post(
                        "/api/auth/logout",
                        null,
                        "{\"refreshToken\":\"" + next.json().getString("refreshToken") + "\"}");
        assertThat(out.status()).isEqualTo(204);
    }

    @Test
    void anEventStreamOpensWithAOneTimeTicketAndNeverWithATokenInTheUrl() {
        Reply issued = api.post("/api/crm/events/ticket", company.owner, "");
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        JsonObject ticket = issued.json();
        assertThat(ticket.getString("ticket")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(ticket.getInt("expiresIn")).isBetween(5, 60);
        assertThat(company.owner).doesNotContain(ticket.getString("ticket"));

        HttpRequest open = SseClient.ticketRequest(server.baseUrl(), ticket.getString("ticket"));
        try (SseClient stream = SseClient.with(open)) {
            company.clientWrites("+7 705 000 55 01", "Тимур", "Здравствуйте");
            Event created =
                    stream.await(e -> e.name().equals("lead.created"), Duration.ofSeconds(30));
            assertThat(created.leadId()).isPositive();
            // used once: the same ticket opens nothing more
            ProblemsIT.assertProblem(api.raw(builder(open)), 401);
        }
        ProblemsIT.assertProblem(
                api.get("/api/crm/events?access_token=" + company.owner, null), 401);
        ProblemsIT.assertProblem(api.get("/api/crm/events?ticket=" + company.owner, null), 401);
        ProblemsIT.assertProblem(api.get("/api/crm/events", null), 401);
        ProblemsIT.assertProblem(api.post("/api/crm/events/ticket", operator, ""), 403);
        ProblemsIT.assertProblem(api.post("/api/crm/events/ticket", null, ""), 401);
    }

    @Test
    void corsIsGrantedToExactlyTheConfiguredOriginsPreflightAndErrorsIncluded() {
        Map<String, String> preflight =
                Map.of(
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "content-type, x-buildcrm-session");
        Reply allowed = options("/api/crm/auth/login", WEB_APP, preflight);
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(204);
        assertThat(allowed.header("Access-Control-Allow-Origin")).hasValue(WEB_APP);
        assertThat(allowed.header("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(allowed.header("Access-Control-Allow-Methods").orElse(""))
                .contains("POST")
                .contains("PATCH");
        assertThat(allowed.header("Access-Control-Allow-Headers").orElse(""))
                .contains("X-BuildCRM-Session")
                .contains("Authorization")
                .contains("Last-Event-ID");
        // the same origin under another port, scheme or name is another origin
        for (String other :
                List.of(
                        "https://evil.example.test",
                        "http://crm.example.test",
                        "https://crm.example.test:8443",
                        "null")) {
            Reply refused = options("/api/crm/auth/login", other, preflight);
            assertThat(refused.header("Access-Control-Allow-Origin")).as(other).isEmpty();
            assertThat(refused.header("Access-Control-Allow-Credentials")).as(other).isEmpty();
        }
        // every configured origin is allowed, each on its own
        assertThat(
                        options("/api/auth/refresh", "http://127.0.0.1:5999", preflight)
                                .header("Access-Control-Allow-Origin"))
                .hasValue("http://127.0.0.1:5999");

        // login from the allowed origin: CORS headers, and a cookie the browser sends back from
        // another site (SameSite=None, partitioned per top-level site)
        String body =
                "{\"tenant\":\""
                        + company.slug
                        + "\",\"email\":\"owner@"
                        + company.slug
                        + ".kz\",\"password\":\"owner-pass-1\"}";
        Reply login =
                send(
                        "POST",
                        "/api/crm/auth/login",
                        body,
                        Map.of(SESSION, "crm", "Origin", WEB_APP));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.header("Access-Control-Allow-Origin")).hasValue(WEB_APP);
        assertThat(login.header("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(login.header("Vary").orElse("")).contains("Origin");
        String cookie = setCookie(login, "buildcrm_crm_refresh");
        assertThat(cookie)
                .contains("HttpOnly")
                .contains("Secure")
                .contains("SameSite=None")
                .contains("Partitioned");
        Reply refreshed =
                send(
                        "POST",
                        "/api/auth/refresh",
                        "{}",
                        Map.of(
                                "Cookie",
                                jar("crm", value(cookie)),
                                SESSION,
                                "crm",
                                "Origin",
                                WEB_APP));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(refreshed.header("Access-Control-Allow-Origin")).hasValue(WEB_APP);
        assertThat(setCookie(refreshed, "buildcrm_crm_refresh")).contains("SameSite=None");
        String token = refreshed.json().getString("accessToken");

        // reads, the stream's ticket, errors the container writes and media: all readable there
        Reply me = getFrom("/api/crm/me", token, WEB_APP);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("Access-Control-Allow-Origin")).hasValue(WEB_APP);
        assertThat(me.header("Access-Control-Expose-Headers").orElse("")).contains("Retry-After");
        Reply ticket =
                send(
                        "POST",
                        "/api/crm/events/ticket",
                        "{}",
                        Map.of("Authorization", "Bearer " + token, "Origin", WEB_APP));
        assertThat(ticket.status()).as(ticket.toString()).isEqualTo(200);
        assertThat(ticket.header("Access-Control-Allow-Origin")).hasValue(WEB_APP);
        Reply badTicket = getFrom("/api/crm/events?ticket=nope", null, WEB_APP);
        assertThat(badTicket.status()).isEqualTo(401);
        assertThat(badTicket.header("Access-Control-Allow-Origin")).hasValue(WEB_APP);
        Reply noToken = getFrom("/api/crm/me", "garbage", WEB_APP);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.header("Access-Control-Allow-Origin")).hasValue(WEB_APP);
        Reply media = getFrom("/media/1/nothing?exp=1&sig=x", null, WEB_APP);
        assertThat(media.header("Access-Control-Allow-Origin")).hasValue(WEB_APP);

        // another origin: the server answers (it is the browser that withholds the answer) but
        // grants nothing, and its login cookie stays SameSite=Strict
        Reply foreign = getFrom("/api/crm/me", token, "https://evil.example.test");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isEmpty();
        Reply sameOrigin = send("POST", "/api/crm/auth/login", body, Map.of(SESSION, "crm"));
        assertThat(setCookie(sameOrigin, "buildcrm_crm_refresh")).contains("SameSite=Strict");
        assertThat(sameOrigin.header("Access-Control-Allow-Origin")).isEmpty();
        // the web apps themselves are pages, not API: no CORS there
        assertThat(getFrom("/crm/", null, WEB_APP).header("Access-Control-Allow-Origin")).isEmpty();
    }

    private static Reply options(String path, String origin, Map<String, String> headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(api.uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", origin);
        headers.forEach(b::header);
        return api.raw(b);
    }

    private static Reply getFrom(String path, String token, String origin) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(api.uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .header("Origin", origin);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return api.raw(b);
    }

    private static HttpRequest.Builder builder(HttpRequest request) {
        return HttpRequest.newBuilder(request.uri())
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30));
    }

    private static void assertCommonHeaders(Reply r, String what) {
        assertThat(r.header("X-Content-Type-Options")).as(what).contains("nosniff");
        assertThat(r.header("Referrer-Policy")).as(what).contains("no-referrer");
        assertThat(r.header("Permissions-Policy").orElse(""))
                .as(what)
                .contains("camera=()")
                .contains("geolocation=()")
                .contains("microphone=()");
        assertThat(r.header("X-Frame-Options")).as(what).contains("DENY");
    }

    private static Reply send(
            String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(api.uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(b::header);
        return api.raw(b);
    }

    private static String jar(String app, String token) {
        return "buildcrm_" + app + "_refresh=" + token;
    }

    private static String setCookie(Reply r, String name) {
        return r.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no " + name + " cookie in " + r.raw().headers()));
    }

    private static String value(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    /** The same token, signed with the server's own key, but expired an hour ago. */
    private static String expired(String valid) throws Exception {
        String pem = Files.readString(server.dataDir().resolve("keys").resolve("jwt-private.pem"));
        byte[] der =
                Base64.getDecoder()
                        .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        RSAPrivateKey key =
                (RSAPrivateKey)
                        KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        SignedJWT parsed = SignedJWT.parse(valid);
        Instant past = Instant.now().minus(Duration.ofHours(2));
        JWTClaimsSet claims =
                new JWTClaimsSet.Builder(parsed.getJWTClaimsSet())
                        .issueTime(Date.from(past))
                        .notBeforeTime(Date.from(past))
                        .expirationTime(Date.from(past.plus(Duration.ofHours(1))))
                        .build();
        SignedJWT jwt = new SignedJWT(parsed.getHeader(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
