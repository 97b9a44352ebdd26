package com.buildcrm.summary;

import com.buildcrm.ai.llm.LlmConfig;
import com.buildcrm.plugin.api.Locales;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the tenant's LLM to condense the rule summary into a few sentences (ADR 034). The LLM may
 * only rephrase: its answer is refused when it names a number the rule summary does not contain, is
 * empty or too long. Any failure (timeout, HTTP error, refusal) gives an empty result and the rule
 * summary stands.
 */
public final class SummaryWriter {

    /** The longest condensed text accepted, in characters. */
    static final int MAX_TEXT = 600;

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");

    private SummaryWriter() {}

    /** The condensed text, or empty when the LLM failed or broke the rules. */
    public static Optional<String> condense(LlmConfig config, String facts, String locale) {
        try {
            ChatModel model =
                    OpenAiChatModel.builder()
                            .baseUrl(config.baseUrl())
                            .apiKey(config.apiKey().isBlank() ? "none" : config.apiKey())
                            .modelName(config.model())
                            .temperature(0.0)
                            .timeout(config.timeout())
                            .maxRetries(0)
                            .build();
            ChatResponse response =
                    model.chat(
                            ChatRequest.builder()
                                    .messages(
                                            SystemMessage.from(instructions(locale)),
                                            UserMessage.from(facts))
                                    .build());
            String text =
                    response == null || response.aiMessage() == null
                            ? null
                            : response.aiMessage().text();
            return accepted(text, facts);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The instructions: condense, in the tenant's language, nothing new. */
    static String instructions(String locale) {
        return Locales.isEnglish(locale)
                ? "You help a sales manager who takes over a client's chat. Condense the facts the"
                        + " user gives into two or three short sentences in English: what the client"
                        + " wants, what is known, what is still unknown. Use only these facts. Do not"
                        + " add prices, numbers, dates, promises or anything else that is not in"
                        + " them. Plain text, no lists, no greeting."
                : "Ты помогаешь менеджеру по продажам, который принимает чат с клиентом. Сожми"
                        + " факты пользователя в два-три коротких предложения на русском: что хочет"
                        + " клиент, что известно, что ещё не известно. Используй только эти факты."
                        + " Не добавляй цены, числа, даты, обещания и ничего, чего в них нет."
                        + " Обычный текст, без списков и приветствий.";
    }

    /**
     * The LLM's text if it keeps to the facts: not blank, at most {@value #MAX_TEXT} characters,
     * and every number in it appears in the facts.
     */
    static Optional<String> accepted(String text, String facts) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > MAX_TEXT) {
            return Optional.empty();
        }
        Set<String> known = numbers(facts);
        for (String n : numbers(t)) {
            if (!known.contains(n)) {
                return Optional.empty();
            }
        }
        return Optional.of(t);
    }

    private static Set<String> numbers(String s) {
        Set<String> found = new HashSet<>();
        Matcher m = NUMBER.matcher(s);
        while (m.find()) {
            found.add(m.group().replace(',', '.'));
        }
        return found;
    }
}
