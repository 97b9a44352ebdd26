package com.buildcrm.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Web Push settings (environment {@code BUILDCRM_PUSH_*}, see the README). The VAPID keys are
 * read by {@link VapidKeyStore}.
 */
@ApplicationScoped
public class PushSettings {

    @Inject
    @ConfigProperty(name = "buildcrm.push.allow.http.localhost", defaultValue = "false")
    boolean allowHttpLocalhost;

    @Inject
    @ConfigProperty(name = "buildcrm.push.timeout.ms", defaultValue = "10000")
    long timeoutMs;

    @Inject
    @ConfigProperty(name = "buildcrm.push.retries", defaultValue = "6")
    int retries;

    @Inject
    @ConfigProperty(name = "buildcrm.push.retry.first.delay.ms", defaultValue = "10000")
    long retryFirstDelayMs;

    @Inject
    @ConfigProperty(name = "buildcrm.push.ttl.seconds", defaultValue = "3600")
    int ttlSeconds;

    /**
     * Whether subscriptions may point at http://127.0.0.1, http://localhost (and https to those):
     * tests and a developer's own fake push service only.
     */
    public boolean allowHttpLocalhost() {
        return allowHttpLocalhost;
    }

    /** Connect and answer timeout of one request to a push service. */
    public Duration timeout() {
        return Duration.ofMillis(Math.max(100, timeoutMs));
    }

    /** Retries of a delivery the push service did not accept (429, 5xx, timeouts). */
    public int retries() {
        return Math.max(0, Math.min(20, retries));
    }

    /** The pause before the first retry; each next one waits 1.5 times longer. */
    public Duration retryFirstDelay() {
        return Duration.ofMillis(Math.max(10, retryFirstDelayMs));
    }

    /** How long a push service keeps an undelivered message (the TTL header). */
    public int ttlSeconds() {
        return Math.max(0, ttlSeconds);
    }
}
