package com.buildcrm.ai.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.it.FakeTranscription;
import com.buildcrm.it.FakeTranscription.Answer;
import jakarta.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-compatible transcription client against a fake endpoint on 127.0.0.1 that parses the
 * real multipart request, with the real WhatsApp voice note (OGG/Opus) from the ChatFlow fixture.
 */
class OpenAiTranscriberTest {

    private static FakeTranscription stt;
    private static byte[] ogg;
    private final OpenAiTranscriber transcriber = new OpenAiTranscriber(Duration.ofSeconds(3));

    @BeforeAll
    static void start() throws IOException {
        stt = new FakeTranscription();
        try (InputStream in =
                OpenAiTranscriberTest.class.getResourceAsStream(
                        "/fixtures/chatflow/inbound-voice.json")) {
            ogg =
                    Base64.getDecoder()
                            .decode(
                                    Json.createReader(in)
                                            .readObject()
                                            .getJsonObject("mediaData")
                                            .getString("base64"));
        }
    }

    @AfterAll
    static void stop() {
        stt.close();
    }

    @BeforeEach
    void reset() {
        stt.reset();
    }

    private TranscriptionEndpoint endpoint() {
        return new TranscriptionEndpoint(stt.baseUrl() + "/", "whisper-1", "sk-stt-secret-123456");
    }

    @Test
    void theVoiceNoteGoesAsAMultipartOggFileWithTheModelAndTheKeyAndItsTextComesBack() {
        stt.enqueue(Answer.text("  Здравствуйте, нужен дом 10 на 12 в Астане  "));

        String text = transcriber.transcribe(endpoint(), ogg, "audio/ogg; codecs=opus");

        assertThat(text).isEqualTo("Здравствуйте, нужен дом 10 на 12 в Астане");
        FakeTranscription.Request sent = stt.requests().get(0);
        assertThat(sent.path()).isEqualTo("/v1/audio/transcriptions");
        assertThat(sent.authorization()).isEqualTo("Bearer sk-stt-secret-123456");
        assertThat(sent.contentType()).startsWith("multipart/form-data");
        assertThat(sent.parts().get("model").text()).isEqualTo("whisper-1");
        FakeTranscription.Part file = sent.parts().get("file");
        assertThat(file.content()).isEqualTo(ogg);
        assertThat(file.fileName()).endsWith(".ogg");
    }

    @Test
    void garbageFromTheEndpointIsAFailureNotATranscript() {
        stt.enqueue(Answer.raw(200, "<html><body>Bad gateway</body></html>"));
        assertThatThrownBy(() -> transcriber.transcribe(endpoint(), ogg, "audio/ogg"))
                .isInstanceOf(TranscriptionFailedException.class)
                .isNotInstanceOf(TranscriptionRejectedException.class);

        stt.enqueue(Answer.raw(200, "{\"foo\":1}"));
        assertThatThrownBy(() -> transcriber.transcribe(endpoint(), ogg, "audio/ogg"))
                .isInstanceOf(TranscriptionFailedException.class)
                .hasMessageContaining("without text");

        stt.enqueue(Answer.text("   "));
        assertThatThrownBy(() -> transcriber.transcribe(endpoint(), ogg, "audio/ogg"))
                .isInstanceOf(TranscriptionFailedException.class);
    }

    @Test
    void aRefusedKeyIsARejectionThatDoesNotCountAgainstTheEndpoint() {
        stt.enqueue(
                Answer.raw(401, "{\"error\":{\"message\":\"Incorrect API key\",\"type\":\"x\"}}"));
        assertThatThrownBy(() -> transcriber.transcribe(endpoint(), ogg, "audio/ogg"))
                .isInstanceOf(TranscriptionRejectedException.class);
    }

    @Test
    void aHangingEndpointFailsWithinTheHttpLimit() {
        stt.enqueue(Answer.text("too late").after(Duration.ofSeconds(10)));
        long started = System.nanoTime();
        assertThatThrownBy(() -> transcriber.transcribe(endpoint(), ogg, "audio/ogg"))
                .isInstanceOf(TranscriptionFailedException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void theKeyIsNeverPrinted() {
        assertThat(endpoint().toString()).doesNotContain("sk-stt").contains("***");
    }

    @Test
    void aVoiceNotesTypeParametersAreDroppedForTheFileName() {
        assertThat(OpenAiTranscriber.baseType("audio/ogg; codecs=opus")).isEqualTo("audio/ogg");
        assertThat(OpenAiTranscriber.baseType(null)).isEqualTo("audio/ogg");
        assertThat(OpenAiTranscriber.baseType("audio/mpeg")).isEqualTo("audio/mpeg");
    }
}
