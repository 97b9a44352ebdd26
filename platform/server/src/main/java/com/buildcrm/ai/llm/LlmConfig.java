package com.buildcrm.ai.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * A tenant's LLM: any OpenAI-compatible chat-completions endpoint (OpenAI, OpenRouter, Azure, a
 * local Ollama or vLLM).
 *
 * @param baseUrl the API base, e.g. {@code https://api.openai.com/v1} ({@code /chat/completions} is
 *     appended)
 * @param model the model name, e.g. {@code gpt-4o-mini}
 * @param apiKey the key (blank for endpoints without one); never printed
 * @param temperature sampling temperature, or {@code null} for the model's default
 * @param prompt the operator's extra instructions from the tenant's AI settings (may be empty)
 * @param timeout the HTTP time limit of one call (default 3 s; a timeout is not retried)
 */
public record LlmConfig(
        String baseUrl,
        String model,
        String apiKey,
        Double temperature,
        String prompt,
        Duration timeout) {

    public LlmConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        baseUrl = baseUrl.trim().replaceAll("/+$", "");
        if (baseUrl.isEmpty() || model.isBlank()) {
            throw new IllegalArgumentException("baseUrl and model are required");
        }
        apiKey = apiKey == null ? "" : apiKey;
        prompt = prompt == null ? "" : prompt;
        timeout =
                timeout == null || timeout.isZero() || timeout.isNegative()
                        ? Duration.ofSeconds(3)
                        : timeout;
    }

    /**
     * The HTTP limit of one LLM call, from {@code buildcrm.llm.timeout.ms} (default 3 s, read
     * once); Fault Tolerance's {@code @Timeout} on {@link LlmTurns} is the binding one.
     */
    public static Duration configuredTimeout() {
        return ConfiguredTimeout.VALUE;
    }

    /** Read on first use, so plain unit tests that never ask need no MicroProfile Config. */
    private static final class ConfiguredTimeout {
        static final Duration VALUE =
                Duration.ofMillis(
                        org.eclipse.microprofile.config.ConfigProvider.getConfig()
                                .getOptionalValue("buildcrm.llm.timeout.ms", Long.class)
                                .orElse(3000L));
    }

    /** Never prints the key (a record's own toString would). */
    @Override
    public String toString() {
        return "LlmConfig[baseUrl="
                + baseUrl
                + ", model="
                + model
                + ", apiKey="
                + (apiKey.isEmpty() ? "none" : "***")
                + ", temperature="
                + temperature
                + ", timeout="
                + timeout
                + "]";
    }
}
