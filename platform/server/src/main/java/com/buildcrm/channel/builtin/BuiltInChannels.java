package com.buildcrm.channel.builtin;

import com.buildcrm.channel.ChannelProvider;
import com.buildcrm.channel.Channels;
import com.buildcrm.channel.SharedHttpClients;
import com.buildcrm.channel.chatflow.ChatFlowProvider;
import com.buildcrm.channel.meta.MetaCloudProvider;
import com.buildcrm.channel.sandbox.SandboxOutbox;
import com.buildcrm.channel.sandbox.SandboxProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * The channel adapters this server ships — {@code chatflow}, {@code meta-cloud} and {@code sandbox}
 * — put together into the {@link Channels} registry: the only class that names them. It sits above
 * both the registry and the adapters (which implement the {@code channel} package's interfaces), so
 * the {@code channel} package does not depend on its adapters.
 */
@ApplicationScoped
public class BuiltInChannels {

    private static final Logger LOG = Logger.getLogger(BuiltInChannels.class.getName());

    @Inject Clock clock;

    /** The server's registry; the sandbox's outbound messages are only logged (at FINE). */
    @Produces
    @Singleton
    Channels channels() {
        return create(
                message -> LOG.fine(() -> "sandbox delivered " + message.providerMessageId()),
                clock);
    }

    /** The built-in adapters in a registry, the sandbox delivering to {@code sandboxOutbox}. */
    public static Channels create(SandboxOutbox sandboxOutbox, Clock clock) {
        SharedHttpClients http = new SharedHttpClients();
        List<ChannelProvider> providers =
                List.of(
                        new ChatFlowProvider(http, clock),
                        new MetaCloudProvider(http, clock),
                        new SandboxProvider(sandboxOutbox, clock));
        return new Channels(providers);
    }
}
