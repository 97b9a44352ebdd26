package com.buildcrm.ai.llm;

import com.buildcrm.ai.llm.AiBrains.Decision;
import com.buildcrm.brain.TurnInput;
import jakarta.enterprise.context.Dependent;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** When the LLM turn fails, the rule brain answers; the decision carries why. */
@Dependent
public class RulesFallback implements FallbackHandler<Decision> {

    private static final Logger LOG = Logger.getLogger(RulesFallback.class.getName());

    @Override
    public Decision handle(ExecutionContext context) {
        Object[] params = context.getParameters();
        TurnInput input = (TurnInput) params[0];
        int greetingStepCount = (Integer) params[2];
        // A timeout interrupts this thread (that is how Fault Tolerance stops the call). The flag
        // must not leak into the rule brain: its guarded pack calls would see it and give up.
        boolean interrupted = Thread.interrupted();
        String reason = reason(context.getFailure());
        if (interrupted) {
            LOG.fine("cleared the interrupt left by the LLM call's timeout");
        }
        LOG.warning(() -> "LLM brain failed, the rule brain answers: " + reason);
        return AiBrains.rules(input, greetingStepCount, reason);
    }

    static String reason(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return "circuit open: the LLM failed repeatedly, not called for a while";
        }
        if (failure instanceof TimeoutException) {
            return "timeout: the LLM did not answer in time";
        }
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        String reason = failure.getClass().getSimpleName() + message;
        return reason.length() > 500 ? reason.substring(0, 500) + "…" : reason;
    }
}
