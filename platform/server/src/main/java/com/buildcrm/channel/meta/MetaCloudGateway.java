package com.buildcrm.channel.meta;

import com.buildcrm.channel.ChannelCapabilities;
import com.buildcrm.channel.JsonFields;
import com.buildcrm.channel.MediaKind;
import com.buildcrm.channel.ProviderCall;
import com.buildcrm.channel.SendResult;
import com.buildcrm.channel.WhatsAppGateway;
import com.buildcrm.phone.PhoneNumbers;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Sends through the WhatsApp Cloud API: {@code POST /v{N}/{phone-number-id}/messages}. */
final class MetaCloudGateway implements WhatsAppGateway {

    /** The message is outside the 24-hour customer-service window: only templates may be sent. */
    static final long OUTSIDE_SESSION_WINDOW = 131047;

    /** Throttling and temporary errors: sending again later can work. */
    private static final Set<Long> RETRYABLE_CODES =
            Set.of(4L, 80007L, 130429L, 131000L, 131016L, 131048L, 131056L);

    private static final ChannelCapabilities CAPABILITIES =
            new ChannelCapabilities(
                    false, true, true, true, true, 4096, Optional.of(Duration.ofHours(24)));

    private final HttpClient client;
    private final URI messagesUrl;
    private final String accessToken;
    private final Duration requestTimeout;

    MetaCloudGateway(
            HttpClient client, URI messagesUrl, String accessToken, Duration requestTimeout) {
        this.client = client;
        this.messagesUrl = messagesUrl;
        this.accessToken = accessToken;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public SendResult sendText(String to, String text) {
        if (text == null || text.isBlank()) {
            return SendResult.rejected("Empty text", false);
        }
        return send(
                to,
                "text",
                Json.createObjectBuilder()
                        .add("body", text)
                        .add("preview_url", text.contains("http://") || text.contains("https://")));
    }

    @Override
    public SendResult sendMedia(
            String to, MediaKind kind, URI url, String caption, String fileName) {
        if (kind == null || url == null) {
            return SendResult.rejected("Media kind and URL are required", false);
        }
        JsonObjectBuilder media = Json.createObjectBuilder().add("link", url.toString());
        if (caption != null && !caption.isBlank()) {
            media.add("caption", caption);
        }
        String type =
                switch (kind) {
                    case IMAGE -> "image";
                    case VIDEO -> "video";
                    case DOCUMENT -> "document";
                };
        if (kind == MediaKind.DOCUMENT && fileName != null && !fileName.isBlank()) {
            media.add("filename", fileName);
        }
        return send(to, type, media);
    }

    @Override
    public SendResult sendVoice(String to, URI url) {
        if (url == null) {
            return SendResult.rejected("Voice URL is required", false);
        }
        return send(to, "audio", Json.createObjectBuilder().add("link", url.toString()));
    }

    private SendResult send(String to, String type, JsonObjectBuilder content) {
        Optional<String> phone = PhoneNumbers.toE164(to);
        if (phone.isEmpty()) {
            return SendResult.rejected("Not a WhatsApp number", false);
        }
        String body =
                Json.createObjectBuilder()
                        .add("messaging_product", "whatsapp")
                        .add("recipient_type", "individual")
                        .add("to", PhoneNumbers.digits(phone.get()))
                        .add("type", type)
                        .add(type, content)
                        .build()
                        .toString();
        HttpRequest request =
                HttpRequest.newBuilder(messagesUrl)
                        .timeout(requestTimeout)
                        .header("Authorization", "Bearer " + accessToken)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        ProviderCall.Outcome outcome = ProviderCall.execute(client, request);
        if (outcome instanceof ProviderCall.Failed failed) {
            return failed.result();
        }
        return interpret((ProviderCall.Replied) outcome);
    }

    private static SendResult interpret(ProviderCall.Replied reply) {
        JsonObject json = JsonFields.parse(reply.body()).map(JsonFields::object).orElse(null);
        if (reply.is2xx()) {
            JsonArray messages = JsonFields.array(json, "messages");
            String id =
                    messages == null || messages.isEmpty()
                            ? null
                            : JsonFields.string(JsonFields.object(messages.get(0)), "id");
            return SendResult.accepted(id);
        }
        JsonObject error = JsonFields.object(json, "error");
        Long code = JsonFields.number(error, "code");
        if (code != null && code == OUTSIDE_SESSION_WINDOW) {
            return SendResult.rejected(
                    "Outside WhatsApp's 24-hour customer-service window: only an approved template"
                            + " can be sent until the customer writes again (Meta error 131047)",
                    false);
        }
        boolean retryable =
                reply.status() >= 500
                        || reply.status() == 429
                        || code != null && RETRYABLE_CODES.contains(code);
        return SendResult.rejected(reason(reply.status(), code, error), retryable);
    }

    private static String reason(int status, Long code, JsonObject error) {
        StringBuilder reason = new StringBuilder("Meta answered HTTP ").append(status);
        if (code != null) {
            reason.append(", error ").append(code);
        }
        String message = JsonFields.string(error, "message");
        if (message != null && !message.isBlank()) {
            reason.append(": ").append(message.strip());
        }
        String details = JsonFields.string(JsonFields.object(error, "error_data"), "details");
        if (details != null && !details.isBlank()) {
            reason.append(" (").append(details.strip()).append(')');
        }
        return reason.length() > 400 ? reason.substring(0, 400) + "…" : reason.toString();
    }

    @Override
    public String toString() {
        return "MetaCloudGateway[" + messagesUrl.getHost() + "]";
    }
}
