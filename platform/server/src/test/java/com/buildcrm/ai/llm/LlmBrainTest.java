package com.buildcrm.ai.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.brain.Action;
import com.buildcrm.brain.AiMemory;
import com.buildcrm.brain.HistoryLine;
import com.buildcrm.brain.InvalidActionException;
import com.buildcrm.brain.KnowledgeBase;
import com.buildcrm.brain.LeadState;
import com.buildcrm.brain.StageRole;
import com.buildcrm.brain.Temperature;
import com.buildcrm.brain.TurnInput;
import com.buildcrm.it.FakeOpenAi;
import com.buildcrm.it.FakeOpenAi.Answer;
import com.buildcrm.it.FakeOpenAi.ToolCall;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LlmBrain against an OpenAI-compatible fake on 127.0.0.1. */
class LlmBrainTest {

    private FakeOpenAi openAi;
    private LlmBrain brain;

    @BeforeEach
    void start() throws Exception {
        openAi = new FakeOpenAi();
        brain = brain(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        openAi.close();
    }

    private LlmBrain brain(Duration timeout) {
        return new LlmBrain(
                new LlmConfig(
                        openAi.baseUrl(),
                        "gpt-test",
                        "sk-test",
                        0.3,
                        "Всегда предлагай бесплатный замер.",
                        timeout));
    }

    private static TurnInput input(String locale, String... burst) {
        LeadState state =
                new LeadState(
                        Map.of("name", "Ерлан"),
                        StageRole.IN_PROGRESS,
                        false,
                        Temperature.WARM,
                        40,
                        new AiMemory("city", false, 1, false, Set.of(), false, 2));
        return new TurnInput(
                state,
                List.of(burst),
                List.of(
                        new HistoryLine(true, "Здравствуйте, сколько стоит дом?"),
                        new HistoryLine(false, "Здравствуйте! Как вас зовут?"),
                        new HistoryLine(true, "Ерлан")),
                new HousesPack(),
                Map.of("warehouse", "Алматы, Рыскулова 1"),
                locale,
                "Компания «Панель-Строй», работаем по всему Казахстану.");
    }

    private static ToolCall call(String name, String arguments) {
        return new ToolCall(name, arguments);
    }

    @Test
    void toolCallsBecomeTypedActions() {
        openAi.enqueue(
                Answer.toolCalls(
                        call("reply", "{\"text\":\"Отлично, записал!\"}"),
                        call(
                                "save_fields",
                                "{\"fields\":{\"city\":\"Алматы\",\"length_m\":12.5,\"windows\":4,"
                                        + "\"has_land\":true}}"),
                        call("asked_field", "{\"key\":\"windows\"}"),
                        call(
                                "request_call",
                                "{\"name\":\"Ерлан\",\"preferred_time\":\"после обеда\"}"),
                        call(
                                "set_temperature",
                                "{\"temperature\":\"WARM\",\"reason\":\"считает\"}"),
                        call("send_greeting_step", "{\"index\":1}")));

        List<Action> actions = brain.decide(input("ru", "Алматы, 12.5 на 8, окон 4, участок есть"));

        assertThat(actions)
                .containsExactly(
                        new Action.Reply("Отлично, записал!"),
                        new Action.SaveFields(
                                Map.of(
                                        "city",
                                        "Алматы",
                                        "length_m",
                                        new BigDecimal("12.5"),
                                        "windows",
                                        4L,
                                        "has_land",
                                        true)),
                        new Action.AskedField("windows"),
                        new Action.RequestCall("Ерлан", "после обеда"),
                        new Action.SetTemperature(Temperature.WARM, "считает"),
                        new Action.SendGreetingStep(1));
        Action.SaveFields saved = (Action.SaveFields) actions.get(1);
        assertThat(saved.values().get("windows")).isInstanceOf(Long.class);
        assertThat(saved.values().get("length_m")).isInstanceOf(BigDecimal.class);
    }

    @Test
    void handOffAndNotInterestedAreActionsToo() {
        openAi.enqueue(
                Answer.textAndToolCalls(
                        "Передаю вас менеджеру.",
                        call("hand_off", "{\"reason\":\"жалоба на доставку\"}")),
                Answer.toolCalls(call("not_interested", "{\"reason\":\"уже купил\"}")));

        assertThat(brain.decide(input("ru", "Хочу поговорить с человеком")))
                .containsExactly(
                        new Action.Reply("Передаю вас менеджеру."),
                        new Action.HandOff("жалоба на доставку"));
        assertThat(brain.decide(input("ru", "Уже не надо")))
                .containsExactly(new Action.NotInterested("уже купил"));
    }

    @Test
    void aPlainTextAnswerIsAReply() {
        openAi.enqueue(Answer.text("  Подскажите, из какого вы города?  "));

        assertThat(brain.decide(input("ru", "Интересует дом")))
                .containsExactly(new Action.Reply("Подскажите, из какого вы города?"));
    }

    @Test
    void theRequestCarriesTheSystemPromptToolsAndHistory() {
        openAi.enqueue(Answer.text("Хорошо"));

        brain.decide(input("ru", "Алматы", "а сколько стоит?"));

        FakeOpenAi.Request request = openAi.lastRequest();
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.authorization()).isEqualTo("Bearer sk-test");
        JsonObject body = request.json();
        assertThat(body.getString("model")).isEqualTo("gpt-test");
        assertThat(body.getJsonNumber("temperature").doubleValue()).isEqualTo(0.3);

        var messages = body.getJsonArray("messages");
        assertThat(messages).hasSize(5);
        JsonObject system = messages.getJsonObject(0);
        assertThat(system.getString("role")).isEqualTo("system");
        String prompt = system.getString("content");
        assertThat(prompt)
                .contains("вежливый консультант")
                .contains("WhatsApp")
                .contains("Никогда не придумывай цены")
                .contains("Мы строим дома из СИП-панелей.")
                .contains("Компания «Панель-Строй»")
                .contains("Всегда предлагай бесплатный замер.")
                .contains("warehouse: Алматы, Рыскулова 1")
                .contains("length_m (number, обязательное, min 3, max 30)")
                .contains("Какая длина дома?")
                .contains("Ерлан")
                .contains("city*, length_m*, windows, has_land, preferred_call_time")
                .contains("этап: IN_PROGRESS")
                .contains("последний заданный вопрос: city");
        assertThat(messages.subList(1, 5))
                .extracting(m -> m.asJsonObject().getString("role"))
                .containsExactly("user", "assistant", "user", "user");
        assertThat(messages.getJsonObject(2).getString("content"))
                .isEqualTo("Здравствуйте! Как вас зовут?");
        assertThat(messages.getJsonObject(4).getString("content"))
                .isEqualTo("Алматы\nа сколько стоит?");

        var tools = body.getJsonArray("tools");
        assertThat(tools)
                .extracting(t -> t.asJsonObject().getJsonObject("function").getString("name"))
                .containsExactly(
                        "reply",
                        "save_fields",
                        "request_call",
                        "set_temperature",
                        "not_interested",
                        "hand_off",
                        "send_greeting_step",
                        "asked_field");
        JsonObject saveFields =
                tools.getJsonObject(1).getJsonObject("function").getJsonObject("parameters");
        JsonObject fieldTypes =
                saveFields
                        .getJsonObject("properties")
                        .getJsonObject("fields")
                        .getJsonObject("properties");
        assertThat(fieldTypes.getJsonObject("length_m").getString("type")).isEqualTo("number");
        assertThat(fieldTypes.getJsonObject("windows").getString("type")).isEqualTo("integer");
        assertThat(fieldTypes.getJsonObject("has_land").getString("type")).isEqualTo("boolean");
        assertThat(fieldTypes.getJsonObject("city").getString("type")).isEqualTo("string");
        JsonObject temperature =
                tools.getJsonObject(3)
                        .getJsonObject("function")
                        .getJsonObject("parameters")
                        .getJsonObject("properties")
                        .getJsonObject("temperature");
        assertThat(temperature.getJsonArray("enum"))
                .extracting(v -> ((jakarta.json.JsonString) v).getString())
                .containsExactly("HOT", "WARM", "COLD");
    }

