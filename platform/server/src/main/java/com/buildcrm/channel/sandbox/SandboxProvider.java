package com.buildcrm.channel.sandbox;

import com.buildcrm.channel.ChannelProvider;
import com.buildcrm.channel.ChannelSettings;
import com.buildcrm.channel.InboundWebhook;
import com.buildcrm.channel.SettingField;
import com.buildcrm.channel.WhatsAppGateway;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The built-in simulated WhatsApp for the embedded default, demos and end-to-end tests: a person
 * plays the lead on a chat page, and messages go through the very same inbox and outbox path.
 */
public final class SandboxProvider implements ChannelProvider {

    public static final String KEY = "sandbox";
    public static final String WEBHOOK_SECRET = "webhookSecret";

    private final SandboxOutbox outbox;
    private final Clock clock;

    public SandboxProvider(SandboxOutbox outbox, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<SettingField> settingFields() {
        return List.of(
                new SettingField(
                        WEBHOOK_SECRET,
                        false,
                        true,
                        null,
                        "Optional secret for posting to the sandbox webhook URL"));
    }

    @Override
    public WhatsAppGateway gateway(ChannelSettings settings) {
        return new SandboxGateway(outbox, clock);
    }

    @Override
    public InboundWebhook webhook(ChannelSettings settings) {
        return new SandboxWebhook(settings.get(WEBHOOK_SECRET, null), clock);
    }
}
