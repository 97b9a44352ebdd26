package com.buildcrm.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.buildcrm.ai.llm.AiBrains;
import com.buildcrm.ai.llm.AiBrains.Decision;
import com.buildcrm.ai.llm.HousesPack;
import com.buildcrm.ai.llm.LlmBrain;
import com.buildcrm.ai.llm.LlmConfig;
import com.buildcrm.brain.Action;
import com.buildcrm.brain.LeadState;
import com.buildcrm.brain.TurnInput;
import com.buildcrm.it.Api;
import com.buildcrm.it.FakeHttpEndpoint;
import com.buildcrm.it.FakeOpenAi;
import com.buildcrm.it.FakeOpenAi.Answer;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.tenancy.TenantNotBoundException;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What only the container decides, tested inside Payara Micro on the packaged WAR (ADR 017): one
 * deployment (one Payara start, embedded PostgreSQL in a fresh data directory, the demo company
 * seeded) for all of it, so every test here runs in the container and speaks HTTP to the same
 * server where it needs a request from outside.
 *
 * <ul>
 *   <li>MicroProfile Fault Tolerance on the LLM brain (timeout, one retry, circuit breaker and the
 *       rule brain as fallback), against a fake OpenAI-compatible server on 127.0.0.1;
 *   <li>the {@code @RolesAllowed} walls and the tenant binding filter;
 *   <li>live events ({@code LiveEvent}, a synchronous CDI event) delivered only after the change
 *       they announce has committed.
 * </ul>
 */
@ExtendWith({PayaraMicroProcess.class, ArquillianExtension.class})
class InContainerIT {

