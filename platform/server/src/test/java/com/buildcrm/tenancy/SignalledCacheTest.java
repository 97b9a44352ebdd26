package com.buildcrm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SignalledCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger loads = new AtomicInteger();
    private final SignalledCache<Long, String> cache =
            new SignalledCache<>(Duration.ofNanos(100), 3, now::get);

    private String load(String value) {
        loads.incrementAndGet();
        return value;
    }

    @Test
    void anAnswerIsKeptUntilItsTimeToLiveEnds() {
        assertThat(cache.get(1L, () -> load("a"))).isEqualTo("a");
        now.addAndGet(99);
        assertThat(cache.get(1L, () -> load("b"))).isEqualTo("a");
        now.addAndGet(1);
        assertThat(cache.get(1L, () -> load("c"))).isEqualTo("c");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aSignalledChangeDropsEveryAnswerAtOnce() {
        cache.get(1L, () -> load("a"));
        cache.get(2L, () -> load("b"));
        cache.invalidateAll();
        assertThat(cache.get(1L, () -> load("a2"))).isEqualTo("a2");
        assertThat(cache.get(2L, () -> load("b2"))).isEqualTo("b2");
        assertThat(loads).hasValue(4);
    }

    @Test
    void anAnswerReadWhileAChangeCameInIsNeverServed() {
        // the read began before the change was signalled: it may hold the old state
        assertThat(
                        cache.get(
                                1L,
                                () -> {
                                    cache.invalidateAll();
                                    return load("old");
                                }))
                .isEqualTo("old");
        assertThat(cache.get(1L, () -> load("new"))).isEqualTo("new");
        assertThat(cache.get(1L, () -> load("newer"))).isEqualTo("new");
    }

    @Test
    void theAgeCountsFromWhenTheReadBegan() {
        cache.get(
                1L,
                () -> {
                    now.addAndGet(60); // a slow read
                    return load("a");
                });
        now.addAndGet(40);
        assertThat(cache.get(1L, () -> load("b"))).isEqualTo("b");
    }

    @Test
    void somethingNotFoundIsLookedUpAgainEachTime() {
        assertThat(cache.getPresent(1L, () -> Optional.ofNullable(null))).isEmpty();
        assertThat(cache.getPresent(1L, () -> Optional.of(load("created")))).contains("created");
        assertThat(cache.getPresent(1L, () -> Optional.of(load("again")))).contains("created");
        assertThat(loads).hasValue(1);
    }

    @Test
    void aFullCacheStartsOver() {
        cache.get(1L, () -> load("a"));
        cache.get(2L, () -> load("b"));
        cache.get(3L, () -> load("c"));
        cache.get(4L, () -> load("d")); // full: the three kept answers are dropped
        assertThat(cache.get(4L, () -> load("d2"))).isEqualTo("d");
        assertThat(cache.get(1L, () -> load("a2"))).isEqualTo("a2");
        assertThat(loads).hasValue(5);
    }
}
