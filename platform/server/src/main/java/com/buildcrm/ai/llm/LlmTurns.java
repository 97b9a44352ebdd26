package com.buildcrm.ai.llm;

import com.buildcrm.ai.llm.AiBrains.Decision;
import com.buildcrm.brain.InvalidActionException;
import com.buildcrm.brain.TurnInput;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The LLM brain behind MicroProfile Fault Tolerance. Called only through its CDI proxy (from {@link
 * AiBrains}), or the annotations do nothing.
 *
 * <ul>
 *   <li>{@code @Timeout} 4 s as a safety net over the 3 s HTTP limit (a timed-out call is not
 *       retried, so a client gets the rule brain's answer within the debounce + 5 s) (configurable:
 *       {@code com.buildcrm.ai.llm.LlmTurns/decide/Timeout/value} in ms);
 *   <li>{@code @Retry} once, not for a refused request or invalid actions (the same request would
 *       get the same answer);
 *   <li>{@code @CircuitBreaker}: after half of 10 calls failed, the LLM is not called for 30 s. It
 *       is one breaker for the whole instance, so a tenant's wrong key or model ({@link
 *       LlmRejectedException}) and a model's nonsense ({@link InvalidActionException}) do not count
 *       — only an unavailable endpoint does;
 *   <li>{@code @Fallback}: the rule brain ({@link RulesFallback}), with the failure as reason.
 * </ul>
 */
@ApplicationScoped
public class LlmTurns {

    private static final int MAX_CACHED_BRAINS = 256;

    /** One brain (and HTTP client) per distinct configuration. */
    private final Map<LlmConfig, LlmBrain> brains = new ConcurrentHashMap<>();

    @Timeout(4000)
    @Retry(
            maxRetries = 1,
            delay = 200,
            jitter = 100,
            abortOn = {
                InvalidActionException.class,
                LlmRejectedException.class,
                LlmTimeoutException.class,
                org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException.class
            })
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 30_000,
            successThreshold = 2,
            skipOn = {InvalidActionException.class, LlmRejectedException.class})
    @Fallback(RulesFallback.class)
    public Decision decide(TurnInput input, LlmConfig config, int greetingStepCount) {
        return new Decision(brain(config).decide(input, greetingStepCount), AiBrains.LLM, null);
    }

    private LlmBrain brain(LlmConfig config) {
        if (brains.size() > MAX_CACHED_BRAINS) {
            brains.clear();
        }
        return brains.computeIfAbsent(config, LlmBrain::new);
    }
}