    @Deployment
    static WebArchive deployment() throws URISyntaxException {
        File war = new File(System.getProperty("buildcrm.war", "target/buildcrm.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(war)
                .as(WebArchive.class)
                .addClasses(
                        PayaraMicroProcess.class,
                        LiveEventProbe.class,
                        LiveEventProbe.Seen.class,
                        HousesPack.class,
                        Api.class,
                        Api.Reply.class,
                        FakeHttpEndpoint.class,
                        FakeHttpEndpoint.Scripted.class,
                        FakeOpenAi.class,
                        FakeOpenAi.Answer.class,
                        FakeOpenAi.ToolCall.class,
                        FakeOpenAi.Request.class)
                .addAsLibraries(
                        jarOf(org.assertj.core.api.Assertions.class),
                        jarOf(org.awaitility.Awaitility.class),
                        jarOf(org.hamcrest.Matcher.class));
    }

    private static File jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
    }

    @Inject AiBrains brains;
    @Inject TenantData tenantData;
    @Inject LiveEventProbe probe;
    @Inject HttpServletRequest request;

    /** The deployed application, reached over HTTP from inside the same server. */
    private Api api() {
        return new Api("http://127.0.0.1:" + request.getLocalPort());
    }

    private String operator(Api api) {
        return api.operatorLogin(
                PayaraMicroProcess.OPERATOR_EMAIL, PayaraMicroProcess.OPERATOR_PASSWORD);
    }

    // --- Fault Tolerance on the LLM brain -----------------------------------------------------

    /**
     * One test in a fixed order, because the circuit breaker is one per instance: its rolling
     * window sees every call made here.
     */
    @Test
    void theLlmBrainIsGuardedAsAnnotated() throws Exception {
        try (FakeOpenAi openAi = new FakeOpenAi()) {
            LlmConfig llm =
                    new LlmConfig(
                            openAi.baseUrl(),
                            "gpt-test",
                            "sk-test",
                            null,
                            "",
                            Duration.ofSeconds(10));
            TurnInput input =
                    new TurnInput(
                            LeadState.fresh(),
                            List.of("Здравствуйте, сколько стоит дом?"),
                            List.of(),
                            new HousesPack(),
                            Map.of(),
                            "ru",
                            "");

            // the first call loads LangChain4j's HTTP client and JSON mapping: do that outside the
            // guarded method, so its 4 s @Timeout measures the endpoint and not a cold JVM
            openAi.enqueue(Answer.text("warm-up"));
            new LlmBrain(llm).decide(input, 2);
            openAi.reset();

            // an answer: the LLM decides
            openAi.enqueue(Answer.text("Добрый день! Из какого вы города?"));
            Decision ok = brains.decide(input, Optional.of(llm), 2);
            assertThat(ok.brain()).isEqualTo(AiBrains.LLM);
            assertThat(ok.actions())
                    .contains(new Action.Reply("Добрый день! Из какого вы города?"));
            assertThat(openAi.requests()).hasSize(1);

            // @Retry: an unavailable endpoint is tried once more, and the second answer counts
            openAi.reset();
            openAi.enqueue(Answer.status(503), Answer.text("Какой размер дома нужен?"));
            Decision retried = brains.decide(input, Optional.of(llm), 2);
            assertThat(retried.brain()).isEqualTo(AiBrains.LLM);
            assertThat(retried.actions()).contains(new Action.Reply("Какой размер дома нужен?"));
            assertThat(openAi.requests()).hasSize(2);

            // @Retry gives up after one retry; @Fallback: the rule brain answers, with the reason
            openAi.reset();
            openAi.enqueue(Answer.status(503), Answer.status(503));
            Decision unavailable = brains.decide(input, Optional.of(llm), 2);
            assertThat(unavailable.brain()).isEqualTo(AiBrains.RULES);
            assertThat(unavailable.fallbackReason())
                    .startsWith("LlmUnavailableException")
                    .contains("503");
            assertThat(unavailable.actions()).isEqualTo(AiBrains.rules(input, 2, null).actions());
            assertThat(openAi.requests()).hasSize(2);

            // abortOn/skipOn: a refused request (wrong key) is not retried and never opens the
            // breaker, however often it happens (12 > the breaker's window of 10)
            openAi.reset();
            openAi.defaultAnswer(Answer.status(401));
            for (int i = 1; i <= 12; i++) {
                Decision refused = brains.decide(input, Optional.of(llm), 2);
                assertThat(refused.brain()).isEqualTo(AiBrains.RULES);
                assertThat(refused.fallbackReason()).startsWith("LlmRejectedException");
                assertThat(openAi.requests()).hasSize(i);
            }

            // @Timeout (4 s) over a slower endpoint: the rule brain answers in time, no retry
            openAi.reset();
            openAi.enqueue(Answer.text("too late").after(Duration.ofSeconds(10)));
            long started = System.nanoTime();
            Decision late = brains.decide(input, Optional.of(llm), 2);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(late.brain()).isEqualTo(AiBrains.RULES);
            assertThat(late.fallbackReason()).startsWith("timeout");
            // not the slow answer (10 s), nor a retry: the 4 s limit and the rule brain (slack for
            // a busy
            // machine)
            assertThat(took).isBetween(Duration.ofMillis(3900), Duration.ofMillis(8000));
            assertThat(openAi.requests()).hasSize(1);

            // @CircuitBreaker: half of the last 10 calls failed -> the LLM is not called any more
            openAi.reset();
            openAi.defaultAnswer(Answer.status(503));
            int calls = 0;
            Decision decision;
            do {
                decision = brains.decide(input, Optional.of(llm), 2);
                calls++;
                assertThat(decision.brain()).isEqualTo(AiBrains.RULES);
            } while (!decision.fallbackReason().startsWith("circuit open") && calls < 10);
            assertThat(decision.fallbackReason()).startsWith("circuit open");
            assertThat(calls).as("calls until the breaker opened").isLessThanOrEqualTo(4);
            int requestsWhenOpen = openAi.requests().size();
            for (int i = 0; i < 3; i++) {
                Decision open = brains.decide(input, Optional.of(llm), 2);
                assertThat(open.fallbackReason()).startsWith("circuit open");
                assertThat(open.actions()).isEqualTo(AiBrains.rules(input, 2, null).actions());
            }
            assertThat(openAi.requests()).hasSize(requestsWhenOpen);
        }
    }

    // --- walls and the tenant binding ---------------------------------------------------------

    @Test
    void rolesAndTheTenantBindingWallOffEveryOtherCompany() {
        Api api = api();
        String operator = operator(api);
        long demoId = tenantId(api, operator, "demo");
        String demoOwner = api.userLogin("demo", "owner@demo.kz", "demo-owner-1");
        String demoManager = api.userLogin("demo", "manager@demo.kz", "demo-manager-1");
        long betaId = quietCompany(api, operator, "walls-beta");
        String betaOwner = api.userLogin("walls-beta", "owner@walls-beta.kz", "owner-pass-1");

        // no token: 401 everywhere behind a wall
        assertThat(api.get("/api/crm/leads", null).status()).isEqualTo(401);
        assertThat(api.get("/api/admin/tenants", null).status()).isEqualTo(401);
        // a business token is no operator; an operator has no company
        assertThat(api.get("/api/admin/tenants", demoOwner).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/tenants/" + demoId, demoOwner).status()).isEqualTo(403);
        assertThat(api.get("/api/crm/leads", operator).status()).isEqualTo(403);
        // roles inside a company
        assertThat(api.get("/api/crm/users", demoOwner).status()).isEqualTo(200);
        assertThat(api.get("/api/crm/users", demoManager).status()).isEqualTo(403);

        // each token sees its own company only
        String demoName = "Demo client " + suffix();
        String betaName = "Beta client " + suffix();
        sandboxMessage(api, operator, demoId, phone(), demoName);
        sandboxMessage(api, operator, betaId, phone(), betaName);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> leadNames(api, demoOwner).contains(demoName));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> leadNames(api, betaOwner).contains(betaName));
        assertThat(leadNames(api, demoOwner)).doesNotContain(betaName);
        assertThat(leadNames(api, betaOwner)).containsExactly(betaName);
        assertThat(emails(api.get("/api/crm/users", betaOwner).array()))
                .containsExactly("owner@walls-beta.kz");
        long betaLead = leadId(api, betaOwner, betaName);
        Api.Reply sameIdInDemo = api.get("/api/crm/leads/" + betaLead, demoOwner);
        if (sameIdInDemo.status() == 200) {
            assertThat(sameIdInDemo.json().getString("name", "")).isNotEqualTo(betaName);
        } else {
            assertThat(sameIdInDemo.status()).isEqualTo(404);
        }

        // the tenant claim is signed: pointing a token at another company is refused
        assertThat(api.get("/api/crm/leads", withTenantClaim(demoOwner, betaId)).status())
                .isEqualTo(401);

        // the binding filter refuses a suspended company's tokens, and lets them in again
        assertThat(api.post("/api/admin/tenants/" + betaId + "/suspend", operator, "").status())
                .isEqualTo(200);
        Api.Reply suspended = api.get("/api/crm/leads", betaOwner);
        assertThat(suspended.status()).isEqualTo(403);
        assertThat(suspended.body()).contains("tenant-suspended");
        assertThat(api.get("/api/crm/leads", demoOwner).status()).isEqualTo(200);
        assertThat(api.post("/api/admin/tenants/" + betaId + "/resume", operator, "").status())
                .isEqualTo(200);
        assertThat(api.get("/api/crm/leads", betaOwner).status()).isEqualTo(200);
    }

