package com.buildcrm.plugin.api;

/**
 * Version of this contract. Packs declare what they need in their manifest's {@code
 * Plugin-Requires}.
 */
public final class PluginApi {

    /**
     * The contract version the platform offers (semantic versioning: a pack built for 1.x loads on
     * any 1.x platform). The pack host rejects a pack whose {@code Plugin-Requires} does not match.
     * Set by the build from the parent pom's {@code plugin-api.version}, which also writes the
     * packs' {@code Plugin-Requires}; never typed here.
     */
    public static final String VERSION = PluginApiVersion.VALUE;

    private PluginApi() {}
}
