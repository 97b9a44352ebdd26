package com.buildcrm.channel.meta;

import com.buildcrm.channel.ChannelCapabilities;
import com.buildcrm.channel.InboundMedia;
import com.buildcrm.channel.JsonFields;
import com.buildcrm.channel.MediaDownload;
import com.buildcrm.channel.MediaFetch;
import com.buildcrm.channel.MediaKind;
import com.buildcrm.channel.ProviderCall;
import com.buildcrm.channel.SendResult;
import com.buildcrm.channel.TemplateCall;
import com.buildcrm.channel.WhatsAppGateway;
import com.buildcrm.json.Jsonp;
import com.buildcrm.phone.PhoneNumbers;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sends through the WhatsApp Cloud API: {@code POST /v{N}/{phone-number-id}/messages}; fetches
 * inbound media in Meta's two steps: {@code GET /v{N}/{media-id}} gives a short-lived URL, {@code
 * GET <url>} gives the bytes, both with the access token as a bearer.
 */
final class MetaCloudGateway implements WhatsAppGateway {

    /** The message is outside the 24-hour customer-service window: only templates may be sent. */
    static final long OUTSIDE_SESSION_WINDOW = 131047;

    /** WhatsApp's customer-service window after the client's last message. */
    static final Duration SESSION_WINDOW = Duration.ofHours(24);

    /**
     * Template errors (Meta's 1320xx): the template and its parameters do not fit what Meta
     * approved. Never retryable: the same call fails the same way until the operator fixes the
     * registration.
     */
    private static final java.util.Map<Long, String> TEMPLATE_ERRORS =
            java.util.Map.of(
                    132000L, "the number of parameters does not match the approved template",
                    132001L, "no approved template of this name in this language",
                    132005L, "the text with its parameters is too long",
                    132007L, "a parameter breaks WhatsApp's format rules",
                    132012L, "a parameter does not have the format the template expects",
                    132015L, "the template is paused by Meta (low quality)",
                    132016L, "the template is disabled by Meta");

    /** Throttling and temporary errors: sending again later can work. */
    private static final Set<Long> RETRYABLE_CODES =
            Set.of(4L, 80007L, 130429L, 131000L, 131016L, 131048L, 131056L);

    private static final ChannelCapabilities CAPABILITIES =
            new ChannelCapabilities(
                    false, true, true, true, true, 4096, Optional.of(SESSION_WINDOW));

    /** Meta's media ids are digits; anything that could change the path is refused. */
    private static final Pattern MEDIA_ID = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    /** A media description is a small JSON object. */
    private static final long MAX_DESCRIPTION_BYTES = 64 * 1024;

    private final HttpClient client;
    private final URI versionUrl;
    private final URI messagesUrl;
    private final String accessToken;
    private final Duration requestTimeout;

