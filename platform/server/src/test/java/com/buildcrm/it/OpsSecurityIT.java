package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.it.Api.Reply;
import jakarta.json.Json;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operations security on the running uber jar: {@code /metrics} is for operators only; a stored LLM
 * key or channel token never follows its endpoint to another host; uploads are checked all the way
 * through and media is served so that no browser sniffs it into a page.
 */
class OpsSecurityIT {

    private static Api api;
    private static String operator;
    private static String owner;
    private static long tenantId;

    @BeforeAll
    static void setUp() {
        api = SharedServer.get().api();
        operator = api.operatorLogin(ServerProcess.OPERATOR_EMAIL, ServerProcess.OPERATOR_PASSWORD);
        tenantId =
                api.createTenant(operator, "ops-sec", "ru", "owner@ops-sec.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        owner = api.userLogin("ops-sec", "owner@ops-sec.kz", "owner-pass-1");
    }

    @Test
    void metricsAreForOperatorsOnly() {
        Reply anonymous = api.get("/metrics", null);
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.body()).doesNotContain("classloader");

        // (a malformed token is refused by Payara's MP-JWT mechanism before any filter runs; its
        // body is the global error handling's business)
        Reply forged = api.get("/metrics", "not-a-token");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.body()).doesNotContain("classloader");

        Reply business = api.get("/metrics", owner);
        assertThat(business.status()).as(business.toString()).isEqualTo(403);
        assertThat(business.contentType()).startsWith("application/problem+json");
        assertThat(business.json().getInt("status")).isEqualTo(403);

