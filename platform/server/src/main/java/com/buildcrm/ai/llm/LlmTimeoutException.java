package com.buildcrm.ai.llm;

/**
 * The LLM did not answer within the time limit. Not retried (the client is waiting: the rule brain
 * answers at once), but it counts for the circuit breaker like any other unavailability.
 */
public class LlmTimeoutException extends LlmUnavailableException {
    private static final long serialVersionUID = 1L;

    public LlmTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
