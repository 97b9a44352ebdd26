package com.buildcrm.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat-completions endpoint on 127.0.0.1 speaking the real wire format: {@code
 * POST {baseUrl}/chat/completions} answered with a {@code chat.completion} whose message has {@code
 * content} and/or {@code tool_calls} (with {@code function.arguments} as a JSON string).
 *
 * <p>Scriptable: queue answers ({@link Answer#text}, {@link Answer#toolCalls}, {@link
 * Answer#status}, {@link Answer#raw}, each optionally {@link Answer#after delayed}); when the queue
 * is empty the {@link #defaultAnswer(Answer) default answer} is given. Every request is recorded.
 */
public final class FakeOpenAi implements AutoCloseable {

    /** One tool call of a scripted answer; {@code arguments} is the JSON text the model sends. */
    public record ToolCall(String name, String arguments) {}

    /** One scripted answer. */
    public record Answer(int status, String body, Duration delay) {

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

    private final HttpServer server;
    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Answer defaultAnswer = Answer.text("Здравствуйте! Чем могу помочь?");

    public FakeOpenAi() throws IOException {
        AtomicInteger threads = new AtomicInteger();
        executor =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "fake-openai-" + threads.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL to configure, e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Queues answers, given in this order to the next requests. */
    public FakeOpenAi enqueue(Answer... next) {
        answers.addAll(List.of(next));
        return this;
    }

    /** The answer when nothing is queued. */
    public FakeOpenAi defaultAnswer(Answer answer) {
        this.defaultAnswer = answer;
        return this;
    }

    /** Every request so far, oldest first. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The latest request. */
    public Request lastRequest() {
        if (requests.isEmpty()) {
            throw new IllegalStateException("no request yet");
        }
        return requests.get(requests.size() - 1);
    }

    /** Forgets the recorded requests and the queued answers. */
    public void reset() {
        requests.clear();
        answers.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body =
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(
                    new Request(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(),
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            body));
            Answer answer;
            if (!exchange.getRequestMethod().equals("POST")
                    || !exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
                answer = Answer.status(404);
            } else {
                Answer queued = answers.poll();
                answer = queued != null ? queued : defaultAnswer;
            }
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client gave up (e.g. its timeout): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
