package com.buildcrm.channel;

import java.util.List;

/**
 * One WhatsApp provider's adapter, registered in {@link Channels} under its {@link #key()}. Builds
 * the gateway and the webhook of a connected number from its settings.
 */
public interface ChannelProvider {

    /**
     * The provider key stored with a tenant's channel: {@code chatflow}, {@code meta-cloud}, {@code
     * sandbox}.
     */
    String key();

    /** The settings it takes, for the admin API. */
    List<SettingField> settingFields();

    /**
     * @throws InvalidChannelSettingsException when a required setting is missing or unusable
     */
    WhatsAppGateway gateway(ChannelSettings settings);

    /**
     * @throws InvalidChannelSettingsException when a required setting is missing or unusable
     */
    InboundWebhook webhook(ChannelSettings settings);

    /**
     * The path and query the provider must call for a channel, to be shown to the operator (e.g.
     * {@code /webhooks/chatflow/<key>?secret=<secret>}); empty for a provider with no outside
     * webhook (the sandbox).
     */
    default java.util.Optional<String> webhookPath(String channelKey, ChannelSettings settings) {
        return java.util.Optional.empty();
    }

    /**
     * How long after the client's last message free-form messages are allowed (Meta: 24 h); empty
     * when the provider has no such window. Outside it only a template can be sent (ADR 035).
     */
    default java.util.Optional<java.time.Duration> sessionWindow() {
        return java.util.Optional.empty();
    }
}