    @Test
    void anEnglishTenantGetsEnglishInstructions() {
        openAi.enqueue(Answer.text("Sure"));

        brain.decide(input("en", "Hi"));

        String prompt =
                openAi.lastRequest()
                        .json()
                        .getJsonArray("messages")
                        .getJsonObject(0)
                        .getString("content");
        assertThat(prompt)
                .contains("polite sales consultant")
                .contains("Never invent prices")
                .contains("How long is the house?");
    }

    @Test
    void aServerErrorIsUnavailableAndNotRetriedHere() {
        openAi.enqueue(Answer.status(500));

        assertThatThrownBy(() -> brain.decide(input("ru", "Привет")))
                .isInstanceOf(LlmUnavailableException.class)
                .hasMessageContaining("HTTP 500");
        assertThat(openAi.requests()).hasSize(1);
    }

    @Test
    void aWrongKeyIsARejection() {
        openAi.enqueue(Answer.status(401));

        assertThatThrownBy(() -> brain.decide(input("ru", "Привет")))
                .isInstanceOf(LlmRejectedException.class)
                .hasMessageContaining("HTTP 401");
    }

    @Test
    void garbageIsUnavailable() {
        openAi.enqueue(Answer.raw(200, "<html>Bad gateway</html>"));

        assertThatThrownBy(() -> brain.decide(input("ru", "Привет")))
                .isInstanceOf(LlmUnavailableException.class);
    }

