package com.buildcrm.ai.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.ai.llm.AiBrains.Decision;
import com.buildcrm.brain.Action;
import com.buildcrm.brain.LeadState;
import com.buildcrm.brain.TurnInput;
import com.buildcrm.it.FakeOpenAi;
import com.buildcrm.it.FakeOpenAi.Answer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which brain answers, without a container (Fault Tolerance runs inside Payara only). */
class AiBrainsTest {

    private FakeOpenAi openAi;
    private final AiBrains brains = new AiBrains();

    @BeforeEach
    void start() throws Exception {
        openAi = new FakeOpenAi();
        brains.llmTurns = new LlmTurns();
    }

    @AfterEach
    void stop() {
        openAi.close();
    }

    private static TurnInput input(String... burst) {
        return new TurnInput(
                LeadState.fresh(), List.of(burst), List.of(), new HousesPack(), Map.of(), "ru", "");
    }

    @Test
    void withoutAnLlmTheRuleBrainAnswersValidated() {
        Decision decision =
                brains.decide(input("Здравствуйте, сколько стоит дом?"), Optional.empty());

        assertThat(decision.brain()).isEqualTo(AiBrains.RULES);
        assertThat(decision.fellBack()).isFalse();
        assertThat(decision.actions())
                .anySatisfy(a -> assertThat(a).isInstanceOf(Action.Reply.class));
        assertThat(openAi.requests()).isEmpty();
    }

    @Test
    void withAnLlmTheLlmAnswers() {
        openAi.enqueue(Answer.text("Здравствуйте! Из какого вы города?"));
        LlmConfig llm = new LlmConfig(openAi.baseUrl(), "m", "k", null, "", Duration.ofSeconds(5));

        Decision decision = brains.decide(input("Здравствуйте"), Optional.of(llm));

        assertThat(decision.brain()).isEqualTo(AiBrains.LLM);
        assertThat(decision.actions())
                .containsExactly(new Action.Reply("Здравствуйте! Из какого вы города?"));
        assertThat(openAi.requests()).hasSize(1);
    }
}
