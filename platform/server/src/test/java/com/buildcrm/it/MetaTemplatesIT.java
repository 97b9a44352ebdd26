package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.buildcrm.channel.FakeProviderServer;
import com.buildcrm.it.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Meta's WhatsApp templates end to end on the running server (ADR 035): the client's last message
 * is 25 hours old (its Cloud API timestamp says so), so a follow-up goes out as the registered
 * template in Meta's wire format; a free text from the CRM is refused before anything is stored; a
 * template Meta rejects for its parameter count ends as a failed message with a clear reason.
 */
// Runs beside the sequential black-box classes (see the Failsafe configuration in the pom): it
// mostly waits for real-time steps, on a server of its own, so the shared server never sees it.
@Execution(ExecutionMode.CONCURRENT)
class MetaTemplatesIT {

    private static ServerProcess server;

    static final String APP_SECRET = "meta-templates-app-secret";
    static final String PHONE_NUMBER_ID = "106540352242933";
    static final String MESSAGES = "/v21.0/" + PHONE_NUMBER_ID + "/messages";
    static final String CLIENT = "77012230001";

    private static Api api;
    private static FakeProviderServer graph;
    private static final List<JsonObject> sent = new CopyOnWriteArrayList<>();
    private static String operator;
    private static String owner;
    private static long tenantId;
    private static String webhookPath;

