package com.buildcrm.it;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible speech-to-text endpoint on 127.0.0.1 speaking the real wire format: {@code
 * POST {baseUrl}/audio/transcriptions}, a {@code multipart/form-data} body with the parts {@code
 * file} (the audio, with a file name) and {@code model}, answered with {@code {"text": "…"}}.
 *
 * <p>Scriptable like {@link FakeOpenAi}: queued answers, a default answer, delays (a hanging
 * endpoint); every request is recorded with its parsed parts.
 */
public final class FakeTranscription
        extends FakeHttpEndpoint<FakeTranscription.Answer, FakeTranscription.Request> {

    /** One scripted answer. */
    public record Answer(int status, String body, Duration delay) implements Scripted {

        /** A transcript. */
        public static Answer text(String text) {
            return new Answer(
                    200,
                    Json.createObjectBuilder().add("text", text).build().toString(),
                    Duration.ZERO);
        }

        /** Any body with any status (garbage, an error). */
        public static Answer raw(int status, String body) {
            return new Answer(status, body, Duration.ZERO);
        }

        /** The same answer, sent after {@code delay}. */
        public Answer after(Duration delay) {
            return new Answer(status, body, delay);
        }
    }

    /** One part of a multipart request. */
    public record Part(String name, String fileName, String contentType, byte[] content) {
        public String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /** One request as the fake received it. */
    public record Request(
            String path, String authorization, String contentType, Map<String, Part> parts) {}

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

    public FakeTranscription() throws IOException {
        super("fake-stt", Answer.text("Здравствуйте"));
    }

    public FakeTranscription enqueue(Answer... next) {
        queue(List.of(next));
        return this;
    }

    public FakeTranscription defaultAnswer(Answer answer) {
        answerByDefault(answer);
        return this;
    }

    @Override
    protected String servedPath() {
        return "/audio/transcriptions";
    }

    @Override
    protected Request record(HttpExchange exchange, byte[] body) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        return new Request(
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Authorization"),
                contentType,
                parts(contentType, body));
    }

    @Override
    protected Answer notFound() {
        return Answer.raw(404, "{\"error\":{\"message\":\"not found\"}}");
    }

    /** The parts of a multipart/form-data body (empty when it is not one). */
    static Map<String, Part> parts(String contentType, byte[] body) {
        Map<String, Part> parts = new LinkedHashMap<>();
        if (contentType == null || !contentType.startsWith("multipart/form-data")) {
            return parts;
        }
        Matcher b = BOUNDARY.matcher(contentType);
        if (!b.find()) {
            return parts;
        }
        byte[] delimiter = ("--" + b.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int start = at + delimiter.length;
            if (start + 2 <= body.length && body[start] == '-' && body[start + 1] == '-') {
                break; // the closing delimiter
            }
            start += 2; // CRLF
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            int next = indexOf(body, delimiter, start);
            if (headersEnd < 0 || next < 0) {
                break;
            }
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next - 2); // CRLF before
            Matcher name = NAME.matcher(headers);
            Matcher file = FILE_NAME.matcher(headers);
            String type = null;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                    type = line.substring("content-type:".length()).strip();
                }
            }
            if (name.find()) {
                parts.put(
                        name.group(1),
                        new Part(name.group(1), file.find() ? file.group(1) : null, type, content));
            }
            at = next;
        }
        return parts;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
