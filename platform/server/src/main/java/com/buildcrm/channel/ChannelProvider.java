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
}
