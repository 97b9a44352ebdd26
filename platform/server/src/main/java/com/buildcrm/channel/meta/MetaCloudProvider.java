package com.buildcrm.channel.meta;

import com.buildcrm.channel.ChannelProvider;
import com.buildcrm.channel.ChannelSettings;
import com.buildcrm.channel.InboundWebhook;
import com.buildcrm.channel.InvalidChannelSettingsException;
import com.buildcrm.channel.SettingField;
import com.buildcrm.channel.SharedHttpClients;
import com.buildcrm.channel.WhatsAppGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Meta's official WhatsApp Cloud API: JSON POSTs with a bearer token, webhooks signed with the app
 * secret, delivery receipts, and a 24-hour customer-service window.
 */
public final class MetaCloudProvider implements ChannelProvider {

    public static final String KEY = "meta-cloud";

    public static final String BASE_URL = "baseUrl";
    public static final String API_VERSION = "apiVersion";
    public static final String PHONE_NUMBER_ID = "phoneNumberId";
    public static final String ACCESS_TOKEN = "accessToken";
    public static final String APP_SECRET = "appSecret";
    public static final String VERIFY_TOKEN = "verifyToken";
    public static final String CONNECT_TIMEOUT_MS = "connectTimeoutMs";
    public static final String REQUEST_TIMEOUT_MS = "requestTimeoutMs";

    static final String DEFAULT_BASE_URL = "https://graph.facebook.com/";
    static final String DEFAULT_API_VERSION = "21.0";
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern VERSION = Pattern.compile("v?(\\d+(\\.\\d+)?)");
    private static final Pattern NUMBER_ID = Pattern.compile("\\d{1,30}");

    private final SharedHttpClients http;
    private final Clock clock;

    public MetaCloudProvider(SharedHttpClients http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String key() {
        return KEY;
    }

    /** WhatsApp's customer-service window: free-form messages only within 24 h of the client's. */
    @Override
    public java.util.Optional<Duration> sessionWindow() {
        return java.util.Optional.of(MetaCloudGateway.SESSION_WINDOW);
    }

    @Override
    public List<SettingField> settingFields() {
        return List.of(
                SettingField.optional(BASE_URL, DEFAULT_BASE_URL, "Graph API base URL"),
                SettingField.optional(API_VERSION, DEFAULT_API_VERSION, "Graph API version"),
                SettingField.required(PHONE_NUMBER_ID, false, "Phone number id of the number"),
                SettingField.required(ACCESS_TOKEN, true, "System user access token"),
                SettingField.required(APP_SECRET, true, "App secret (checks webhook signatures)"),
                SettingField.required(VERIFY_TOKEN, true, "Verify token of the webhook handshake"),
                SettingField.optional(
                        CONNECT_TIMEOUT_MS,
                        Long.toString(DEFAULT_CONNECT_TIMEOUT.toMillis()),
                        "Connect timeout, ms"),
                SettingField.optional(
                        REQUEST_TIMEOUT_MS,
                        Long.toString(DEFAULT_REQUEST_TIMEOUT.toMillis()),
                        "Request timeout, ms"));
    }

    @Override
    public WhatsAppGateway gateway(ChannelSettings settings) {
        var version = VERSION.matcher(settings.get(API_VERSION, DEFAULT_API_VERSION));
        if (!version.matches()) {
            throw new InvalidChannelSettingsException(
                    "Channel setting apiVersion must look like 21.0");
        }
        String phoneNumberId = settings.required(PHONE_NUMBER_ID);
        if (!NUMBER_ID.matcher(phoneNumberId).matches()) {
            throw new InvalidChannelSettingsException(
                    "Channel setting phoneNumberId must be digits");
        }
        return new MetaCloudGateway(
                http.withConnectTimeout(
                        settings.millis(CONNECT_TIMEOUT_MS, DEFAULT_CONNECT_TIMEOUT)),
                settings.baseUrl(BASE_URL, DEFAULT_BASE_URL).resolve("v" + version.group(1) + "/"),
                phoneNumberId,
                settings.required(ACCESS_TOKEN),
                settings.millis(REQUEST_TIMEOUT_MS, DEFAULT_REQUEST_TIMEOUT));
    }

    @Override
    public InboundWebhook webhook(ChannelSettings settings) {
        return new MetaCloudWebhook(
                settings.required(APP_SECRET), settings.required(VERIFY_TOKEN), clock);
    }

    /** Meta signs each delivery (X-Hub-Signature-256); the URL carries only the routing key. */
    @Override
    public java.util.Optional<String> webhookPath(String channelKey, ChannelSettings settings) {
        return java.util.Optional.of("/webhooks/meta/" + channelKey);
    }
}
