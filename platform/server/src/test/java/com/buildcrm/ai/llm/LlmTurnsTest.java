package com.buildcrm.ai.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.ai.llm.AiBrains.Decision;
import com.buildcrm.brain.Action;
import com.buildcrm.brain.InvalidActionException;
import com.buildcrm.brain.LeadState;
import com.buildcrm.brain.TurnInput;
import com.buildcrm.it.FakeOpenAi;
import com.buildcrm.it.FakeOpenAi.Answer;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The LLM turn and its fallback handler without a container. (Fault Tolerance itself runs inside
 * Payara; the server's ITs cover it end to end.)
 */
class LlmTurnsTest {

    private FakeOpenAi openAi;
    private final LlmTurns turns = new LlmTurns();

    @BeforeEach
    void start() throws Exception {
        openAi = new FakeOpenAi();
    }

    @AfterEach
    void stop() {
        openAi.close();
    }

    private static TurnInput input(String... burst) {
        return new TurnInput(
                LeadState.fresh(), List.of(burst), List.of(), new HousesPack(), Map.of(), "ru", "");
    }

    private LlmConfig config() {
        return new LlmConfig(openAi.baseUrl(), "gpt-test", "sk", null, "", Duration.ofSeconds(5));
    }

    @Test
    void withAnLlmItsValidatedActionsAnswer() {
        openAi.enqueue(Answer.text("Здравствуйте! Из какого вы города?"));

        Decision decision = turns.decide(input("Здравствуйте"), config(), 2);

        assertThat(decision)
                .isEqualTo(
                        new Decision(
                                List.of(new Action.Reply("Здравствуйте! Из какого вы города?")),
                                AiBrains.LLM,
                                null));
        assertThat(openAi.requests()).hasSize(1);
    }

    @Test
    void theFallbackIsTheRuleBrainWithTheReason() throws Exception {
        TurnInput input = input("Здравствуйте, сколько стоит дом?");
        RulesFallback fallback = new RulesFallback();

        Decision decision =
                fallback.handle(
                        context(
                                new Object[] {input, config(), 2},
                                new LlmUnavailableException(
                                        "the LLM at x failed with HTTP 503", null)));

        assertThat(decision.brain()).isEqualTo(AiBrains.RULES);
        assertThat(decision.fallbackReason())
                .isEqualTo("LlmUnavailableException: the LLM at x failed with HTTP 503");
        assertThat(decision.actions()).isEqualTo(AiBrains.rules(input, 2, null).actions());
        assertThat(RulesFallback.reason(new TimeoutException())).startsWith("timeout");
        assertThat(RulesFallback.reason(new CircuitBreakerOpenException()))
                .startsWith("circuit open");
        assertThat(RulesFallback.reason(new InvalidActionException("unknown tool 'x'")))
                .isEqualTo("InvalidActionException: unknown tool 'x'");
    }

    @Test
    void theFallbackClearsTheInterruptLeftByATimeout() throws Exception {
        TurnInput input = input("Здравствуйте");
        Thread.currentThread().interrupt();

        Decision decision =
                new RulesFallback()
                        .handle(context(new Object[] {input, config(), 2}, new TimeoutException()));

        assertThat(Thread.interrupted()).isFalse();
        assertThat(decision.fallbackReason()).startsWith("timeout");
        assertThat(decision.actions()).isNotEmpty();
    }

    private static ExecutionContext context(Object[] parameters, Throwable failure)
            throws NoSuchMethodException {
        Method method =
                LlmTurns.class.getMethod("decide", TurnInput.class, LlmConfig.class, int.class);
        return new ExecutionContext() {
            @Override
            public Method getMethod() {
                return method;
            }

            @Override
            public Object[] getParameters() {
                return parameters;
            }

            @Override
            public Throwable getFailure() {
                return failure;
            }
        };
    }
}
