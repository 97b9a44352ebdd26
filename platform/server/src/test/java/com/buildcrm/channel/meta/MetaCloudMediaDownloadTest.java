package com.buildcrm.channel.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.channel.FakeProviderServer;
import com.buildcrm.channel.FakeProviderServer.Received;
import com.buildcrm.channel.InboundMedia;
import com.buildcrm.channel.MediaDownload;
import com.buildcrm.channel.WhatsAppGateway;
import com.buildcrm.channel.builtin.BuiltInChannels;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Inbound media from the Cloud API, in Meta's two steps against a fake Graph API: {@code GET
 * /v21.0/{media-id}} describes the file, {@code GET <url>} gives it; both with the bearer token.
 */
class MetaCloudMediaDownloadTest {

    static final String TOKEN = "EAAGm0PX4ZCpsBA-secret-token";
    static final String MEDIA_ID = "1037543291543636";
    static final String LOOKUP = "/v21.0/" + MEDIA_ID;
    static final String FILE = "/whatsapp_business/attachments/";
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4};

    final FakeProviderServer graph = FakeProviderServer.start();

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void theMediaIdIsLookedUpThenTheFileFetchedWithTheBearerTokenOnBothRequests() {
        graph.reply(LOOKUP, 200, description("image/jpeg", JPEG.length));
        graph.file(FILE, "image/jpeg", JPEG);

        MediaDownload result = gateway().download(image(), 1000);

        assertThat(result).isInstanceOf(MediaDownload.Fetched.class);
        MediaDownload.Fetched fetched = (MediaDownload.Fetched) result;
        assertThat(fetched.bytes()).isEqualTo(JPEG);
        assertThat(fetched.mimeType()).isEqualTo("image/jpeg");
        Received lookup = graph.takeRequest();
        assertThat(lookup.method()).isEqualTo("GET");
        assertThat(lookup.path()).isEqualTo(LOOKUP);
        assertThat(lookup.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        Received download = graph.takeRequest();
        assertThat(download.method()).isEqualTo("GET");
        assertThat(download.path()).isEqualTo(FILE);
        assertThat(download.rawQuery()).isEqualTo("url=abc&ext=1700000000&hash=xyz");
        assertThat(download.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aFileDeclaredLargerThanTheLimitIsRefusedWithoutDownloadingIt() {
        graph.reply(LOOKUP, 200, description("video/mp4", 30L * 1024 * 1024));
        graph.file(FILE, "video/mp4", JPEG);

        MediaDownload result = gateway().download(image(), 25L * 1024 * 1024);

        assertThat(result)
                .isInstanceOfSatisfying(
                        MediaDownload.Failed.class,
                        f -> {
                            assertThat(f.retryable()).isFalse();
                            assertThat(f.reason()).contains("larger than 26214400 bytes");
                        });
        graph.takeRequest();
        assertThat(graph.requestCount()).isZero(); // the file itself was never asked for
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedEvenWhenMetaDidNotSayItsSize() {
        graph.reply(LOOKUP, 200, description("image/jpeg", -1));
        graph.file(FILE, "image/jpeg", new byte[5000]);

        assertThat(gateway().download(image(), 4096))
                .isInstanceOfSatisfying(
                        MediaDownload.Failed.class,
                        f -> {
                            assertThat(f.retryable()).isFalse();
                            assertThat(f.reason()).contains("larger than 4096 bytes");
                        });
    }

    @Test
    void anUnknownMediaIdOrARefusedTokenIsAFinalFailureAndServerErrorsAreRetryable() {
        graph.reply(
                LOOKUP,
                404,
                "{\"error\":{\"message\":\"Unsupported get request.\",\"type\":\"GraphMethodException\",\"code\":100}}");
        assertThat(gateway().download(image(), 1000))
                .isInstanceOfSatisfying(
                        MediaDownload.Failed.class,
                        f -> {
                            assertThat(f.retryable()).isFalse();
                            assertThat(f.reason()).contains("HTTP 404", "no such media");
                        });

        graph.reply(
                LOOKUP,
                401,
                "{\"error\":{\"message\":\"Error validating access token\",\"code\":190}}");
        assertThat(gateway().download(image(), 1000))
                .isInstanceOfSatisfying(
                        MediaDownload.Failed.class,
                        f -> {
                            assertThat(f.retryable()).isFalse();
                            assertThat(f.reason()).contains("HTTP 401", "credentials");
                            assertThat(f.reason()).doesNotContain(TOKEN);
                        });

        graph.reply(LOOKUP, 200, description("image/jpeg", JPEG.length));
        graph.reply(FILE, 401, "");
        assertThat(gateway().download(image(), 1000))
                .isInstanceOfSatisfying(
                        MediaDownload.Failed.class,
                        f -> {
                            assertThat(f.retryable()).isFalse();
                            assertThat(f.reason()).contains("download", "HTTP 401");
                        });

        graph.reply(LOOKUP, 503, "");
        assertThat(gateway().download(image(), 1000))
                .isInstanceOfSatisfying(
                        MediaDownload.Failed.class, f -> assertThat(f.retryable()).isTrue());
    }

    @Test
    void anUnreachableGraphApiIsRetryableAndAMissingMediaIdIsNot() {
        Map<String, String> settings = settings();
        settings.put("baseUrl", FakeProviderServer.closedPort().toString());
        assertThat(gatewayWith(settings).download(image(), 1000))
                .isInstanceOfSatisfying(
                        MediaDownload.Failed.class,
                        f -> {
                            assertThat(f.retryable()).isTrue();
                            assertThat(f.reason()).contains("could not reach");
                        });

        InboundMedia noId =
                new InboundMedia("image/jpeg", null, null, null, null, null, null, false);
        assertThat(gateway().download(noId, 1000))
                .isInstanceOfSatisfying(
                        MediaDownload.Failed.class, f -> assertThat(f.retryable()).isFalse());
        InboundMedia pathTrick =
                new InboundMedia(
                        "image/jpeg",
                        null,
                        null,
                        "../106540352242922/messages",
                        null,
                        null,
                        null,
                        false);
        assertThat(gateway().download(pathTrick, 1000)).isInstanceOf(MediaDownload.Failed.class);
        assertThat(graph.requestCount()).isZero();
    }

    private String description(String mime, long size) {
        return """
                {"url":"%s%s?url=abc&ext=1700000000&hash=xyz","mime_type":"%s",
                 "sha256":"6f1ed002ab5595859014ebf0951522d9",%s"id":"%s","messaging_product":"whatsapp"}
                """
                .formatted(
                        graph.baseUrl().toString(),
                        FILE.substring(1),
                        mime,
                        size < 0 ? "" : "\"file_size\":" + size + ",",
                        MEDIA_ID);
    }

    private static InboundMedia image() {
        return new InboundMedia("image/jpeg", null, null, MEDIA_ID, null, null, null, false);
    }

    private WhatsAppGateway gateway() {
        return gatewayWith(settings());
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("baseUrl", graph.baseUrl().toString());
        settings.put("apiVersion", "v21.0");
        settings.put("phoneNumberId", "106540352242922");
        settings.put("accessToken", TOKEN);
        settings.put("appSecret", "app-secret");
        settings.put("verifyToken", "verify");
        settings.put("requestTimeoutMs", "5000");
        return settings;
    }

    private static WhatsAppGateway gatewayWith(Map<String, String> settings) {
        return BuiltInChannels.create(message -> {}, Clock.systemUTC())
                .gateway("meta-cloud", settings);
    }
}
