package com.buildcrm.channel.chatflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.channel.FakeProviderServer;
import com.buildcrm.channel.FakeProviderServer.Received;
import com.buildcrm.channel.InboundMedia;
import com.buildcrm.channel.MediaDownload;
import com.buildcrm.channel.WhatsAppGateway;
import com.buildcrm.channel.builtin.BuiltInChannels;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Inbound media ChatFlow did not inline, fetched from its {@code mediaData.url}. */
class ChatFlowMediaDownloadTest {

    static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.chatflow-test-token";
    static final String FILE =
            "/media/sessions/SU5TVEFOQ0U=/h5UVJF_77001234567_s_whatsapp_net_inbox.oga";
    static final byte[] OGG =
            "OggS\0\2 voice note bytes".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    final FakeProviderServer chatflow = FakeProviderServer.start();

    @AfterEach
    void stop() {
        chatflow.close();
    }

    @Test
    void theFileIsFetchedFromItsUrlWithoutSendingTheToken() {
        chatflow.file(FILE, "audio/ogg", OGG);

        MediaDownload result =
                gateway()
                        .download(
                                voice(chatflow.baseUrl().resolve(FILE.substring(1)).toString()),
                                1000);

        assertThat(result)
                .isInstanceOfSatisfying(
                        MediaDownload.Fetched.class,
                        f -> {
                            assertThat(f.bytes()).isEqualTo(OGG);
                            assertThat(f.mimeType()).isEqualTo("audio/ogg");
                        });
        Received request = chatflow.takeRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo(FILE);
        assertThat(request.rawQuery()).isNull();
        assertThat(request.header("Authorization")).isNull();
    }

    @Test
    void anExpiredLinkIsFinalATooLargeFileIsRefusedAndAServerErrorIsRetryable() {
        String url = chatflow.baseUrl().resolve(FILE.substring(1)).toString();
        chatflow.reply(FILE, 404, "{\"success\":false}");
        assertThat(gateway().download(voice(url), 1000))
                .isInstanceOfSatisfying(
                        MediaDownload.Failed.class,
                        f -> {
                            assertThat(f.retryable()).isFalse();
                            assertThat(f.reason()).contains("HTTP 404");
                        });

        chatflow.file(FILE, "audio/ogg", new byte[2048]);
        assertThat(gateway().download(voice(url), 1024))
                .isInstanceOfSatisfying(
                        MediaDownload.Failed.class,
                        f -> {
                            assertThat(f.retryable()).isFalse();
                            assertThat(f.reason()).contains("larger than 1024 bytes");
                        });

        chatflow.reply(FILE, 502, "");
        assertThat(gateway().download(voice(url), 1000))
                .isInstanceOfSatisfying(
                        MediaDownload.Failed.class, f -> assertThat(f.retryable()).isTrue());
    }

    @Test
    void aUrlOffChatFlowsHostIsNeverFetched() {
        URI other = URI.create("http://localhost:" + chatflow.baseUrl().getPort() + FILE);
        chatflow.file(FILE, "audio/ogg", OGG);

        assertThat(gateway().download(voice(other.toString()), 1000))
                .isInstanceOfSatisfying(
                        MediaDownload.Failed.class,
                        f -> {
                            assertThat(f.retryable()).isFalse();
                            assertThat(f.reason()).contains("not on ChatFlow's host");
                        });
        assertThat(gateway().download(voice("file:///etc/passwd"), 1000))
                .isInstanceOf(MediaDownload.Failed.class);
        assertThat(chatflow.requestCount()).isZero();
    }

    private static InboundMedia voice(String url) {
        return new InboundMedia(
                "audio/ogg; codecs=opus", null, url, null, "voice.oga", null, null, true);
    }

    private WhatsAppGateway gateway() {
        Map<String, String> settings = new HashMap<>();
        settings.put("baseUrl", chatflow.baseUrl().resolve("api/v1").toString());
        settings.put("token", TOKEN);
        settings.put("instanceId", "SU5TVEFOQ0U=");
        settings.put("mediaTimeoutMs", "5000");
        return BuiltInChannels.create(message -> {}, Clock.systemUTC())
                .gateway("chatflow", settings);
    }
}