    @Test
    void anUnknownToolIsAnInvalidAction() {
        openAi.enqueue(Answer.toolCalls(call("give_discount", "{\"percent\":50}")));

        assertThatThrownBy(() -> brain.decide(input("ru", "Скидка будет?")))
                .isInstanceOf(InvalidActionException.class)
                .hasMessageContaining("unknown tool 'give_discount'");
    }

    @Test
    void unparsableArgumentsAreAnInvalidAction() {
        openAi.enqueue(Answer.toolCalls(call("reply", "{\"text\": \"Здравствуйте")));

        assertThatThrownBy(() -> brain.decide(input("ru", "Привет")))
                .isInstanceOf(InvalidActionException.class)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void wrongArgumentTypesAreAnInvalidAction() {
        openAi.enqueue(
                Answer.toolCalls(call("send_greeting_step", "{\"index\":\"второй\"}")),
                Answer.toolCalls(
                        call("save_fields", "{\"fields\":{\"length_m\":\"очень длинный\"}}")),
                Answer.toolCalls(call("save_fields", "{\"fields\":{\"roof\":\"red\"}}")),
                Answer.toolCalls(
                        call("set_temperature", "{\"temperature\":\"BOILING\",\"reason\":\"x\"}")),
                Answer.toolCalls(call("reply", "{\"text\":42}")),
                Answer.toolCalls(call("send_greeting_step", "{\"index\":7}")));

        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> brain.decide(input("ru", "Привет")))
                    .isInstanceOf(InvalidActionException.class);
        }
        assertThat(openAi.requests()).hasSize(6);
    }

    @Test
    void anEmptyAnswerIsAnInvalidAction() {
        openAi.enqueue(Answer.text(""));

        assertThatThrownBy(() -> brain.decide(input("ru", "Привет")))
                .isInstanceOf(InvalidActionException.class);
    }

    @Test
    void aSlowEndpointTimesOutWithinTheConfiguredTimeout() {
        LlmBrain impatient = brain(Duration.ofMillis(500));
        openAi.enqueue(Answer.text("поздно").after(Duration.ofSeconds(5)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.decide(input("ru", "Привет")))
                .isInstanceOf(LlmTimeoutException.class)
                .isInstanceOf(LlmUnavailableException.class)
                .hasMessageContaining("did not answer within 500 ms");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void theKeyIsNeverPrinted() {
        assertThat(brain.config().toString()).doesNotContain("sk-test").contains("apiKey=***");
    }

    @Test
    void theTenantsKnowledgeEntriesGroundThePromptWithTheRuleNotToStateOtherFacts() {
        openAi.enqueue(Answer.toolCalls(call("reply", "{\"text\":\"Да, окна входят.\"}")));
        TurnInput plain = input("ru", "окна входят в цену?");
        KnowledgeBase kb =
                KnowledgeBase.of(
                        List.of(
                                new KnowledgeBase.Item(
                                        "7",
                                        "Окна в комплекте",
                                        List.of("Окна входят в цену?"),
                                        "Два окна ПВХ 1200×1400 входят в комплект."),
                                new KnowledgeBase.Item(
                                        "8",
                                        "Гарантия",
                                        List.of(),
                                        "Гарантия на панели — 7 лет.")));
        TurnInput grounded =
                new TurnInput(
                        plain.state(),
                        plain.burst(),
                        plain.history(),
                        plain.pack(),
                        plain.packSettings(),
                        plain.locale(),
                        plain.tenantPrompt(),
                        kb);

        brain.decide(grounded);

        String prompt =
                openAi.lastRequest()
                        .json()
                        .getJsonArray("messages")
                        .getJsonObject(0)
                        .getString("content");
        assertThat(prompt)
                .contains("## База знаний")
                .contains("ТОЛЬКО по этим записям")
                .contains("Не сообщай никаких фактов")
                .contains("ответит специалист во время звонка")
                .contains("[Окна в комплекте] Два окна ПВХ 1200×1400 входят в комплект.");
        assertThat(prompt.indexOf("[Окна в комплекте]"))
                .as("the best entry comes first")
                .isLessThan(Math.max(prompt.indexOf("[Гарантия]"), prompt.length()));
    }

    @Test
    void withoutAKnowledgeBaseThePromptHasNoKnowledgeSection() {
        openAi.enqueue(Answer.toolCalls(call("reply", "{\"text\":\"Хорошо\"}")));
        brain.decide(input("ru", "окна входят в цену?"));
        assertThat(
                        openAi.lastRequest()
                                .json()
                                .getJsonArray("messages")
                                .getJsonObject(0)
                                .getString("content"))
                .doesNotContain("База знаний");
    }
}
