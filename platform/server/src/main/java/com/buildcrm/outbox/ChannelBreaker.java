package com.buildcrm.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A circuit breaker per tenant channel: after {@code threshold} consecutive retryable failures the
 * channel is left alone for {@code openFor}, then one probe send decides whether it closes again.
 * Per instance on purpose: it protects the provider from this instance's retries; the outbox rows
 * themselves (the state that matters) are in the database.
 */
public final class ChannelBreaker {

    /** What the breaker says about sending now. */
    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private record Entry(int failures, Instant openUntil) {}

    private final Clock clock;
    private final int threshold;
    private final Duration openFor;
    private final ConcurrentHashMap<Long, Entry> channels = new ConcurrentHashMap<>();

    public ChannelBreaker(Clock clock, int threshold, Duration openFor) {
        this.clock = clock;
        this.threshold = threshold;
        this.openFor = openFor;
    }

    public State state(long tenantId) {
        Entry e = channels.get(tenantId);
        if (e == null || e.openUntil() == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(e.openUntil()) ? State.OPEN : State.HALF_OPEN;
    }

    /** When an open breaker lets the next probe through. */
    public Instant retryAt(long tenantId) {
        Entry e = channels.get(tenantId);
        return e == null || e.openUntil() == null ? clock.instant() : e.openUntil();
    }

    public void success(long tenantId) {
        channels.remove(tenantId);
    }

    public void failure(long tenantId) {
        channels.compute(
                tenantId,
                (id, e) -> {
                    int failures = (e == null ? 0 : e.failures()) + 1;
                    Instant openUntil =
                            failures >= threshold ? clock.instant().plus(openFor) : null;
                    return new Entry(failures, openUntil);
                });
    }
}
