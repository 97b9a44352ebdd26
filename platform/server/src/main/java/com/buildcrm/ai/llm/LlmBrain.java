package com.buildcrm.ai.llm;

import com.buildcrm.brain.Action;
import com.buildcrm.brain.ActionValidator;
import com.buildcrm.brain.Brain;
import com.buildcrm.brain.HistoryLine;
import com.buildcrm.brain.InvalidActionException;
import com.buildcrm.brain.TurnInput;
import com.buildcrm.plugin.api.QualificationField;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The LLM brain: one chat completion per turn on any OpenAI-compatible endpoint (LangChain4j's
 * {@code OpenAiChatModel}), with the AI manager's actions offered as tools. It executes nothing:
 * the model's tool calls become {@link Action}s, validated against the pack's schema before they
 * are returned. No retries here (that is Fault Tolerance's job in {@code AiBrains}).
 *
 * <p>Failures: {@link LlmUnavailableException} (timeout, I/O, 429/5xx, a body that is not a chat
 * completion), {@link LlmRejectedException} (400/401/403/404: wrong key, model or URL), {@link
 * InvalidActionException} (unknown tool, bad arguments, an action the core refuses).
 */
public final class LlmBrain implements Brain {

    private final LlmConfig config;
    private final ChatModel model;

    public LlmBrain(LlmConfig config) {
        this.config = config;
        this.model =
                OpenAiChatModel.builder()
                        .baseUrl(config.baseUrl())
                        .apiKey(config.apiKey().isBlank() ? "none" : config.apiKey())
                        .modelName(config.model())
                        .temperature(config.temperature())
                        .timeout(config.timeout())
                        .maxRetries(0)
                        .build();
    }

    public LlmConfig config() {
        return config;
    }

    /** Decides with the pack's default greeting chain as the tenant's chain. */
    @Override
    public List<Action> decide(TurnInput input) {
        return decide(input, input.pack().defaultGreeting(input.locale()).size());
    }

    /**
     * The validated actions of this turn.
     *
     * @param greetingStepCount steps of the tenant's greeting chain ({@code send_greeting_step}
     *     indexes must be below it)
     */
    public List<Action> decide(TurnInput input, int greetingStepCount) {
        List<QualificationField> schema = input.pack().qualificationSchema();
        String industry = input.pack().industryPrompt(input.locale());
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(
                SystemMessage.from(
                        SystemPrompt.build(input, config, schema, industry, greetingStepCount)));
        for (HistoryLine line : input.history()) {
            if (line.text() == null || line.text().isBlank()) {
                continue;
            }
            messages.add(
                    line.fromClient()
                            ? UserMessage.from(line.text())
                            : AiMessage.from(line.text()));
        }
        String burst =
                String.join(
                        "\n",
                        input.burst().stream().filter(s -> s != null && !s.isBlank()).toList());
        messages.add(UserMessage.from(burst.isBlank() ? "…" : burst));

        ChatRequest request =
                ChatRequest.builder()
                        .messages(messages)
                        .toolSpecifications(LlmTools.specifications(schema, greetingStepCount))
                        .build();
        AiMessage answer = call(request);
        return ActionValidator.validate(LlmTools.actions(answer), schema, greetingStepCount);
    }

    private AiMessage call(ChatRequest request) {
        ChatResponse response;
        try {
            response = model.chat(request);
        } catch (RuntimeException e) {
            throw classify(e);
        }
        if (response == null || response.aiMessage() == null) {
            throw new LlmUnavailableException(
                    "the LLM at " + config.baseUrl() + " answered no message", null);
        }
        return response.aiMessage();
    }

    private RuntimeException classify(RuntimeException e) {
        int status = statusOf(e);
        String where = "the LLM at " + config.baseUrl() + " (model " + config.model() + ")";
        if (e instanceof AuthenticationException
                || e instanceof ModelNotFoundException
                || e instanceof InvalidRequestException
                || status == 400
                || status == 401
                || status == 403
                || status == 404) {
            return new LlmRejectedException(
                    where
                            + " refused the request"
                            + (status > 0 ? " with HTTP " + status : "")
                            + ": "
                            + brief(e),
                    e);
        }
        if (timedOut(e)) {
            return new LlmTimeoutException(
                    where + " did not answer within " + config.timeout().toMillis() + " ms", e);
        }
        return new LlmUnavailableException(
                where + " failed" + (status > 0 ? " with HTTP " + status : "") + ": " + brief(e),
                e);
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.http.HttpTimeoutException
                    || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t.getClass().getSimpleName().equals("TimeoutException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static int statusOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h) {
                return h.statusCode();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return -1;
    }

    private static String brief(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        message = message.replaceAll("\\s+", " ");
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
