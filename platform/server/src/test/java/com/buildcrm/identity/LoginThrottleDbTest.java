package com.buildcrm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.tenancy.DbTier;
import com.buildcrm.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The login throttle's single upsert on real PostgreSQL, with a clock the test moves: the limit per
 * account and per address, the 15-minute lock, the 15-minute window, and a success resetting the
 * account. (The black-box ITs prove it under concurrency but cannot wait 15 minutes.)
 */
class LoginThrottleDbTest {

    private static final DbTier DB = DbTier.get();

    /** A clock the test advances. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-20T09:00:00Z");

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

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle();
    // every test uses its own keys: the platform table is shared by the JVM's DB tests
    private final String account = "acme/" + UUID.randomUUID() + "@acme.kz";
    private final String address = "10.0." + UUID.randomUUID();

    @BeforeEach
    void wire() {
        throttle.storage = DB.storage();
        throttle.clock = clock;
        throttle.maxPerAccount = 5;
        throttle.maxPerAddress = 30;
    }

    private void attempt(String who, String from) {
        throttle.reserve(who, from);
    }

    private void refused(String who, String from) {
        assertThatThrownBy(() -> throttle.reserve(who, from))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.status()).isEqualTo(429));
    }

    @Test
    void anAccountIsLockedAfterItsLimitForFifteenMinutes() {
        for (int i = 0; i < 5; i++) {
            attempt(account, address);
        }
        refused(account, address);
        clock.advance(Duration.ofMinutes(14));
        refused(account, address);
        // the lock runs from the attempt that caused it, not from the latest refused one
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThatNoException().isThrownBy(() -> attempt(account, address));
        // other accounts were never affected
        assertThatNoException().isThrownBy(() -> attempt("other-" + account, address));
    }

    @Test
    void failuresOutsideTheWindowDoNotCount() {
        for (int i = 0; i < 4; i++) {
            attempt(account, address);
        }
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 5; i++) {
            attempt(account, address);
        }
        refused(account, address);
    }

    @Test
    void aSuccessStartsTheAccountsCountAgain() {
        for (int i = 0; i < 4; i++) {
            attempt(account, address);
        }
        throttle.recordSuccess(account, address);
        for (int i = 0; i < 5; i++) {
            attempt(account, address);
        }
        refused(account, address);
    }

    @Test
    void anAddressIsLockedAcrossAccountsAndGivesTheAttemptBack() {
        throttle.maxPerAddress = 3;
        attempt("a-" + account, address);
        attempt("b-" + account, address);
        attempt(account, address);
        refused(account, address);
        refused(account, address);
        // the attempts refused for the address were given back: the account has 4 of 5 left
        // (tried from four other addresses, each below its own limit)
        for (int i = 0; i < 4; i++) {
            attempt(account, "elsewhere-" + i + "-" + address);
        }
        refused(account, "elsewhere-4-" + address);
    }
}
