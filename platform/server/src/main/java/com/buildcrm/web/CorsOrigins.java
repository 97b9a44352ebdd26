package com.buildcrm.web;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The browser origins allowed to call the API from another origin ({@code BUILDCRM_CORS_ORIGINS}: a
 * comma-separated list of {@code scheme://host[:port]}, e.g. the static host of the web apps). None
 * (the default) means no CORS at all, as before: the web apps are then served by the server itself.
 * Every entry must be an exact origin — no path, no wildcard, no {@code null} — so a typo is a
 * start error, not a silently open or silently closed API.
 */
public record CorsOrigins(Set<String> origins) {

    /**
     * The setting's name in microprofile-config; the environment variable is BUILDCRM_CORS_ORIGINS.
     */
    public static final String SETTING = "buildcrm.cors.origins";

    public static final CorsOrigins NONE = new CorsOrigins(Set.of());

    public CorsOrigins {
        origins = Set.copyOf(origins);
    }

    /**
     * Parses the setting's value.
     *
     * @throws IllegalArgumentException naming the bad entry, one line
     */
    public static CorsOrigins parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String raw : value.split(",", -1)) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                throw new IllegalArgumentException(
                        "BUILDCRM_CORS_ORIGINS has an empty entry in '"
                                + value.strip()
                                + "'; list origins like https://crm.example.com, separated by"
                                + " commas");
            }
            origins.add(normalise(entry));
        }
        return new CorsOrigins(origins);
    }

    /** Whether any origin is configured (cross-origin web apps are expected). */
    public boolean enabled() {
        return !origins.isEmpty();
    }

    /** Whether a request's {@code Origin} header names an allowed origin. */
    public boolean allows(String origin) {
        if (origin == null || origins.isEmpty()) {
            return false;
        }
        try {
            return origins.contains(normalise(origin.strip()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code scheme://host[:port]} in lower case, the default port left out. */
    static String normalise(String entry) {
        URI uri;
        try {
            uri = URI.create(entry);
        } catch (IllegalArgumentException e) {
            throw invalid(entry, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(entry, "the scheme must be http or https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(entry, "it has no host");
        }
        if (uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
            throw invalid(entry, "an origin has no path, query or user (scheme://host[:port])");
        }
        if (uri.getHost().contains("*")) {
            throw invalid(entry, "wildcards are not allowed");
        }
        int port = uri.getPort();
        boolean defaultPort =
                port == -1
                        || (scheme.equals("http") && port == 80)
                        || (scheme.equals("https") && port == 443);
        return scheme
                + "://"
                + uri.getHost().toLowerCase(Locale.ROOT)
                + (defaultPort ? "" : ":" + port);
    }

    private static IllegalArgumentException invalid(String entry, String why) {
        return new IllegalArgumentException(
                "BUILDCRM_CORS_ORIGINS entry '" + entry + "' is not an origin: " + why);
    }
}
