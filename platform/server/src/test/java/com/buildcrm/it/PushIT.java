package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.buildcrm.it.Api.Reply;
import com.buildcrm.it.FakePushService.Push;
import com.buildcrm.it.FakePushService.Subscription;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Web Push end to end on the uber jar: a browser-like subscription (key pair and auth secret made
 * here) on a fake push service at 127.0.0.1, which checks the VAPID token and decrypts every push
 * with JDK crypto. Alerts come from real product behaviour: a sandbox client asks for a person (the
 * AI hands off → "client waiting" to the owner), then writes again. Retry delays and the timeout
 * are shortened by settings; nothing sleeps, conditions are awaited.
 */
// Runs beside the sequential black-box classes (see the Failsafe configuration in the pom): it
// mostly waits for real-time steps, on a server of its own, so the shared server never sees it.
@Execution(ExecutionMode.CONCURRENT)
class PushIT {

    private static final Duration PUSH_WAIT = Duration.ofSeconds(60);
    private static final AtomicInteger PHONES = new AtomicInteger(100);

    private static ServerProcess server;
    private static Api api;
    private static String operator;
    private static FakePushService push;
    private static String vapidPublic;

    /** A company with the sandbox channel, no quiet hours, and its owner signed in. */
    private record Company(String slug, long id, String owner, Sandbox sandbox) {}

