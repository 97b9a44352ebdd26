package com.buildcrm.channel;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** A channel's settings as stored (string to string), with typed, validating reads. */
public record ChannelSettings(Map<String, String> values) {

    public ChannelSettings {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public static ChannelSettings of(Map<String, String> values) {
        return new ChannelSettings(values);
    }

    /** The value, stripped, or an {@link InvalidChannelSettingsException} when absent or blank. */
    public String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new InvalidChannelSettingsException("Missing channel setting: " + name);
        }
        return value.strip();
    }

    /** The value, stripped, or {@code defaultValue} when absent or blank. */
    public String get(String name, String defaultValue) {
        String value = values.get(name);
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    /** A duration given in milliseconds. */
    public Duration millis(String name, Duration defaultValue) {
        String value = get(name, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            long millis = Long.parseLong(value);
            if (millis <= 0) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            throw new InvalidChannelSettingsException(
                    "Channel setting " + name + " must be a positive number of milliseconds");
        }
    }

    public int positiveInt(String name, int defaultValue) {
        String value = get(name, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value);
            if (number <= 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidChannelSettingsException(
                    "Channel setting " + name + " must be a positive whole number");
        }
    }

    /** An http(s) base URL, always ending with {@code /}. */
    public URI baseUrl(String name, String defaultValue) {
        String value = get(name, defaultValue);
        try {
            URI uri = URI.create(value.endsWith("/") ? value : value + "/");
            if (!"https".equalsIgnoreCase(uri.getScheme())
                            && !"http".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new InvalidChannelSettingsException(
                    "Channel setting " + name + " must be an http(s) URL");
        }
    }

    @Override
    public String toString() {
        return "ChannelSettings" + values.keySet(); // values may be secrets
    }
}