    @Test
    void withoutABoundTenantTenantDataIsUnreachable() {
        // this test runs in a request of its own, which no access token bound to a company
        assertThatThrownBy(
                        () -> tenantData.tx(em -> em.createNativeQuery("SELECT 1").getResultList()))
                .isInstanceOf(TenantNotBoundException.class);
        assertThatThrownBy(() -> tenantData.tenant()).isInstanceOf(TenantNotBoundException.class);
    }

    // --- live events after commit -------------------------------------------------------------

    @Test
    void liveEventsAreDeliveredOnlyAfterTheirChangeCommitted() {
        Api api = api();
        String operator = operator(api);
        long tenant = quietCompany(api, operator, "events-gamma");
        String owner = api.userLogin("events-gamma", "owner@events-gamma.kz", "owner-pass-1");

        // an inbound message: the lead and its message are created by a job, then announced
        String name = "Events client " + suffix();
        sandboxMessage(api, operator, tenant, phone(), name);
        await().atMost(Duration.ofSeconds(30)).until(() -> leadNames(api, owner).contains(name));
        long lead = leadId(api, owner, name);
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                probe.about(tenant, lead).stream()
                                        .map(s -> s.event().type())
                                        .toList(),
                        types -> types.containsAll(List.of("lead.created", "message.created")));
        assertThat(probe.about(tenant, lead))
                .allSatisfy(
                        seen -> {
                            assertThat(seen.leadCommitted()).as("lead row committed").isTrue();
                            assertThat(seen.messageCommitted())
                                    .as("message row committed")
                                    .isTrue();
                        });

