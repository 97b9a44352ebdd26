package com.buildcrm.ai.voice;

import java.util.Objects;

/**
 * An OpenAI-compatible speech-to-text endpoint: {@code POST {baseUrl}/audio/transcriptions}
 * (multipart {@code file}, {@code model}; answer {@code {"text": …}}).
 *
 * @param baseUrl the API base, e.g. {@code https://api.openai.com/v1}
 * @param model the model name, e.g. {@code whisper-1}
 * @param apiKey the key (blank for endpoints without one); never printed
 */
public record TranscriptionEndpoint(String baseUrl, String model, String apiKey) {

    public TranscriptionEndpoint {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
        model = model.strip();
        if (baseUrl.isEmpty() || model.isEmpty()) {
            throw new IllegalArgumentException("baseUrl and model are required");
        }
        apiKey = apiKey == null ? "" : apiKey;
    }

    /** Never prints the key (a record's own toString would). */
    @Override
    public String toString() {
        return "TranscriptionEndpoint[baseUrl="
                + baseUrl
                + ", model="
                + model
                + ", apiKey="
                + (apiKey.isEmpty() ? "none" : "***")
                + "]";
    }
}
