package com.buildcrm.channel.chatflow;

import com.buildcrm.channel.ChannelCapabilities;
import com.buildcrm.channel.InboundMedia;
import com.buildcrm.channel.JsonFields;
import com.buildcrm.channel.MediaDownload;
import com.buildcrm.channel.MediaFetch;
import com.buildcrm.channel.MediaKind;
import com.buildcrm.channel.ProviderCall;
import com.buildcrm.channel.SendResult;
import com.buildcrm.channel.WhatsAppGateway;
import com.buildcrm.phone.PhoneNumbers;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sends through ChatFlow's instance API: {@code GET {base}/send-*} with every value URL-encoded in
 * the query. Success is HTTP 2xx with a JSON envelope saying {@code "success": true}; ChatFlow
 * returns no message id.
 *
 * <p>The token travels in the query string, so request URLs are never logged nor put into results.
 */
final class ChatFlowGateway implements WhatsAppGateway {

    private static final int MAX_REASON_LENGTH = 300;

    private final HttpClient client;
    private final URI baseUrl;
    private final String token;
    private final String instanceId;
    private final Duration textTimeout;
    private final Duration mediaTimeout;
    private final ChannelCapabilities capabilities;

    ChatFlowGateway(
            HttpClient client,
            URI baseUrl,
            String token,
            String instanceId,
            Duration textTimeout,
            Duration mediaTimeout,
            int maxTextLength) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.token = token;
        this.instanceId = instanceId;
        this.textTimeout = textTimeout;
        this.mediaTimeout = mediaTimeout;
        this.capabilities =
                new ChannelCapabilities(
                        true, false, true, false, false, maxTextLength, Optional.empty());
    }

    @Override
    public ChannelCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public SendResult sendText(String to, String text) {
        if (text == null || text.isBlank()) {
            return SendResult.rejected("Empty text", false);
        }
        return send(to, "send-text", Map.of("msg", text), textTimeout);
    }

    @Override
    public SendResult sendMedia(
            String to, MediaKind kind, URI url, String caption, String fileName) {
        if (kind == null || url == null) {
            return SendResult.rejected("Media kind and URL are required", false);
        }
        // ChatFlow refuses media without a caption ("Parameter [...caption...] are required!")
        String shownCaption = caption == null || caption.isBlank() ? " " : caption;
        // no file name parameter is known: ChatFlow shows the URL's last path segment
        return switch (kind) {
            case IMAGE ->
                    send(
                            to,
                            "send-image",
                            ordered("imageurl", url.toString(), "caption", shownCaption),
                            mediaTimeout);
            case VIDEO ->
                    send(
                            to,
                            "send-video",
                            ordered("videourl", url.toString(), "caption", shownCaption),
                            mediaTimeout);
            case DOCUMENT ->
                    send(
                            to,
                            "send-doc",
                            ordered("docurl", url.toString(), "caption", shownCaption),
                            mediaTimeout);
        };
    }

    @Override
    public SendResult sendVoice(String to, URI url) {
        if (url == null) {
            return SendResult.rejected("Voice URL is required", false);
        }
        return send(to, "send-audio", Map.of("audiourl", url.toString()), mediaTimeout);
    }

    /**
     * ChatFlow serves an inbound file it did not inline at its {@code mediaData.url} (e.g. {@code
     * https://app.chatflow.kz/media/sessions/<instance>/<file>.oga}); no credentials are known to
     * be needed, so none are sent (the token never leaves for a URL taken from a webhook body).
     * Only URLs on the host of the configured ChatFlow base URL are fetched: the webhook is
     * authenticated by a URL secret only, and must not make the server fetch arbitrary addresses.
     */
    @Override
    public MediaDownload download(InboundMedia media, long maxBytes) {
        String url = media == null ? null : media.downloadUrl();
        URI uri;
        try {
            uri = url == null || url.isBlank() ? null : URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null
                || uri.getHost() == null
                || !("https".equalsIgnoreCase(uri.getScheme())
                        || "http".equalsIgnoreCase(uri.getScheme()))) {
            return MediaDownload.failed("ChatFlow media: no usable URL", false);
        }
        if (!uri.getHost().equalsIgnoreCase(baseUrl.getHost())) {
            return MediaDownload.failed(
                    "ChatFlow media: the URL is not on ChatFlow's host " + baseUrl.getHost(),
                    false);
        }
        if (media.size() != null && media.size() > maxBytes) {
            return MediaFetch.tooLarge("ChatFlow media", media.size(), maxBytes);
        }
        MediaFetch.Result file =
                MediaFetch.get(
                        client, uri, null, mediaTimeout, maxBytes, "ChatFlow media download");
        if (file instanceof MediaFetch.Refused refused) {
            return refused.failure();
        }
        MediaFetch.Body body = (MediaFetch.Body) file;
        if (body.bytes().length == 0) {
            return MediaDownload.failed("ChatFlow media download: the file is empty", false);
        }
        String mime = media.baseMimeType();
        if (mime == null || mime.isBlank()) {
            mime = MediaFetch.baseType(body.contentType());
        }
        return new MediaDownload.Fetched(body.bytes(), mime);
    }

    private SendResult send(
            String to, String operation, Map<String, String> parameters, Duration timeout) {
        Optional<String> jid = recipient(to);
        if (jid.isEmpty()) {
            return SendResult.rejected("Not a WhatsApp number", false);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("token", token);
        query.put("instance_id", instanceId);
        query.put("jid", jid.get());
        query.putAll(parameters);
        HttpRequest request =
                HttpRequest.newBuilder(baseUrl.resolve(operation + "?" + encode(query)))
                        .timeout(timeout)
                        .header("Accept", "application/json")
                        .GET()
                        .build();
        ProviderCall.Outcome outcome = ProviderCall.execute(client, request);
        if (outcome instanceof ProviderCall.Failed failed) {
            return failed.result();
        }
        return interpret((ProviderCall.Replied) outcome);
    }

    private static SendResult interpret(ProviderCall.Replied reply) {
        JsonObject envelope = JsonFields.parse(reply.body()).map(JsonFields::object).orElse(null);
        String message = envelope == null ? null : JsonFields.string(envelope, "message");
        if (reply.status() >= 500 || reply.status() == 429) {
            return SendResult.rejected(
                    reason("ChatFlow answered HTTP " + reply.status(), message), true);
        }
        if (!reply.is2xx()) {
            return SendResult.rejected(
                    reason("ChatFlow answered HTTP " + reply.status(), message), false);
        }
        JsonValue success = envelope == null ? null : envelope.get("success");
        if (success != null && success.getValueType() == JsonValue.ValueType.TRUE) {
            return SendResult.accepted(null);
        }
        if (success != null && success.getValueType() == JsonValue.ValueType.FALSE) {
            return SendResult.rejected(reason("ChatFlow refused the message", message), false);
        }
        // 2xx without the envelope we know: the message may well have gone out, so do not resend
        // blindly
        return SendResult.unknown(
                "ChatFlow answered HTTP " + reply.status() + " without a success flag");
    }

    private static String reason(String prefix, String providerMessage) {
        if (providerMessage == null || providerMessage.isBlank()) {
            return prefix;
        }
        String text = prefix + ": " + providerMessage.strip();
        return text.length() > MAX_REASON_LENGTH
                ? text.substring(0, MAX_REASON_LENGTH) + "…"
                : text;
    }

    private static Optional<String> recipient(String to) {
        if (PhoneNumbers.isGroupJid(to)) {
            return Optional.of(to.strip());
        }
        return PhoneNumbers.toJid(to);
    }

    private static Map<String, String> ordered(String k1, String v1, String k2, String v2) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    /**
     * URL-encodes every value, spaces as %20: every server reads that as a space, only form
     * decoders read "+" so.
     */
    private static String encode(Map<String, String> query) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> entry : query.entrySet()) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(component(entry.getKey())).append('=').append(component(entry.getValue()));
        }
        return out.toString();
    }

    private static String component(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return "ChatFlowGateway[" + baseUrl.getHost() + "]";
    }
}