        Reply operators = api.get("/metrics", operator);
        assertThat(operators.status()).isEqualTo(200);
        assertThat(operators.body()).contains("# TYPE");
    }

    @Test
    void aNewLlmBaseUrlWithoutTheKeyDropsTheStoredKey() throws IOException {
        try (FakeOpenAi before = new FakeOpenAi();
                FakeOpenAi attacker = new FakeOpenAi()) {
            String ai = "/api/admin/tenants/" + tenantId + "/ai";
            Reply configured =
                    api.method(
                            "PUT",
                            ai,
                            operator,
                            Json.createObjectBuilder()
                                    .add("enabled", false)
                                    .add("brain", "llm")
                                    .add(
                                            "llm",
                                            Json.createObjectBuilder()
                                                    .add("baseUrl", before.baseUrl())
                                                    .add("model", "test-model")
                                                    .add("apiKey", "sk-stored-secret-0001"))
                                    .build()
                                    .toString());
            assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
            assertThat(configured.json().getJsonObject("llm").getBoolean("apiKeySet")).isTrue();

            Reply moved =
                    api.method(
                            "PUT",
                            ai,
                            operator,
                            Json.createObjectBuilder()
                                    .add(
                                            "llm",
                                            Json.createObjectBuilder()
                                                    .add("baseUrl", attacker.baseUrl()))
                                    .build()
                                    .toString());
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            assertThat(moved.json().getJsonObject("llm").getBoolean("apiKeySet"))
                    .as("the operator sees that the key is gone")
                    .isFalse();

            Reply preview = api.post(ai + "/preview", operator, "{\"turns\":[[\"Здравствуйте\"]]}");
            assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
            assertThat(attacker.requests())
                    .noneSatisfy(
                            r ->
                                    assertThat(String.valueOf(r.authorization()) + r.body())
                                            .contains("sk-stored-secret-0001"));

            // sent again together with the new endpoint, a key is kept and used there
            Reply withKey =
                    api.method(
                            "PUT",
                            ai,
                            operator,
                            Json.createObjectBuilder()
                                    .add(
                                            "llm",
                                            Json.createObjectBuilder()
                                                    .add("baseUrl", attacker.baseUrl())
                                                    .add("apiKey", "sk-new-secret-0002"))
                                    .build()
                                    .toString());
            assertThat(withKey.json().getJsonObject("llm").getBoolean("apiKeySet")).isTrue();
            api.post(ai + "/preview", operator, "{\"turns\":[[\"Здравствуйте\"]]}");
            assertThat(attacker.requests())
                    .anySatisfy(
                            r ->
                                    assertThat(r.authorization())
                                            .isEqualTo("Bearer sk-new-secret-0002"));
            assertThat(before.requests()).isEmpty();
        }
    }

    @Test
    void aNewChatFlowBaseUrlNeedsTheTokenAgain() throws IOException {
        long tenant =
                api.createTenant(operator, "ops-sec-cf", "ru", "owner@ops-cf.kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        String channel = "/api/admin/tenants/" + tenant + "/channel";
        try (FakeChatFlow before = new FakeChatFlow();
                FakeChatFlow attacker = new FakeChatFlow()) {
            Reply configured =
                    api.method(
                            "PUT",
                            channel,
                            operator,
                            "{\"provider\":\"chatflow\",\"settings\":{\"baseUrl\":\""
                                    + before.baseUrl()
                                    + "\",\"token\":\"cf-stored-token-1\",\"instanceId\":\"inst-1\"}}");
            assertThat(configured.status()).as(configured.toString()).isEqualTo(200);

            Reply moved =
                    api.method(
                            "PUT",
                            channel,
                            operator,
                            "{\"provider\":\"chatflow\",\"settings\":{\"baseUrl\":\""
                                    + attacker.baseUrl()
                                    + "\",\"instanceId\":\"inst-1\"}}");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(400);
            assertThat(moved.contentType()).startsWith("application/problem+json");
            assertThat(moved.body()).contains("token");

            Reply test = api.post(channel + "/test", operator, "{\"phone\":\"+7 701 222 33 44\"}");
            assertThat(test.status()).as(test.toString()).isEqualTo(200);
            assertThat(attacker.calls())
                    .noneSatisfy(c -> assertThat(c.params()).containsValue("cf-stored-token-1"));

            Reply withToken =
                    api.method(
                            "PUT",
                            channel,
                            operator,
                            "{\"provider\":\"chatflow\",\"settings\":{\"baseUrl\":\""
                                    + attacker.baseUrl()
                                    + "\",\"token\":\"cf-new-token-2\",\"instanceId\":\"inst-1\"}}");
            assertThat(withToken.status()).as(withToken.toString()).isEqualTo(200);
            api.post(channel + "/test", operator, "{\"phone\":\"+7 701 222 33 44\"}");
            assertThat(attacker.calls())
                    .anySatisfy(
                            c -> assertThat(c.params()).containsEntry("token", "cf-new-token-2"))
                    .noneSatisfy(c -> assertThat(c.params()).containsValue("cf-stored-token-1"));
        }
    }

    @Test
    void aPngWithAnHtmlPageBehindItIsRefused() throws IOException {
        byte[] polyglot =
                concat(
                        png(),
                        "<!doctype html><html><script>alert(document.cookie)</script></html>"
                                .getBytes(StandardCharsets.US_ASCII));
        Reply refused = upload("polyglot.png", "image/png", polyglot);
        assertThat(refused.status()).as(refused.toString()).isIn(400, 415);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aPngWithHtmlInsideATextChunkIsRefused() throws IOException {
        Reply refused =
                upload(
                        "inside.png",
                        "image/png",
                        withTextChunk(png(), "Comment", "<script>alert(1)</script>"));
        assertThat(refused.status()).as(refused.toString()).isIn(400, 415);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aFileThatOnlyStartsLikeAnImageIsRefused() {
        byte[] png = new byte[64];
        System.arraycopy(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
        Reply refused = upload("broken.png", "image/png", png);
        assertThat(refused.status()).as(refused.toString()).isIn(400, 415);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void mediaIsServedWithItsExactTypeAndNoSniffing() throws IOException {
        Reply image = upload("house.png", "image/png", png());
        assertThat(image.status()).as(image.toString()).isEqualTo(201);
        Reply fetched = fetch(image.json().getString("url"));
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.contentType()).isEqualTo("image/png");
        assertThat(fetched.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(fetched.header("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("inline"));

        byte[] pdf =
                "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
                        .getBytes(StandardCharsets.US_ASCII);
        Reply document = upload("price.pdf", "application/pdf", pdf);
        assertThat(document.status()).as(document.toString()).isEqualTo(201);
        Reply download = fetch(document.json().getString("url"));
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(download.header("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).startsWith("attachment"));
    }

    private static Reply fetch(String url) {
        URI uri = URI.create(url);
        return api.raw(HttpRequest.newBuilder(api.uri(uri.getRawPath() + "?" + uri.getRawQuery())));
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(2, 2, 10, 6);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The PNG with a {@code tEXt} chunk (valid CRC) inserted before IEND. */
    private static byte[] withTextChunk(byte[] png, String key, String text) {
        byte[] data = (key + "\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length);
        byte[] typeAndData = concat("tEXt".getBytes(StandardCharsets.US_ASCII), data);
        chunk.put(typeAndData);
        CRC32 crc = new CRC32();
        crc.update(typeAndData);
        chunk.putInt((int) crc.getValue());
        int iend = png.length - 12;
        return concat(
                concat(Arrays.copyOfRange(png, 0, iend), chunk.array()),
                Arrays.copyOfRange(png, iend, png.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Reply upload(String name, String type, byte[] bytes) {
        return api.upload("/api/admin/tenants/" + tenantId + "/media", operator, name, type, bytes);
    }
}
