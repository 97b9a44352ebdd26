package com.buildcrm.ai.voice;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The transcription call behind MicroProfile Fault Tolerance (the way {@code LlmTurns} guards the
 * LLM). Called only through its CDI proxy, or the annotations do nothing.
 *
 * <ul>
 *   <li>{@code @Timeout} 5 s over a 4 s HTTP limit, so a hanging endpoint costs a turn at most 5 s
 *       (configurable: {@code com.buildcrm.ai.voice.Transcriptions/transcribe/Timeout/value});
 *   <li>no retry: a voice note that failed is answered as untranscribed at once, not late;
 *   <li>{@code @CircuitBreaker}: after half of 4 calls failed, the endpoint is not called for 60 s
 *       (one breaker for the instance, so a tenant's refused key or model does not count — only an
 *       unavailable or garbled endpoint does);
 *   <li>{@code @Fallback}: "not transcribed" with the reason; the turn goes on without the text.
 * </ul>
 */
@ApplicationScoped
public class Transcriptions {

    private final OpenAiTranscriber transcriber = new OpenAiTranscriber(Duration.ofSeconds(4));

    @Timeout(5000)
    @CircuitBreaker(
            requestVolumeThreshold = 4,
            failureRatio = 0.5,
            delay = 60_000,
            successThreshold = 1,
            skipOn = TranscriptionRejectedException.class)
    @Fallback(NotTranscribed.class)
    public TranscriptionResult transcribe(
            TranscriptionEndpoint endpoint, byte[] audio, String mimeType) {
        return TranscriptionResult.of(transcriber.transcribe(endpoint, audio, mimeType));
    }

    static String reason(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return "circuit open: the endpoint failed repeatedly, not called for a while";
        }
        if (failure instanceof TimeoutException) {
            return "timeout: the endpoint did not answer in time";
        }
        if (failure == null) {
            return "unknown failure";
        }
        return failure.getMessage() == null
                ? failure.getClass().getSimpleName()
                : failure.getMessage();
    }
}
