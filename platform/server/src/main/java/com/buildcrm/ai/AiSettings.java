package com.buildcrm.ai;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A tenant's AI settings as the platform uses them (the API key decrypted; never returned).
 *
 * @param enabled the AI manager answers this tenant's leads
 * @param brain {@code rules} (offline) or {@code llm}
 * @param prompt the operator's prompt for this tenant (LLM brain)
 * @param llmBaseUrl OpenAI-compatible base URL, e.g. {@code https://api.openai.com/v1}
 * @param llmModel model name
 * @param llmApiKey the key, decrypted, if set
 * @param llmTemperature sampling temperature 0–2
 * @param debounceMs how long the AI waits after a client message for more messages of the burst
 */
public record AiSettings(
        boolean enabled,
        String brain,
        String prompt,
        String llmBaseUrl,
        String llmModel,
        Optional<String> llmApiKey,
        BigDecimal llmTemperature,
        int debounceMs) {

    public static final int DEFAULT_DEBOUNCE_MS = 4000;

    /** The defaults of a tenant the operator has not configured: AI on, rule brain. */
    public static AiSettings defaults() {
        return new AiSettings(
                true,
                "rules",
                "",
                null,
                null,
                Optional.empty(),
                new BigDecimal("0.3"),
                DEFAULT_DEBOUNCE_MS);
    }

    public boolean usesLlm() {
        return "llm".equals(brain) && llmBaseUrl != null && llmModel != null;
    }
}
