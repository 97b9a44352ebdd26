package com.buildcrm.plugin.api;

/**
 * The contract version, written by the build from the parent pom's {@code plugin-api.version}
 * (this file is a template: Maven filters it into {@code target/generated-sources}). The pack
 * manifests' {@code Plugin-Requires} comes from the same property, so the two never drift.
 */
final class PluginApiVersion {

    /** The version string, e.g. {@code 1.0.0}; a compile-time constant. */
    static final String VALUE = "${plugin-api.version}";

    private PluginApiVersion() {}
}
