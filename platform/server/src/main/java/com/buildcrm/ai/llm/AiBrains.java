package com.buildcrm.ai.llm;

import com.buildcrm.brain.Action;
import com.buildcrm.brain.ActionValidator;
import com.buildcrm.brain.RuleBrain;
import com.buildcrm.brain.TurnInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the brain of a turn: the LLM brain when the tenant has an LLM configured (guarded by
 * MicroProfile Fault Tolerance in {@link LlmTurns}: timeout, one retry, circuit breaker, and the
 * rule brain as fallback), otherwise the offline rule brain. Either way the actions come back
 * validated against the pack's schema.
 */
@ApplicationScoped
public class AiBrains {

    /** {@link Decision#brain()} of an LLM answer. */
    public static final String LLM = "llm";

    /** {@link Decision#brain()} of a rule-brain answer. */
    public static final String RULES = "rules";

    /**
     * The validated actions of a turn and who decided them.
     *
     * @param actions the actions, validated ({@code ActionValidator})
     * @param brain {@value #LLM} or {@value #RULES}
     * @param fallbackReason why the rule brain answered instead of the configured LLM (the
     *     failure's type and message, no tenant data), or {@code null}
     */
    public record Decision(List<Action> actions, String brain, String fallbackReason) {
        public Decision {
            actions = List.copyOf(actions);
            Objects.requireNonNull(brain, "brain");
        }

        /** Whether the rule brain stood in for a failed LLM. */
        public boolean fellBack() {
            return fallbackReason != null;
        }
    }

    @Inject LlmTurns llmTurns;

    /** Decides with the pack's default greeting chain as the tenant's chain. */
    public Decision decide(TurnInput input, Optional<LlmConfig> llm) {
        return decide(input, llm, input.pack().defaultGreeting(input.locale()).size());
    }

    /**
     * Decides one turn.
     *
     * @param llm the tenant's LLM, or empty for the rule brain
     * @param greetingStepCount steps of the tenant's greeting chain
     */
    public Decision decide(TurnInput input, Optional<LlmConfig> llm, int greetingStepCount) {
        if (llm.isEmpty()) {
            return rules(input, greetingStepCount, null);
        }
        return llmTurns.decide(input, llm.get(), greetingStepCount);
    }

    /** The offline rule brain's validated decision. */
    public static Decision rules(TurnInput input, int greetingStepCount, String fallbackReason) {
        List<Action> actions =
                ActionValidator.validate(
                        new RuleBrain().decide(input),
                        input.pack().qualificationSchema(),
                        greetingStepCount);
        return new Decision(actions, RULES, fallbackReason);
    }
}
