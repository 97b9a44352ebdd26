package com.buildcrm.plugin.api;

/**
 * Version of this contract. Packs declare what they need in their manifest's {@code
 * Plugin-Requires}.
 */
public final class PluginApi {

    /**
     * The contract version the platform offers (semantic versioning: a pack built for 1.x loads on
     * any 1.x platform). The pack host rejects a pack whose {@code Plugin-Requires} does not match.
     */
    public static final String VERSION = "1.0.0";

    private PluginApi() {}
}
