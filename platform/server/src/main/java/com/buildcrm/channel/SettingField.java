package com.buildcrm.channel;

/**
 * Describes one setting a provider takes, so the admin API can validate, encrypt and render it
 * without knowing the provider.
 *
 * @param name the key in the settings map
 * @param required the adapter cannot be built without it
 * @param secret encrypt at rest and never return it
 * @param defaultValue used when absent, or null
 * @param description for the admin form
 */
public record SettingField(
        String name, boolean required, boolean secret, String defaultValue, String description) {

    public static SettingField required(String name, boolean secret, String description) {
        return new SettingField(name, true, secret, null, description);
    }

    public static SettingField optional(String name, String defaultValue, String description) {
        return new SettingField(name, false, false, defaultValue, description);
    }
}
