package com.buildcrm.it;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * An OpenAI-compatible chat-completions endpoint on 127.0.0.1 speaking the real wire format: {@code
 * POST {baseUrl}/chat/completions} answered with a {@code chat.completion} whose message has {@code
 * content} and/or {@code tool_calls} (with {@code function.arguments} as a JSON string).
 *
 * <p>Scriptable: queue answers ({@link Answer#text}, {@link Answer#toolCalls}, {@link
 * Answer#status}, {@link Answer#raw}, each optionally {@link Answer#after delayed}); when the queue
 * is empty the {@link #defaultAnswer(Answer) default answer} is given. Every request is recorded.
 */
public final class FakeOpenAi extends FakeHttpEndpoint<FakeOpenAi.Answer, FakeOpenAi.Request> {

    /** One tool call of a scripted answer; {@code arguments} is the JSON text the model sends. */
    public record ToolCall(String name, String arguments) {}

    /** One scripted answer. */
    public record Answer(int status, String body, Duration delay) implements Scripted {

        /** A plain assistant message (no tool call). */
        public static Answer text(String text) {
            return completion(text, List.of());
        }

        /** An assistant message with tool calls only. */
        public static Answer toolCalls(ToolCall... calls) {
            return completion(null, List.of(calls));
        }

        /** An assistant message with text and tool calls. */
        public static Answer textAndToolCalls(String text, ToolCall... calls) {
            return completion(text, List.of(calls));
        }

        /** An error status with OpenAI's error body. */
        public static Answer status(int status) {
            String body =
                    Json.createObjectBuilder()
                            .add(
                                    "error",
                                    Json.createObjectBuilder()
                                            .add("message", "fake error " + status)
                                            .add("type", "server_error")
                                            .add("code", String.valueOf(status)))
                            .build()
                            .toString();
            return new Answer(status, body, Duration.ZERO);
        }

        /** Any body with any status (e.g. garbage JSON). */
        public static Answer raw(int status, String body) {
            return new Answer(status, body, Duration.ZERO);
        }

        /** The same answer, sent after {@code delay}. */
        public Answer after(Duration delay) {
            return new Answer(status, body, delay);
        }

        private static Answer completion(String text, List<ToolCall> calls) {
            JsonObjectBuilder message = Json.createObjectBuilder().add("role", "assistant");
            if (text == null) {
                message.addNull("content");
            } else {
                message.add("content", text);
            }
            if (!calls.isEmpty()) {
                JsonArrayBuilder toolCalls = Json.createArrayBuilder();
                int i = 0;
                for (ToolCall call : calls) {
                    toolCalls.add(
                            Json.createObjectBuilder()
                                    .add("id", "call_" + (++i))
                                    .add("type", "function")
                                    .add(
                                            "function",
                                            Json.createObjectBuilder()
                                                    .add("name", call.name())
                                                    .add("arguments", call.arguments())));
                }
                message.add("tool_calls", toolCalls);
            }
            String body =
                    Json.createObjectBuilder()
                            .add("id", "chatcmpl-fake")
                            .add("object", "chat.completion")
                            .add("created", 1_700_000_000L)
                            .add("model", "fake-model")
                            .add(
                                    "choices",
                                    Json.createArrayBuilder()
                                            .add(
                                                    Json.createObjectBuilder()
                                                            .add("index", 0)
                                                            .add("message", message)
                                                            .add(
                                                                    "finish_reason",
                                                                    calls.isEmpty()
                                                                            ? "stop"
                                                                            : "tool_calls")))
                            .add(
                                    "usage",
                                    Json.createObjectBuilder()
                                            .add("prompt_tokens", 100)
                                            .add("completion_tokens", 20)
                                            .add("total_tokens", 120))
                            .build()
                            .toString();
            return new Answer(200, body, Duration.ZERO);
        }
    }

    /** One request as the fake received it. */
    public record Request(String method, String path, String authorization, String body) {
        /** The body as JSON. */
        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    public FakeOpenAi() throws IOException {
        super("fake-openai", Answer.text("Здравствуйте! Чем могу помочь?"));
    }

    /** Queues answers, given in this order to the next requests. */
    public FakeOpenAi enqueue(Answer... next) {
        queue(List.of(next));
        return this;
    }

    /** The answer when nothing is queued. */
    public FakeOpenAi defaultAnswer(Answer answer) {
        answerByDefault(answer);
        return this;
    }

    /** The latest request. */
    public Request lastRequest() {
        List<Request> all = requests();
        if (all.isEmpty()) {
            throw new IllegalStateException("no request yet");
        }
        return all.get(all.size() - 1);
    }

    @Override
    protected String servedPath() {
        return "/chat/completions";
    }

    @Override
    protected Request record(HttpExchange exchange, byte[] body) {
        return new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(body, StandardCharsets.UTF_8));
    }

    @Override
    protected Answer notFound() {
        return Answer.status(404);
    }
}
