package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.it.Api.Reply;
import com.buildcrm.it.FakeOpenAi.Answer;
import com.buildcrm.it.FakeOpenAi.ToolCall;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The LLM brain on the running server, driven by a fake OpenAI-compatible endpoint through tool
 * calls; and the rule brain answering in its place when the LLM times out, fails or talks nonsense.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LlmManagerIT {

    private static final int DEBOUNCE_MS = 1000;
    private static Api api;
    private static String operator;
    private static FakeOpenAi llm;
    private static long tenantId;
    private static String owner;
    private static Sandbox sandbox;

    @BeforeAll
    static void setUp() throws IOException {
        api = SharedServer.get().api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        llm = new FakeOpenAi();
        tenantId =
                api.createTenant(operator, "ai-llm", "ru", "owner@llm.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        api.setSandboxChannel(operator, tenantId);
        Reply ai =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/ai",
                        operator,
                        Json.createObjectBuilder()
                                .add("enabled", true)
                                .add("brain", "llm")
                                .add("debounceMs", DEBOUNCE_MS)
                                .add("prompt", "Мы — компания «Тест-Панель».")
                                .add(
                                        "llm",
                                        Json.createObjectBuilder()
                                                .add("baseUrl", llm.baseUrl())
                                                .add("model", "test-model")
                                                .add("apiKey", "sk-test-secret-key-123456")
                                                .add("temperature", 0.2))
                                .build()
                                .toString());
        assertThat(ai.status()).as(ai.toString()).isEqualTo(200);
        assertThat(ai.json().getJsonObject("llm").getString("apiKey"))
                .doesNotContain("sk-test-secret");
        owner = api.userLogin("ai-llm", "owner@llm.kz", "owner-pass-1");
        sandbox = new Sandbox(api, operator, tenantId, owner);
    }

    @AfterAll
    static void stop() {
        llm.close();
    }

    @BeforeEach
    void resetFake() {
        llm.reset();
    }

    @Test
    @Order(1)
    void toolCallsSaveFieldsMoveTheStageAndSendTheReply() {
        llm.defaultAnswer(
                Answer.toolCalls(
                        new ToolCall(
                                "save_fields",
                                "{\"fields\":{\"city\":\"Астана\",\"length_m\":\"10,5\",\"width_m\":12}}"),
                        new ToolCall(
                                "reply",
                                "{\"text\":\"Спасибо! Дом 10,5 на 12 в Астане — отличный выбор. Какая высота стен нужна?\"}"),
                        new ToolCall("asked_field", "{\"key\":\"height_m\"}")));
        String phone = "+77020000001";
        sandbox.write(phone, "Здравствуйте, нужен дом 10,5 на 12 в Астане");
        JsonArray out = sandbox.awaitOutbound(phone, 6);
        assertThat(out.getJsonObject(out.size() - 1).getString("text"))
                .startsWith("Спасибо! Дом 10,5 на 12");
        JsonObject lead = sandbox.lead(phone);
        assertThat(lead.getJsonObject("fields").getString("city")).isEqualTo("Астана");
        assertThat(lead.getJsonObject("fields").getJsonNumber("length_m").doubleValue())
                .isEqualTo(10.5);
        assertThat(lead.getJsonObject("stage").getString("role")).isEqualTo("PARTIAL_DATA");
        // what the model was told: the operator's prompt, the tools, the client's words, the key
        FakeOpenAi.Request sent = llm.lastRequest();
        assertThat(sent.authorization()).isEqualTo("Bearer sk-test-secret-key-123456");
        assertThat(sent.body()).contains("Тест-Панель", "save_fields", "нужен дом 10,5 на 12");
        JsonArray events = sandbox.events(lead);
        assertThat(
                        events.stream()
                                .map(JsonValue::asJsonObject)
                                .filter(e -> e.getString("type").equals("stage.changed"))
                                .map(e -> e.getJsonObject("details").getString("brain")))
                .contains("llm");
    }

    @Test
    @Order(2) // failures feed the circuit breaker: run after the happy path
    void aTimeoutAnErrorOrGarbageStillGetsASensibleReplyFromTheRuleBrainInTime() {
        Answer[] failures = {
            Answer.text("never mind").after(Duration.ofSeconds(60)),
            Answer.status(500),
            Answer.raw(200, "{\"this is\": not json"),
            Answer.toolCalls(new ToolCall("launch_rockets", "{}")),
            Answer.toolCalls(new ToolCall("save_fields", "{\"fields\":{\"windows\":\"много\"}}"))
        };
        int i = 0;
        for (Answer failure : failures) {
            // a greeted lead, so the answer is the only message the outbox sends
            llm.reset();
            llm.defaultAnswer(
                    Answer.toolCalls(
                            new ToolCall(
                                    "reply", "{\"text\":\"Здравствуйте! Из какого вы города?\"}"),
                            new ToolCall("asked_field", "{\"key\":\"city\"}")));
            String phone = "+7702000010" + i++;
            sandbox.write(phone, "Здравствуйте!");
            int before = sandbox.awaitOutbound(phone, 6).size();

            llm.reset();
            llm.defaultAnswer(failure);
            Instant wrote = Instant.now();
            sandbox.write(phone, "Мы из Караганды");
            JsonArray out = sandbox.awaitOutbound(phone, before + 1);
            Duration took = Duration.between(wrote, Instant.now());
            JsonObject reply = out.getJsonObject(out.size() - 1);
            assertThat(reply.getString("text").toLowerCase())
                    .as("fallback for " + failure)
                    .containsAnyOf("размер", "длин", "доставк");
            assertThat(took)
                    .as("reply time with " + failure)
                    .isLessThan(Duration.ofMillis(DEBOUNCE_MS).plusSeconds(5));
            assertThat(sandbox.lead(phone).getJsonObject("fields").getString("city"))
                    .isEqualTo("Караганда");
        }
    }
}
