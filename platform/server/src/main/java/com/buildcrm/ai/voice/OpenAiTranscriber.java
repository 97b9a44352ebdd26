package com.buildcrm.ai.voice;

import dev.langchain4j.data.audio.Audio;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.audio.AudioTranscriptionRequest;
import dev.langchain4j.model.audio.AudioTranscriptionResponse;
import dev.langchain4j.model.openai.OpenAiAudioTranscriptionModel;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Speech to text on any OpenAI-compatible {@code /audio/transcriptions} endpoint, through
 * LangChain4j's {@code OpenAiAudioTranscriptionModel} (multipart {@code file} + {@code model},
 * answer {@code {"text": …}}). No retries and no time guard beyond the HTTP limit: that is Fault
 * Tolerance's job in {@link Transcriptions}.
 */
public final class OpenAiTranscriber {

    /** A transcript longer than this is cut (a voice note is rarely over a few hundred words). */
    static final int MAX_TEXT = 4000;

    private static final int MAX_CACHED = 64;

    private final Duration httpTimeout;
    private final Map<TranscriptionEndpoint, OpenAiAudioTranscriptionModel> models =
            new ConcurrentHashMap<>();

    public OpenAiTranscriber(Duration httpTimeout) {
        this.httpTimeout = httpTimeout;
    }

    /**
     * The text of one audio file.
     *
     * @param mimeType the file's type as stored (parameters such as {@code codecs=opus} ignored);
     *     it names the file sent ({@code audio.ogg}), which is how the endpoint learns the format
     * @throws TranscriptionFailedException when the endpoint failed or answered without text
     */
    public String transcribe(TranscriptionEndpoint endpoint, byte[] audio, String mimeType) {
        AudioTranscriptionResponse response;
        try {
            response =
                    model(endpoint)
                            .transcribe(
                                    AudioTranscriptionRequest.builder()
                                            .audio(
                                                    Audio.builder()
                                                            .binaryData(audio)
                                                            .mimeType(baseType(mimeType))
                                                            .build())
                                            .build());
        } catch (AuthenticationException | InvalidRequestException | ModelNotFoundException e) {
            throw new TranscriptionRejectedException(reason(e), e);
        } catch (RuntimeException e) {
            throw new TranscriptionFailedException(reason(e), e);
        }
        String text = response == null ? null : response.text();
        if (text == null || text.isBlank()) {
            throw new TranscriptionFailedException("the endpoint answered without text");
        }
        String clean = text.strip();
        return clean.length() > MAX_TEXT ? clean.substring(0, MAX_TEXT) + "…" : clean;
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        String reason = e.getClass().getSimpleName() + message;
        return reason.length() > 300 ? reason.substring(0, 300) + "…" : reason;
    }

    private OpenAiAudioTranscriptionModel model(TranscriptionEndpoint endpoint) {
        if (models.size() > MAX_CACHED) {
            models.clear();
        }
        return models.computeIfAbsent(
                endpoint,
                e ->
                        OpenAiAudioTranscriptionModel.builder()
                                .baseUrl(e.baseUrl())
                                .apiKey(e.apiKey().isBlank() ? "none" : e.apiKey())
                                .modelName(e.model())
                                .timeout(httpTimeout)
                                .maxRetries(0)
                                .build());
    }

    /** {@code audio/ogg; codecs=opus} → {@code audio/ogg}; WhatsApp's voice notes are OGG/Opus. */
    static String baseType(String mimeType) {
        if (mimeType == null || mimeType.isBlank()) {
            return "audio/ogg";
        }
        String base = mimeType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return base.equals("audio/opus") || base.equals("application/ogg") ? "audio/ogg" : base;
    }
}
