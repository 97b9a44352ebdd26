package com.buildcrm.jobs;

import java.time.Duration;

/**
 * How a failed job execution is retried: at most {@link #maxRetries()} times, waiting {@link
 * #firstDelay()} before the first retry and 1.5 times longer before each next one (db-scheduler's
 * exponential backoff). After the last retry the execution is dropped; a feature that must not lose
 * the work keeps it in its own table for a sweeper (see the inbox and the outbox).
 *
 * @param maxRetries retries after the first failure (0: none)
 * @param firstDelay the pause before the first retry
 */
public record RetryPolicy(int maxRetries, Duration firstDelay) {

    /** The backoff every job of the message path uses. */
    public static final Duration ONE_SECOND = Duration.ofSeconds(1);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        if (firstDelay == null || firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalArgumentException("firstDelay must be positive");
        }
    }

    /** {@code maxRetries} retries with exponential backoff from one second. */
    public static RetryPolicy exponential(int maxRetries) {
        return new RetryPolicy(maxRetries, ONE_SECOND);
    }
}
