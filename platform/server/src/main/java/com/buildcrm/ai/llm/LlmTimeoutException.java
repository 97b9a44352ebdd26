package com.buildcrm.ai.llm;

/**
 * The LLM endpoint did not answer within the configured HTTP time limit. Unavailable, but not
 * retried: a second wait would delay the client's answer past what the turn allows.
 */
public class LlmTimeoutException extends LlmUnavailableException {
    private static final long serialVersionUID = 1L;

    public LlmTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