        // a person's edit: announced in the request, after its transaction committed
        String renamed = "Renamed " + suffix();
        Api.Reply patched =
                api.patch(
                        "/api/crm/leads/" + lead,
                        owner,
                        Json.createObjectBuilder().add("name", renamed).build());
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        List<LiveEventProbe.Seen> updates = updates(tenant, lead);
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).leadName()).isEqualTo(renamed);

        // a refused edit rolls back and announces nothing
        Api.Reply refused =
                api.patch(
                        "/api/crm/leads/" + lead,
                        owner,
                        Json.createObjectBuilder()
                                .add("name", "Never")
                                .add("stageId", 999_999)
                                .build());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(updates(tenant, lead)).hasSize(1);
        assertThat(leadNames(api, owner)).contains(renamed).doesNotContain("Never");
    }

    private List<LiveEventProbe.Seen> updates(long tenant, long lead) {
        return probe.about(tenant, lead).stream()
                .filter(s -> s.event().type().equals("lead.updated"))
                .toList();
    }

    // --- helpers ------------------------------------------------------------------------------

    /** A new company with the sandbox channel and the AI off (nothing happens but what we do). */
    private static long quietCompany(Api api, String operator, String slug) {
        long id =
                api.createTenant(operator, slug, "ru", "owner@" + slug + ".kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        Api.Reply channel =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + id + "/channel",
                        operator,
                        "{\"provider\":\"sandbox\",\"settings\":{}}");
        assertThat(channel.status()).as(channel.toString()).isEqualTo(200);
        api.setAi(operator, id, false);
        return id;
    }

    private static long tenantId(Api api, String operator, String slug) {
        return api.get("/api/admin/tenants", operator).array().stream()
                .map(JsonValue::asJsonObject)
                .filter(t -> t.getString("slug").equals(slug))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
    }

    private static void sandboxMessage(
            Api api, String operator, long tenant, String phone, String name) {
        Api.Reply r =
                api.post(
                        "/api/admin/tenants/" + tenant + "/sandbox/messages",
                        operator,
                        Json.createObjectBuilder()
                                .add("phone", phone)
                                .add("name", name)
                                .add("text", "Здравствуйте")
                                .build());
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
    }

    private static List<String> leadNames(Api api, String token) {
        return items(api, token).stream().map(o -> o.getString("name", "")).toList();
    }

    private static long leadId(Api api, String token, String name) {
        return items(api, token).stream()
                .filter(o -> o.getString("name", "").equals(name))
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
    }

    private static List<JsonObject> items(Api api, String token) {
        Api.Reply r = api.get("/api/crm/leads?limit=200", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
    }

    private static List<String> emails(JsonArray users) {
        return users.stream().map(u -> u.asJsonObject().getString("email")).toList();
    }

    /** The same token with its {@code tenant} claim changed and the old signature kept. */
    private static String withTenantClaim(String token, long tenant) {
        String[] parts = token.split("\\.");
        String payload =
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replaceAll("\"tenant\":\"[0-9]+\"", "\"tenant\":\"" + tenant + "\"");
        return parts[0]
                + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "."
                + parts[2];
    }

    private static String phone() {
        return "+7701" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
    }

    private static String suffix() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));
    }
}
