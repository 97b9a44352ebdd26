package com.buildcrm.channel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry of channel adapters: the only place a provider key chooses code. Everything else
 * holds a {@link WhatsAppGateway} or an {@link InboundWebhook} and never asks which provider is
 * behind it. The server's registry, with the built-in adapters, comes from {@code
 * channel.builtin.BuiltInChannels}.
 *
 * <p>Building is cheap (HTTP clients are shared), but callers may cache a channel's gateway and
 * webhook until its settings change.
 */
public final class Channels {

    private final Map<String, ChannelProvider> providers = new LinkedHashMap<>();

    /**
     * @throws IllegalArgumentException when two providers have the same key
     */
    public Channels(List<ChannelProvider> providers) {
        for (ChannelProvider provider : providers) {
            if (this.providers.putIfAbsent(provider.key(), provider) != null) {
                throw new IllegalArgumentException(
                        "Two channel providers with key " + provider.key());
            }
        }
    }

    public Set<String> keys() {
        return Set.copyOf(providers.keySet());
    }

    public boolean supports(String provider) {
        return provider != null && providers.containsKey(provider);
    }

    /**
     * @throws UnknownChannelProviderException when no adapter has this key
     */
    public ChannelProvider provider(String provider) {
        ChannelProvider found = provider == null ? null : providers.get(provider);
        if (found == null) {
            throw new UnknownChannelProviderException(provider);
        }
        return found;
    }

    /**
     * @throws UnknownChannelProviderException when no adapter has this key
     * @throws InvalidChannelSettingsException when the settings cannot make a gateway
     */
    public WhatsAppGateway gateway(String provider, Map<String, String> settings) {
        return provider(provider).gateway(ChannelSettings.of(settings));
    }

    /**
     * @throws UnknownChannelProviderException when no adapter has this key
     * @throws InvalidChannelSettingsException when the settings cannot make a webhook
     */
    public InboundWebhook webhook(String provider, Map<String, String> settings) {
        return provider(provider).webhook(ChannelSettings.of(settings));
    }
}
