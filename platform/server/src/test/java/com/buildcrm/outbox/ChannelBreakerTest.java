package com.buildcrm.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ChannelBreakerTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T06:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void opensAfterRepeatedFailuresAndLetsAProbeThroughLater() {
        ManualClock clock = new ManualClock();
        ChannelBreaker breaker = new ChannelBreaker(clock, 3, Duration.ofSeconds(30));
        breaker.failure(1);
        breaker.failure(1);
        assertThat(breaker.state(1)).isEqualTo(ChannelBreaker.State.CLOSED);
        breaker.failure(1);
        assertThat(breaker.state(1)).isEqualTo(ChannelBreaker.State.OPEN);
        assertThat(breaker.state(2))
                .as("other tenants are not affected")
                .isEqualTo(ChannelBreaker.State.CLOSED);
        assertThat(breaker.retryAt(1)).isEqualTo(clock.instant().plusSeconds(30));

        clock.advance(Duration.ofSeconds(31));
        assertThat(breaker.state(1)).isEqualTo(ChannelBreaker.State.HALF_OPEN);
        breaker.success(1);
        assertThat(breaker.state(1)).isEqualTo(ChannelBreaker.State.CLOSED);
    }

    @Test
    void aFailedProbeOpensItAgainAtOnce() {
        ManualClock clock = new ManualClock();
        ChannelBreaker breaker = new ChannelBreaker(clock, 2, Duration.ofSeconds(30));
        breaker.failure(7);
        breaker.failure(7);
        clock.advance(Duration.ofSeconds(31));
        breaker.failure(7);
        assertThat(breaker.state(7)).isEqualTo(ChannelBreaker.State.OPEN);
    }

    @Test
    void retryBackoffGrowsExponentiallyUpToTheCap() {
        assertThat(OutboxSender.backoff(1)).isEqualTo(Duration.ofSeconds(4));
        assertThat(OutboxSender.backoff(2)).isEqualTo(Duration.ofSeconds(8));
        assertThat(OutboxSender.backoff(10)).isEqualTo(OutboxSender.MAX_BACKOFF);
    }
}
