package com.buildcrm.channel.chatflow;

import com.buildcrm.channel.ChannelProvider;
import com.buildcrm.channel.ChannelSettings;
import com.buildcrm.channel.InboundWebhook;
import com.buildcrm.channel.SettingField;
import com.buildcrm.channel.SharedHttpClients;
import com.buildcrm.channel.WhatsAppGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * ChatFlow (app.chatflow.kz), an unofficial WhatsApp-Web gateway: GET calls with the token in the
 * query, webhooks without signatures (the secret travels in the webhook URL). See chatflow-api.md.
 */
public final class ChatFlowProvider implements ChannelProvider {

    public static final String KEY = "chatflow";

    public static final String BASE_URL = "baseUrl";
    public static final String TOKEN = "token";
    public static final String INSTANCE_ID = "instanceId";
    public static final String WEBHOOK_SECRET = "webhookSecret";
    public static final String CONNECT_TIMEOUT_MS = "connectTimeoutMs";
    public static final String TEXT_TIMEOUT_MS = "textTimeoutMs";
    public static final String MEDIA_TIMEOUT_MS = "mediaTimeoutMs";
    public static final String MAX_TEXT_LENGTH = "maxTextLength";

    static final String DEFAULT_BASE_URL = "https://app.chatflow.kz/api/v1/";
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_TEXT_TIMEOUT = Duration.ofSeconds(30);

    /** Media calls can take over 30 s and still deliver. */
    static final Duration DEFAULT_MEDIA_TIMEOUT = Duration.ofSeconds(90);

    /** The real limit is unknown; clients split above about 3,000 chars. */
    static final int DEFAULT_MAX_TEXT_LENGTH = 3000;

    private final SharedHttpClients http;
    private final Clock clock;

    public ChatFlowProvider(SharedHttpClients http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<SettingField> settingFields() {
        return List.of(
                SettingField.optional(BASE_URL, DEFAULT_BASE_URL, "ChatFlow API base URL"),
                SettingField.required(TOKEN, true, "API token (ChatFlow → Settings → API Access)"),
                SettingField.required(INSTANCE_ID, false, "Instance id of the connected number"),
                SettingField.required(
                        WEBHOOK_SECRET, true, "Long random secret carried in the webhook URL"),
                SettingField.optional(
                        CONNECT_TIMEOUT_MS,
                        Long.toString(DEFAULT_CONNECT_TIMEOUT.toMillis()),
                        "Connect timeout, ms"),
                SettingField.optional(
                        TEXT_TIMEOUT_MS,
                        Long.toString(DEFAULT_TEXT_TIMEOUT.toMillis()),
                        "Timeout of a text send, ms"),
                SettingField.optional(
                        MEDIA_TIMEOUT_MS,
                        Long.toString(DEFAULT_MEDIA_TIMEOUT.toMillis()),
                        "Timeout of a media send, ms"),
                SettingField.optional(
                        MAX_TEXT_LENGTH,
                        Integer.toString(DEFAULT_MAX_TEXT_LENGTH),
                        "Longer texts are split"));
    }

    @Override
    public WhatsAppGateway gateway(ChannelSettings settings) {
        Duration connectTimeout = settings.millis(CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT);
        return new ChatFlowGateway(
                http.withConnectTimeout(connectTimeout),
                settings.baseUrl(BASE_URL, DEFAULT_BASE_URL),
                settings.required(TOKEN),
                settings.required(INSTANCE_ID),
                settings.millis(TEXT_TIMEOUT_MS, DEFAULT_TEXT_TIMEOUT),
                settings.millis(MEDIA_TIMEOUT_MS, DEFAULT_MEDIA_TIMEOUT),
                settings.positiveInt(MAX_TEXT_LENGTH, DEFAULT_MAX_TEXT_LENGTH));
    }

    @Override
    public InboundWebhook webhook(ChannelSettings settings) {
        return new ChatFlowWebhook(settings.required(WEBHOOK_SECRET), clock);
    }

    /** ChatFlow keeps the query string of the webhook URL: the secret travels in it. */
    @Override
    public java.util.Optional<String> webhookPath(String channelKey, ChannelSettings settings) {
        return java.util.Optional.of(
                "/webhooks/chatflow/"
                        + channelKey
                        + "?secret="
                        + java.net.URLEncoder.encode(
                                settings.required(WEBHOOK_SECRET),
                                java.nio.charset.StandardCharsets.UTF_8));
    }
}
