package com.buildcrm.ai.llm;

/**
 * The LLM endpoint did not give a usable answer this time: timeout, connection failure, HTTP 429 or
 * 5xx, or a body that is not a chat completion. Worth one retry; counts for the circuit breaker.
 */
public class LlmUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LlmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