    @BeforeAll
    static void setUp() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair vapid = g.generateKeyPair();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        vapidPublic =
                b64.encodeToString(FakePushService.uncompressed((ECPublicKey) vapid.getPublic()));
        byte[] s = ((ECPrivateKey) vapid.getPrivate()).getS().toByteArray();
        byte[] scalar = new byte[32];
        int n = Math.min(32, s.length);
        System.arraycopy(s, s.length - n, scalar, 32 - n, n);
        server =
                ServerProcess.startFresh(
                        Map.of(
                                "BUILDCRM_PUSH_ALLOW_HTTP_LOCALHOST", "true",
                                "BUILDCRM_PUSH_TIMEOUT_MS", "1500",
                                "BUILDCRM_PUSH_RETRIES", "4",
                                "BUILDCRM_PUSH_RETRY_FIRST_DELAY_MS", "300",
                                "BUILDCRM_VAPID_PUBLIC_KEY", vapidPublic,
                                "BUILDCRM_VAPID_PRIVATE_KEY", b64.encodeToString(scalar),
                                "BUILDCRM_VAPID_SUBJECT", "mailto:ops@buildcrm.test"));
        api = server.api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        push = new FakePushService();
        push.expectVapidKey(vapidPublic);
    }

    @AfterAll
    static void tearDown() {
        if (push != null) {
            push.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aHandOffPushesTheOwnerAPayloadThatOpensTheLead() {
        Company c = company("push-a");
        Reply key = api.get("/api/crm/push/key", c.owner());
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.json().getString("publicKey")).isEqualTo(vapidPublic);
        assertThat(
                        api.raw(
                                        java.net.http.HttpRequest.newBuilder(api.uri("/openapi"))
                                                .header("Accept", "application/json"))
                                .json()
                                .getJsonObject("paths")
                                .keySet())
                .contains(
                        "/api/crm/push/key",
                        "/api/crm/push/subscriptions",
                        "/api/crm/push/preferences");
        Subscription phone = subscribe(c.owner());
        // the same endpoint again replaces it (201 again, still one subscription)
        subscribe(c.owner(), phone);

        String client = handOff(c);
        long leadId = c.sandbox().lead(client).getJsonNumber("id").longValue();

        Push p = awaitDelivered(phone, "CLIENT_WAITING", 1).get(0);
        JsonObject payload = p.json();
        assertThat(payload.getString("title")).startsWith("Клиент ждёт ответа: ");
        assertThat(payload.getString("body")).isNotBlank().hasSizeLessThanOrEqualTo(80);
        assertThat(payload.getString("url")).isEqualTo("/crm/leads/" + leadId);
        assertThat(payload.getJsonNumber("leadId").longValue()).isEqualTo(leadId);
        assertThat(payload.getString("tag")).isEqualTo("lead-" + leadId + "-client_waiting");
        assertThat(p.headers()).containsEntry("urgency", "high").containsEntry("ttl", "3600");
        assertThat(push.received(phone)).allSatisfy(r -> assertThat(r.problem()).isNull());
        assertThat(push.received(phone).stream().filter(r -> kind(r).equals("CLIENT_WAITING")))
                .as("one push per subscription, though subscribed twice")
                .hasSize(1);
    }

    @Test
    void aGoneSubscriptionIsDeletedAndNeverUsedAgain() {
        Company c = company("push-b");
        Subscription kept = subscribe(c.owner());
        Subscription gone = subscribe(c.owner());
        push.answer(gone, 410);

        String client = handOff(c);
        awaitDelivered(kept, "CLIENT_WAITING", 1);
        await().atMost(PUSH_WAIT).until(() -> push.received(gone).size() == 1);
        assertThat(push.received(gone).get(0).answered()).isEqualTo(410);

        // the client writes to the person now leading: another "client waiting"
        c.sandbox().write(client, "Алло? Вы тут?");
        awaitDelivered(kept, "CLIENT_WAITING", 2);
        assertThat(push.received(gone)).hasSize(1);
    }

    @Test
    void aFailingOrHangingServiceIsRetriedUntilItAcceptsAndTheApiStaysUp() {
        Company c = company("push-c");
        Subscription failing = subscribe(c.owner());
        Subscription hanging = subscribe(c.owner());
        push.answer(failing, 500, 503);
        push.answer(hanging, FakePushService.HANG);

        handOff(c);
        // while the hanging request is held, the API answers normally
        await().atMost(PUSH_WAIT).until(() -> !push.received(hanging).isEmpty());
        assertThat(api.get("/api/crm/push/preferences", c.owner()).status()).isEqualTo(200);
        assertThat(api.get("/api/crm/leads", c.owner()).status()).isEqualTo(200);

        List<Push> failed = awaitDelivered(failing, "CLIENT_WAITING", 1);
        assertThat(push.received(failing).stream().map(Push::answered).toList()).contains(500, 503);
        assertThat(failed.get(0).problem()).isNull();
        awaitDelivered(hanging, "CLIENT_WAITING", 1);
        assertThat(push.received(hanging).get(0).answered()).isEqualTo(FakePushService.HANG);
        // retries of one delivery carry the same notification
        assertThat(
                        push.received(failing).stream()
                                .filter(r -> kind(r).equals("CLIENT_WAITING"))
                                .map(r -> r.json().getString("url"))
                                .distinct())
                .hasSize(1);
    }

    @Test
    void preferencesOffMeansNothingIsSentToThatUser() {
        Company c = company("push-d");
        Reply defaults = api.get("/api/crm/push/preferences", c.owner());
        assertThat(defaults.json())
                .isEqualTo(
                        Json.createObjectBuilder()
                                .add("assigned", true)
                                .add("clientWaiting", true)
                                .add("callSoon", true)
                                .add("hotLead", true)
                                .build());
        Reply off =
                api.method(
                        "PUT",
                        "/api/crm/push/preferences",
                        c.owner(),
                        "{\"assigned\":true,\"clientWaiting\":false,\"callSoon\":true,\"hotLead\":false}");
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.json().getBoolean("clientWaiting")).isFalse();
        Subscription owners = subscribe(c.owner());
        api.createUser(c.owner(), "Айгуль", "rop@" + c.slug() + ".kz", "rop", "rop-pass-12345");
        String rop = api.userLogin(c.slug(), "rop@" + c.slug() + ".kz", "rop-pass-12345");
        Subscription rops = subscribe(rop);

        handOff(c);
        awaitDelivered(rops, "CLIENT_WAITING", 1);
        assertThat(push.received(owners)).isEmpty();
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheFieldAndUnsubscribeForgets() {
        Company c = company("push-e");
        Subscription good = push.subscribe();
        assertThat(field(c.owner(), body("http://push.example.com/x", good.p256dh(), good.auth())))
                .isEqualTo("endpoint");
        assertThat(field(c.owner(), body("https://10.0.0.7/push", good.p256dh(), good.auth())))
                .isEqualTo("endpoint");
        assertThat(field(c.owner(), body("not a url", good.p256dh(), good.auth())))
                .isEqualTo("endpoint");
        assertThat(field(c.owner(), body(good.endpoint(), "BAAA", good.auth())))
                .isEqualTo("keys.p256dh");
        assertThat(field(c.owner(), body(good.endpoint(), good.p256dh(), "c2hvcnQ")))
                .isEqualTo("keys.auth");
        Reply noKeys =
                api.post(
                        "/api/crm/push/subscriptions",
                        c.owner(),
                        "{\"endpoint\":\"" + good.endpoint() + "\"}");
        assertThat(noKeys.status()).isEqualTo(400);
        assertThat(noKeys.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/crm/push/subscriptions", null, good.toJson()).status())
                .isEqualTo(401);

        assertThat(api.post("/api/crm/push/subscriptions", c.owner(), good.toJson()).status())
                .isEqualTo(201);
        Reply gone =
                api.method(
                        "DELETE",
                        "/api/crm/push/subscriptions?endpoint="
                                + URLEncoder.encode(good.endpoint(), StandardCharsets.UTF_8),
                        c.owner(),
                        null);
        assertThat(gone.status()).as(gone.toString()).isEqualTo(204);
        Reply nothing = api.method("DELETE", "/api/crm/push/subscriptions", c.owner(), null);
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("endpoint");
    }

    @Test
    void aHalfSetVapidEnvironmentStopsTheStartWithOneClearLine() {
        assertThatThrownBy(
                        () ->
                                ServerProcess.startFresh(
                                                Map.of("BUILDCRM_VAPID_PUBLIC_KEY", vapidPublic))
                                        .close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("BUILDCRM_VAPID_PRIVATE_KEY");
    }

    // --- helpers ---

    private static Company company(String slug) {
        long id =
                api.createTenant(operator, slug, "ru", "owner@" + slug + ".kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        assertThat(
                        api.method(
                                        "PUT",
                                        "/api/admin/tenants/" + id + "/channel",
                                        operator,
                                        "{\"provider\":\"sandbox\",\"settings\":{}}")
                                .status())
                .isEqualTo(200);
        assertThat(
                        api.method(
                                        "PUT",
                                        "/api/admin/tenants/" + id + "/ai",
                                        operator,
                                        "{\"debounceMs\":1000}")
                                .status())
                .isEqualTo(200);
        // no quiet hours, so pushes are not held whatever the time of day
        Reply policy =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + id + "/followups",
                        operator,
                        "{\"steps\":[{\"delayMinutes\":600,\"text\":\"{name}, актуален ли ещё вопрос?\"}],"
                                + "\"quietHours\":{\"from\":\"00:00\",\"to\":\"00:00\"},"
                                + "\"minSpacingMinutes\":0,\"jitterMinutes\":0}");
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        String owner = api.userLogin(slug, "owner@" + slug + ".kz", "owner-pass-1");
        return new Company(slug, id, owner, new Sandbox(api, operator, id, owner));
    }

    /** A new client greets, then asks for a person: the AI hands off. Returns the phone. */
    private static String handOff(Company c) {
        String phone = "+7701555" + String.format("%04d", PHONES.incrementAndGet());
        c.sandbox().write(phone, "Здравствуйте! Интересуют панельные дома");
        c.sandbox().awaitOutbound(phone, 1);
        c.sandbox().write(phone, "Позовите менеджера, пожалуйста");
        c.sandbox().awaitLead(phone, l -> l.getBoolean("needsHuman", false));
        return phone;
    }

    private static Subscription subscribe(String token) {
        return subscribe(token, push.subscribe());
    }

    private static Subscription subscribe(String token, Subscription s) {
        Reply r = api.post("/api/crm/push/subscriptions", token, s.toJson());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return s;
    }

    private static List<Push> awaitDelivered(Subscription s, String kind, int count) {
        await().atMost(PUSH_WAIT)
                .until(
                        () ->
                                push.delivered(s).stream().filter(p -> kind(p).equals(kind)).count()
                                        >= count);
        return push.delivered(s).stream().filter(p -> kind(p).equals(kind)).toList();
    }

    private static String kind(Push p) {
        return p.payload() == null ? "" : p.json().getString("kind", "");
    }

    private static JsonObject body(String endpoint, String p256dh, String auth) {
        return Json.createObjectBuilder()
                .add("endpoint", endpoint)
                .add("keys", Json.createObjectBuilder().add("p256dh", p256dh).add("auth", auth))
                .build();
    }

    private static String field(String token, JsonObject body) {
        Reply r = api.post("/api/crm/push/subscriptions", token, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        return r.json().getJsonArray("errors").getJsonObject(0).getString("field");
    }
}
