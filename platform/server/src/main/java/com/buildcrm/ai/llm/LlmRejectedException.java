package com.buildcrm.ai.llm;

/**
 * The LLM endpoint refused the request itself (HTTP 400, 401, 403, 404: a wrong key, model or base
 * URL in the tenant's AI settings). Retrying cannot help, and one tenant's wrong settings must not
 * open the circuit breaker for every tenant.
 */
public class LlmRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LlmRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
