package com.buildcrm.tenancy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Answers read from the database, kept for a short time and dropped at once when a change is
 * signalled ({@link #invalidateAll}: this instance when the change commits, the others through
 * {@code NOTIFY buildcrm_session}). The time to live bounds how stale an answer can be if a signal
 * is lost. An answer read while a change came in is stored under the older generation and never
 * served, so a read racing a change cannot bring the old state back.
 */
public final class SignalledCache<K, V> {

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final AtomicLong epoch = new AtomicLong();
    private final Map<K, Cached<V>> answers = new ConcurrentHashMap<>();

    /** An answer and the generation it was read in. */
    private record Cached<V>(V value, long epoch, long readAt) {}

    public SignalledCache(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    /** With the clock given (tests). */
    SignalledCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** The kept answer for {@code key}, or {@code load}'s, kept from now on. */
    public V get(K key, Supplier<V> load) {
        long generation = epoch.get();
        long now = nanoTime.getAsLong();
        V hit = fresh(key, generation, now);
        if (hit != null) {
            return hit;
        }
        V value = load.get();
        keep(key, value, generation, now);
        return value;
    }

    /**
     * Like {@link #get}, but an absent answer is never kept: something that does not exist yet (a
     * company still being provisioned) is found as soon as it does.
     */
    public Optional<V> getPresent(K key, Supplier<Optional<V>> load) {
        long generation = epoch.get();
        long now = nanoTime.getAsLong();
        V hit = fresh(key, generation, now);
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<V> value = load.get();
        value.ifPresent(v -> keep(key, v, generation, now));
        return value;
    }

    /** Forgets every answer (a change was signalled, or the signals may have been missed). */
    public void invalidateAll() {
        epoch.incrementAndGet();
        answers.clear();
    }

    private V fresh(K key, long generation, long now) {
        Cached<V> hit = answers.get(key);
        if (hit != null && hit.epoch() == generation && now - hit.readAt() < ttlNanos) {
            return hit.value();
        }
        return null;
    }

    /** Kept as read when the read began: its age counts from then. */
    private void keep(K key, V value, long generation, long readAt) {
        if (value == null) {
            return;
        }
        if (answers.size() >= maxEntries) {
            answers.clear();
        }
        answers.put(key, new Cached<>(value, generation, readAt));
    }
}
