package com.buildcrm.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PackGuardTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final PackGuard guard =
            new PackGuard(
                    "flaky",
                    getClass().getClassLoader(),
                    new PackGuard.Limits(Duration.ofMillis(500), 2, Duration.ofMinutes(1)),
                    now::get);
    private final CapturedLogs logs = new CapturedLogs();

    @AfterEach
    void close() {
        guard.close();
        logs.close();
    }

    @Test
    void aPackThatKeepsFailingIsSkippedForAMinuteThenTriedAgain() {
        AtomicBoolean failing = new AtomicBoolean(true);
        AtomicInteger calls = new AtomicInteger();
        java.util.concurrent.Callable<String> call =
                () -> {
                    calls.incrementAndGet();
                    if (failing.get()) {
                        throw new IllegalStateException("down");
                    }
                    return "ok";
                };

        assertThat(guard.run("extract", call)).isEmpty();
        assertThat(guard.degraded()).isFalse();
        assertThat(guard.run("extract", call)).isEmpty();
        assertThat(guard.degraded()).isTrue();
        assertThat(logs.problems()).anySatisfy(m -> assertThat(m).contains("degraded for 60 s"));

        assertThat(guard.run("extract", call)).isEmpty();
        assertThat(calls).hasValue(2); // not even tried while degraded

        now.addAndGet(Duration.ofSeconds(61).toNanos());
        failing.set(false);
        assertThat(guard.run("extract", call)).contains("ok");
        assertThat(guard.degraded()).isFalse();
        assertThat(calls).hasValue(3);
    }

    @Test
    void callsRunOnNamedDaemonThreadsWithThePackClassLoader() {
        var seen =
                guard.run(
                        "descriptor",
                        () -> {
                            Thread t = Thread.currentThread();
                            return t.getName()
                                    + "|"
                                    + t.isDaemon()
                                    + "|"
                                    + (t.getContextClassLoader() == getClass().getClassLoader());
                        });
        assertThat(seen)
                .hasValueSatisfying(s -> assertThat(s).matches("pack-flaky-\\d+\\|true\\|true"));
    }

    @Test
    void aNullResultIsAFailure() {
        assertThat(guard.run("industryPrompt", () -> null)).isEmpty();
        assertThat(logs.problems())
                .anySatisfy(
                        m ->
                                assertThat(m)
                                        .contains(
                                                "pack flaky failed in industryPrompt: returned null"));
    }
}