    @BeforeAll
    static void setUp() {
        server = ServerProcess.startFresh();
        api = server.api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        graph = FakeProviderServer.start();
        graph.route(
                MESSAGES,
                request -> {
                    JsonObject body =
                            Json.createReader(new StringReader(request.bodyText())).readObject();
                    sent.add(body);
                    JsonObject template = body.getJsonObject("template");
                    if (template != null && template.getString("name").equals("reopen_chat")) {
                        // Meta approved this one with three placeholders; it gets two
                        return new FakeProviderServer.Reply(
                                400,
                                "{\"error\":{\"message\":\"(#132000) Number of parameters does not match"
                                        + " the expected number of params\",\"type\":\"OAuthException\","
                                        + "\"code\":132000,\"error_data\":{\"messaging_product\":\"whatsapp\","
                                        + "\"details\":\"body: number of localizable_params (2) does not match"
                                        + " the expected number of params (3)\"},\"fbtrace_id\":\"AbC\"}}");
                    }
                    return new FakeProviderServer.Reply(
                            200,
                            "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\""
                                    + CLIENT
                                    + "\",\"wa_id\":\""
                                    + CLIENT
                                    + "\"}],\"messages\":[{\"id\":\"wamid.TPL-"
                                    + sent.size()
                                    + "\"}]}");
                });
        tenantId =
                api.createTenant(operator, "wa-meta-tpl", "ru", "owner@tpl.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        Reply channel =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/channel",
                        operator,
                        Json.createObjectBuilder()
                                .add("provider", "meta-cloud")
                                .add(
                                        "settings",
                                        Json.createObjectBuilder()
                                                .add("baseUrl", graph.baseUrl().toString())
                                                .add("apiVersion", "21.0")
                                                .add("phoneNumberId", PHONE_NUMBER_ID)
                                                .add("accessToken", "EAAG-templates-token")
                                                .add("appSecret", APP_SECRET)
                                                .add("verifyToken", "verify-templates-it")
                                                .add("requestTimeoutMs", "5000"))
                                .build()
                                .toString());
        assertThat(channel.status()).as(channel.toString()).isEqualTo(200);
        webhookPath = URI.create(channel.json().getString("webhookUrl")).getRawPath();
        assertThat(
                        api.method(
                                        "PUT",
                                        "/api/admin/tenants/" + tenantId + "/ai",
                                        operator,
                                        "{\"enabled\":true,\"debounceMs\":1000}")
                                .status())
                .isEqualTo(200);
        // a one-minute step and no quiet hours, so the test runs at any time of day
        Reply policy =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/followups",
                        operator,
                        "{\"steps\":[{\"delayMinutes\":1,\"text\":\"Подскажите, актуален ли ещё вопрос?\"}],"
                                + "\"quietHours\":{\"from\":\"00:00\",\"to\":\"00:00\"},"
                                + "\"minSpacingMinutes\":0,\"jitterMinutes\":0}");
        assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
        owner = api.userLogin("wa-meta-tpl", "owner@tpl.kz", "owner-pass-1");
    }

    @AfterAll
    static void stop() {
        if (graph != null) {
            graph.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRegistrationWhoseParametersDoNotMatchItsPlaceholdersIsRefusedAndChangesNothing() {
        Reply bad =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/templates",
                        operator,
                        "{\"templates\":[{\"purpose\":\"followup-3\",\"name\":\"follow_up_3\",\"language\":\"ru\","
                                + "\"body\":\"Здравствуйте, {{1}}! Это {{2}}.\","
                                + "\"parameters\":[{\"source\":\"client_name\"}]}]}");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().getJsonArray("errors").toString())
                .contains("templates[0].parameters", "2 placeholder(s)");
        JsonObject now = api.get("/api/admin/tenants/" + tenantId + "/templates", operator).json();
        assertThat(now.getJsonArray("templates").toString()).doesNotContain("follow_up_3");
        assertThat(now.getString("provider")).isEqualTo("meta-cloud");
        assertThat(now.getBoolean("applies")).isTrue();
    }

    @Test
    void pastTheWindowAFollowUpGoesOutAsTheTemplateAndTheCrmOffersItsOwn() {
        Reply registered =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/templates",
                        operator,
                        "{\"templates\":["
                                + "{\"purpose\":\"followup\",\"name\":\"follow_up_1\",\"language\":\"ru\","
                                + "\"body\":\"Здравствуйте, {{1}}! Это {{2}}. Актуален ли ещё вопрос по дому?\","
                                + "\"parameters\":[{\"source\":\"client_name\",\"fallback\":\"уважаемый клиент\"},"
                                + "{\"source\":\"company\"}]},"
                                + "{\"purpose\":\"reopen\",\"name\":\"reopen_chat\",\"language\":\"ru\","
                                + "\"body\":\"Здравствуйте, {{1}}! Это {{2}}, напишите, когда будет удобно.\","
                                + "\"parameters\":[{\"source\":\"client_name\",\"fallback\":\"уважаемый клиент\"},"
                                + "{\"source\":\"manager_name\"}]}]}");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.json().getJsonArray("templates")).hasSize(2);

        // the client wrote 25 hours ago (Meta's timestamp), the bot answers, the follow-up is armed
        long wrote = Instant.now().minus(Duration.ofHours(25)).getEpochSecond();
        var messages =
                Json.createArrayBuilder()
                        .add(
                                Json.createObjectBuilder()
                                        .add("from", CLIENT)
                                        .add("id", "wamid.TPL-IN-1")
                                        .add("timestamp", Long.toString(wrote))
                                        .add("type", "text")
                                        .add(
                                                "text",
                                                Json.createObjectBuilder()
                                                        .add(
                                                                "body",
                                                                "Здравствуйте, сколько стоит дом?")));
        Reply delivered =
                api.postMetaSigned(
                        webhookPath,
                        APP_SECRET,
                        Api.metaWebhook(
                                Api.metaMessages(PHONE_NUMBER_ID, "Асель", CLIENT, messages)));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        long leadId = api.awaitLead(owner, CLIENT);

        JsonObject template =
                await().atMost(Duration.ofSeconds(150))
                        .until(
                                () ->
                                        sent.stream()
                                                .filter(b -> "template".equals(b.getString("type")))
                                                .findFirst(),
                                java.util.Optional::isPresent)
                        .get();
        assertThat(template.getString("messaging_product")).isEqualTo("whatsapp");
        assertThat(template.getString("to")).isEqualTo(CLIENT);
        JsonObject t = template.getJsonObject("template");
        assertThat(t.getString("name")).isEqualTo("follow_up_1");
        assertThat(t.getJsonObject("language").getString("code")).isEqualTo("ru");
        JsonObject body = t.getJsonArray("components").getJsonObject(0);
        assertThat(body.getString("type")).isEqualTo("body");
        assertThat(
                        body.getJsonArray("parameters").stream()
                                .map(
                                        p ->
                                                p.asJsonObject().getString("type")
                                                        + ":"
                                                        + p.asJsonObject().getString("text"))
                                .toList())
                .containsExactly("text:Асель", "text:Company wa-meta-tpl");
        // the chat shows what the client got, and it is delivered
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                api.messages(owner, leadId).stream()
                                        .map(m -> m.asJsonObject())
                                        .anyMatch(
                                                m ->
                                                        ("Здравствуйте, Асель! Это Company wa-meta-tpl."
                                                                                + " Актуален ли ещё вопрос по дому?")
                                                                        .equals(
                                                                                m.getString(
                                                                                        "text", ""))
                                                                && m.getString("status")
                                                                        .equals("SENT")));

        // the CRM knows before the manager types: the window is closed, the template is offered
        JsonObject window = api.get("/api/crm/leads/" + leadId + "/whatsapp-window", owner).json();
        assertThat(window.getString("state")).isEqualTo("CLOSED");
        assertThat(window.getBoolean("freeText")).isFalse();
        assertThat(window.getJsonObject("template").getString("preview"))
                .isEqualTo(
                        "Здравствуйте, Асель! Это Owner of wa-meta-tpl, напишите, когда будет удобно.");
        int before = api.messages(owner, leadId).size();
        Reply free =
                api.post(
                        "/api/crm/leads/" + leadId + "/messages",
                        owner,
                        "{\"text\":\"Добрый день!\"}");
        assertThat(free.status()).as(free.toString()).isEqualTo(409);
        assertThat(free.json().getString("type")).contains("outside-window");
        assertThat(api.messages(owner, leadId)).hasSize(before); // nothing stored

        // Meta rejects the reopen template (its approved version has three placeholders): the
        // message is FAILED with a reason a person understands, not lost and not retried
        Reply reopen =
                api.post("/api/crm/leads/" + leadId + "/whatsapp-window/template", owner, "");
        assertThat(reopen.status()).as(reopen.toString()).isEqualTo(201);
        long id = reopen.json().getJsonNumber("id").longValue();
        JsonObject failed =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () ->
                                        api.messages(owner, leadId).stream()
                                                .map(m -> m.asJsonObject())
                                                .filter(
                                                        m ->
                                                                m.getJsonNumber("id").longValue()
                                                                        == id)
                                                .findFirst()
                                                .orElseThrow(),
                                m -> m.getString("status").equals("FAILED"));
        assertThat(failed.getString("error"))
                .startsWith("WhatsApp template rejected: the number of parameters")
                .contains("132000");
    }
}
