package com.buildcrm.ai.voice;

/**
 * The endpoint refused the request (400/401/403/404: a wrong key, model or URL). One tenant's
 * mistake: it does not count towards the instance-wide circuit breaker.
 */
public class TranscriptionRejectedException extends TranscriptionFailedException {

    public TranscriptionRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