    /**
     * @param versionUrl the Graph API base with its version, e.g. {@code
     *     https://graph.facebook.com/v21.0/}
     */
    MetaCloudGateway(
            HttpClient client,
            URI versionUrl,
            String phoneNumberId,
            String accessToken,
            Duration requestTimeout) {
        this.client = client;
        this.versionUrl = versionUrl;
        this.messagesUrl = versionUrl.resolve(phoneNumberId + "/messages");
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
                Jsonp.createObjectBuilder()
                        .add("body", text)
                        .add("preview_url", text.contains("http://") || text.contains("https://")));
    }

    @Override
    public SendResult sendMedia(
            String to, MediaKind kind, URI url, String caption, String fileName) {
        if (kind == null || url == null) {
            return SendResult.rejected("Media kind and URL are required", false);
        }
        JsonObjectBuilder media = Jsonp.createObjectBuilder().add("link", url.toString());
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
        return send(to, "audio", Jsonp.createObjectBuilder().add("link", url.toString()));
    }

    /**
     * Meta's template message: {@code {"type":"template","template":{"name":…,"language":{"code":
     * …},"components":[{"type":"body","parameters":[{"type":"text","text":…}]}]}}}; the body
     * component is left out when the template has no placeholders.
     */
    @Override
    public SendResult sendTemplate(String to, TemplateCall template) {
        if (template == null || template.name().isBlank() || template.language().isBlank()) {
            return SendResult.rejected("Template name and language are required", false);
        }
        JsonObjectBuilder content =
                Jsonp.createObjectBuilder()
                        .add("name", template.name())
                        .add(
                                "language",
                                Jsonp.createObjectBuilder().add("code", template.language()));
        if (!template.bodyParameters().isEmpty()) {
            JsonArrayBuilder parameters = Jsonp.createArrayBuilder();
            for (String value : template.bodyParameters()) {
                parameters.add(Jsonp.createObjectBuilder().add("type", "text").add("text", value));
            }
            content.add(
                    "components",
                    Jsonp.createArrayBuilder()
                            .add(
                                    Jsonp.createObjectBuilder()
                                            .add("type", "body")
                                            .add("parameters", parameters)));
        }
        return send(to, "template", content);
    }

    /**
     * Step one asks Meta for the media's URL, mime type and size (a size above {@code maxBytes} is
     * refused before downloading); step two downloads it. Both carry the bearer token: Meta's
     * download URL answers 401 without it.
     */
    @Override
    public MediaDownload download(InboundMedia media, long maxBytes) {
        String id = media == null ? null : media.providerMediaId();
        if (id == null || !MEDIA_ID.matcher(id).matches()) {
            return MediaDownload.failed("Meta media: no usable media id", false);
        }
        MediaFetch.Result described =
                MediaFetch.get(
                        client,
                        versionUrl.resolve(id),
                        accessToken,
                        requestTimeout,
                        MAX_DESCRIPTION_BYTES,
                        "Meta media lookup");
        if (described instanceof MediaFetch.Refused refused) {
            return refused.failure();
        }
        JsonObject json =
                JsonFields.parse(((MediaFetch.Body) described).text())
                        .map(JsonFields::object)
                        .orElse(null);
        String url = JsonFields.string(json, "url");
        URI download;
        try {
            download = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            download = null;
        }
        if (download == null
                || !("https".equalsIgnoreCase(download.getScheme())
                        || "http".equalsIgnoreCase(download.getScheme()))) {
            return MediaDownload.failed("Meta media lookup: the answer has no download URL", false);
        }
        Long size = JsonFields.number(json, "file_size");
        if (size != null && size > maxBytes) {
            return MediaFetch.tooLarge("Meta media", size, maxBytes);
        }
        MediaFetch.Result file =
                MediaFetch.get(
                        client,
                        download,
                        accessToken,
                        requestTimeout,
                        maxBytes,
                        "Meta media download");
        if (file instanceof MediaFetch.Refused refused) {
            return refused.failure();
        }
        MediaFetch.Body body = (MediaFetch.Body) file;
        if (body.bytes().length == 0) {
            return MediaDownload.failed("Meta media download: the file is empty", false);
        }
        String mime = JsonFields.string(json, "mime_type");
        if (mime == null || mime.isBlank()) {
            mime = MediaFetch.baseType(body.contentType());
        }
        return new MediaDownload.Fetched(body.bytes(), mime);
    }

    private SendResult send(String to, String type, JsonObjectBuilder content) {
        Optional<String> phone = PhoneNumbers.recipient(to);
        if (phone.isEmpty()) {
            return SendResult.rejected("Not a WhatsApp number", false);
        }
        String body =
                Jsonp.createObjectBuilder()
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
        if (code != null && TEMPLATE_ERRORS.containsKey(code)) {
            return SendResult.rejected(
                    "WhatsApp template rejected: "
                            + TEMPLATE_ERRORS.get(code)
                            + " — "
                            + reason(reply.status(), code, error),
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
