package com.buildcrm.config;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The settings of several instances behind a proxy (ADR 028): a direct PostgreSQL URL for what a
 * transaction-pooling PgBouncer cannot carry (LISTEN, schema migrations), the proxies whose {@code
 * X-Forwarded-*} headers are believed, and where media live (the data dir or S3-compatible object
 * storage).
 *
 * @param dbDirectUrl JDBC URL straight to PostgreSQL (not through PgBouncer); empty = {@code
 *     BUILDCRM_DB_URL}
 * @param trustedProxies addresses or CIDR blocks of the reverse proxies; empty = none, the TCP peer
 *     is the client
 */
public record ScaleOutSettings(
        Optional<String> dbDirectUrl, List<String> trustedProxies, MediaStorage media) {

    /** Where tenant media live. */
    public enum MediaStoreKind {
        DISK,
        S3
    }

    /**
     * The media storage: the data dir's {@code media/} or one bucket of an S3-compatible store.
     *
     * @param endpoint empty = AWS's own endpoint for the region
     * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}
     *     (MinIO, most self-hosted stores)
     */
    public record MediaStorage(
            MediaStoreKind kind,
            Optional<URI> endpoint,
            String bucket,
            String region,
            String accessKey,
            String secretKey,
            boolean pathStyle) {

        /** Never prints the secret key. */
        @Override
        public String toString() {
            return kind == MediaStoreKind.DISK
                    ? "disk"
                    : "s3://" + bucket + endpoint.map(e -> " at " + e).orElse("");
        }
    }

    public static ScaleOutSettings from(Config config) {
        List<String> proxies =
                nonBlank(config, "buildcrm.trusted.proxies")
                        .map(
                                v ->
                                        Arrays.stream(v.split(","))
                                                .map(String::trim)
                                                .filter(s -> !s.isEmpty())
                                                .toList())
                        .orElse(List.of());
        return new ScaleOutSettings(
                nonBlank(config, "buildcrm.db.direct.url"), proxies, media(config));
    }

    private static MediaStorage media(Config config) {
        String kind =
                nonBlank(config, "buildcrm.media.store").orElse("disk").toLowerCase(Locale.ROOT);
        if (kind.equals("disk")) {
            return new MediaStorage(MediaStoreKind.DISK, Optional.empty(), "", "", "", "", false);
        }
        if (!kind.equals("s3")) {
            throw new IllegalStateException(
                    "BUILDCRM_MEDIA_STORE must be 'disk' or 's3', not '" + kind + "'");
        }
        Optional<URI> endpoint =
                nonBlank(config, "buildcrm.s3.endpoint")
                        .map(
                                e -> {
                                    URI uri;
                                    try {
                                        uri = URI.create(e);
                                    } catch (IllegalArgumentException ex) {
                                        uri = null;
                                    }
                                    if (uri == null
                                            || uri.getHost() == null
                                            || !("http".equals(uri.getScheme())
                                                    || "https".equals(uri.getScheme()))) {
                                        throw new IllegalStateException(
                                                "BUILDCRM_S3_ENDPOINT must be an http(s) URL, not '"
                                                        + e
                                                        + "'");
                                    }
                                    return uri;
                                });
        return new MediaStorage(
                MediaStoreKind.S3,
                endpoint,
                required(config, "buildcrm.s3.bucket", "BUILDCRM_S3_BUCKET"),
                nonBlank(config, "buildcrm.s3.region").orElse("us-east-1"),
                required(config, "buildcrm.s3.access.key", "BUILDCRM_S3_ACCESS_KEY"),
                required(config, "buildcrm.s3.secret.key", "BUILDCRM_S3_SECRET_KEY"),
                config.getOptionalValue("buildcrm.s3.path.style", Boolean.class).orElse(false));
    }

    private static String required(Config config, String key, String variable) {
        return nonBlank(config, key)
                .orElseThrow(
                        () ->
                                new IllegalStateException(
                                        variable + " is required with BUILDCRM_MEDIA_STORE=s3"));
    }

    private static Optional<String> nonBlank(Config config, String key) {
        return config.getOptionalValue(key, String.class)
                .map(String::trim)
                .filter(s -> !s.isEmpty());
    }
}
