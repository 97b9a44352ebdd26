package com.buildcrm.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

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
}
