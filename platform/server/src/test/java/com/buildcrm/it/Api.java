package com.buildcrm.it;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A thin HTTP client for black-box tests: real requests, JSON bodies, no server classes. */
public final class Api {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    private final String base;

    public Api(String base) {
        this.base = base;
    }

    /** A response: status, headers and the body parsed as JSON when it is JSON. */
    public record Reply(int status, HttpResponse<String> raw) {
        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        public String body() {
            return raw.body();
        }

        public String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(raw.body()))) {
                return reader.read();
            } catch (jakarta.json.JsonException e) {
                throw new AssertionError(
                        "not JSON: " + status + " " + raw.uri() + " " + raw.body(), e);
            }
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public Reply get(String path, String token) {
        return send(builder(path, token).GET());
    }

    public Reply post(String path, String token, String json) {
        return send(
                builder(path, token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
    }

    public Reply post(String path, String token, JsonValue json) {
        return post(path, token, json.toString());
    }

    public Reply method(String method, String path, String token, String json) {
        HttpRequest.BodyPublisher body =
                json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json);
        HttpRequest.Builder b = builder(path, token).method(method, body);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return send(b);
    }

    public Reply patch(String path, String token, JsonValue json) {
        return method("PATCH", path, token, json.toString());
    }

    public Reply raw(HttpRequest.Builder builder) {
        return send(builder);
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    private HttpRequest.Builder builder(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r =
                    CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- the product's flows, as a client would call them ---

    public String operatorLogin(String email, String password) {
        Reply r =
                post(
                        "/api/admin/auth/login",
                        null,
                        Json.createObjectBuilder()
                                .add("email", email)
                                .add("password", password)
                                .build());
        if (r.status() != 200) {
            throw new AssertionError("operator login failed: " + r);
        }
        return r.json().getString("accessToken");
    }

    public JsonObject userTokens(String tenant, String email, String password) {
        Reply r =
                post(
                        "/api/crm/auth/login",
                        null,
                        Json.createObjectBuilder()
                                .add("tenant", tenant)
                                .add("email", email)
                                .add("password", password)
                                .build());
        if (r.status() != 200) {
            throw new AssertionError("user login failed: " + r);
        }
        return r.json();
    }

    public String userLogin(String tenant, String email, String password) {
        return userTokens(tenant, email, password).getString("accessToken");
    }

    public JsonObject createTenant(
            String operatorToken,
            String slug,
            String locale,
            String ownerEmail,
            String ownerPassword) {
        Reply r =
                post(
                        "/api/admin/tenants",
                        operatorToken,
                        Json.createObjectBuilder()
                                .add("slug", slug)
                                .add("name", "Company " + slug)
                                .add("timezone", "Asia/Almaty")
                                .add("locale", locale)
                                .add("pack", "panel-houses")
                                .add(
                                        "owner",
                                        Json.createObjectBuilder()
                                                .add("name", "Owner of " + slug)
                                                .add("email", ownerEmail)
                                                .add("password", ownerPassword))
                                .build());
        if (r.status() != 201) {
            throw new AssertionError("create tenant failed: " + r);
        }
        return r.json();
    }

    /**
     * Switches a tenant's AI manager on or off. Message-path tests switch it off, so that only the
     * messages they send themselves reach the provider.
     */
    public void setAi(String operatorToken, long tenantId, boolean enabled) {
        Reply r =
                method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/ai",
                        operatorToken,
                        "{\"enabled\":" + enabled + "}");
        if (r.status() != 200) {
            throw new AssertionError("AI switch failed: " + r);
        }
    }

    /** Connects a tenant to the in-process sandbox channel; the request must succeed. */
    public void setSandboxChannel(String operatorToken, long tenantId) {
        Reply r =
                method(
                        "PUT",
                        "/api/admin/tenants/" + tenantId + "/channel",
                        operatorToken,
                        "{\"provider\":\"sandbox\",\"settings\":{}}");
        if (r.status() != 200) {
            throw new AssertionError("sandbox channel failed: " + r);
        }
    }

    /** Writes a tenant's AI settings ({@code json}, as the operator's console sends them). */
    public void setAiSettings(String operatorToken, long tenantId, String json) {
        Reply r = method("PUT", "/api/admin/tenants/" + tenantId + "/ai", operatorToken, json);
        if (r.status() != 200) {
            throw new AssertionError("AI settings failed: " + r);
        }
    }

    public JsonObject createUser(
            String token, String name, String email, String role, String password) {
        Reply r =
                post(
                        "/api/crm/users",
                        token,
                        Json.createObjectBuilder()
                                .add("name", name)
                                .add("email", email)
                                .add("role", role)
                                .add("password", password)
                                .build());
        if (r.status() != 201) {
            throw new AssertionError("create user failed: " + r);
        }
        return r.json();
    }

    /**
     * Connects a tenant to ChatFlow (the fake's base URL, a token and an instance id) and returns
     * the reply, whose {@code webhookUrl} {@link #webhookPath} turns into a path for {@link #post}.
     */
    public Reply setChatFlowChannel(
            String operatorToken, long tenantId, String baseUrl, String token, String instanceId) {
        return method(
                "PUT",
                "/api/admin/tenants/" + tenantId + "/channel",
                operatorToken,
                Json.createObjectBuilder()
                        .add("provider", "chatflow")
                        .add(
                                "settings",
                                Json.createObjectBuilder()
                                        .add("baseUrl", baseUrl)
                                        .add("token", token)
                                        .add("instanceId", instanceId))
                        .build()
                        .toString());
    }

    /** The path and query of the {@code webhookUrl} a channel reply names. */
    public static String webhookPath(JsonObject channel) {
        URI url = URI.create(channel.getString("webhookUrl"));
        return url.getRawPath() + "?" + url.getRawQuery();
    }

    /** A Cloud API webhook body carrying one {@code messages} change with this value. */
    /**
     * The {@code value} of a Meta "messages" change: one contact ({@code name}, {@code from})
     * writing {@code messages} to the business number {@code phoneNumberId}.
     */
    public static JsonObject metaMessages(
            String phoneNumberId, String name, String from, JsonArrayBuilder messages) {
        return Json.createObjectBuilder()
                .add("messaging_product", "whatsapp")
                .add(
                        "metadata",
                        Json.createObjectBuilder()
                                .add("display_phone_number", "77270001122")
                                .add("phone_number_id", phoneNumberId))
                .add(
                        "contacts",
                        Json.createArrayBuilder()
                                .add(
                                        Json.createObjectBuilder()
                                                .add(
                                                        "profile",
                                                        Json.createObjectBuilder()
                                                                .add("name", name))
                                                .add("wa_id", from)))
                .add("messages", messages)
                .build();
    }

    public static String metaWebhook(JsonObject value) {
        JsonObjectBuilder change =
                Json.createObjectBuilder().add("field", "messages").add("value", value);
        JsonObjectBuilder entry =
                Json.createObjectBuilder()
                        .add("id", "102290129340398")
                        .add("changes", Json.createArrayBuilder().add(change));
        return Json.createObjectBuilder()
                .add("object", "whatsapp_business_account")
                .add("entry", Json.createArrayBuilder().add(entry))
                .build()
                .toString();
    }

    /** Posts a Cloud API webhook signed with the app secret, as Meta does. */
    public Reply postMetaSigned(String path, String appSecret, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return raw(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .header("X-Hub-Signature-256", "sha256=" + hmacHex(bytes, appSecret))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    private static String hmacHex(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code multipart/form-data} body with one file part. */
    public static byte[] multipart(
            String boundary, String field, String name, String type, byte[] file) {
        byte[] head =
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\""
                                + field
                                + "\"; filename=\""
                                + name
                                + "\"\r\nContent-Type: "
                                + type
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return body;
    }

    /** Uploads one file as the {@code file} part of a multipart request. */
    public Reply upload(String path, String token, String name, String type, byte[] bytes) {
        String boundary = "----buildcrm" + System.nanoTime();
        return send(
                builder(path, token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(
                                HttpRequest.BodyPublishers.ofByteArray(
                                        multipart(boundary, "file", name, type, bytes))));
    }

    /** Waits up to 30 s for a lead whose phone has these digits; its id. */
    public long awaitLead(String token, String digits) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> get("/api/crm/leads?q=" + digits, token).json().getJsonArray("items"),
                        items -> !items.isEmpty())
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
    }

    /** A lead's messages (the first page). */
    public JsonArray messages(String token, long leadId) {
        return get("/api/crm/leads/" + leadId + "/messages", token).json().getJsonArray("items");
    }
}
