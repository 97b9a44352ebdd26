package com.buildcrm.pack;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the calls into one pack: on the pack's own small pool of daemon threads ({@code
 * pack-<id>-<n>}, at most {@value #THREADS} threads and {@value #QUEUE} waiting calls, so a hanging
 * pack can only exhaust its own threads), each with a time limit.
 *
 * <p>A failed call (exception, timeout, invalid result, pool full) is logged with the pack id, the
 * method and the cause, and answers empty so the caller falls back. After {@link
 * Limits#failuresToDegrade()} consecutive failures the pack is <em>degraded</em> for {@link
 * Limits#degradedFor()}: its calls are not even tried, so a pack that hangs does not cost every
 * turn the full timeout. After that period the next call tries the pack again; a success clears the
 * count, a failure degrades it again at once. The state is in memory, per instance — enough for
 * what it protects (the latency of this instance's turns).
 */
final class PackGuard implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PackGuard.class.getName());
    static final int THREADS = 4;
    static final int QUEUE = 64;

    /** Time limit per call, and when a failing pack is put aside. */
    record Limits(Duration callTimeout, int failuresToDegrade, Duration degradedFor) {
        static Limits of(Duration callTimeout) {
            return new Limits(callTimeout, 3, Duration.ofMinutes(1));
        }
    }

    private final String packId;
    private final ClassLoader packLoader;
    private final Limits limits;
    private final LongSupplier nanoTime;
    private final ThreadPoolExecutor executor;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile long degradedUntil;
    private volatile boolean degraded;

    PackGuard(String packId, ClassLoader packLoader, Limits limits, LongSupplier nanoTime) {
        this.packId = packId;
        this.packLoader = packLoader;
        this.limits = limits;
        this.nanoTime = nanoTime;
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadFactory threads =
                task -> {
                    Thread t =
                            new Thread(
                                    task, "pack-" + packId + "-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                };
        this.executor =
                new ThreadPoolExecutor(
                        THREADS,
                        THREADS,
                        30,
                        TimeUnit.SECONDS,
                        new ArrayBlockingQueue<>(QUEUE),
                        threads,
                        new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
    }

    String packId() {
        return packId;
    }

    /** Whether calls are currently skipped because of repeated failures. */
    boolean degraded() {
        return degraded && nanoTime.getAsLong() - degradedUntil < 0;
    }

    /**
     * The call's result, or empty when it failed (already logged). {@code call} runs on a pack
     * thread with the pack's class loader as context class loader; it should also check and copy
     * the result, so a hostile result cannot hang the caller either.
     */
    <T> Optional<T> run(String method, Callable<T> call) {
        if (degraded()) {
            LOG.fine(() -> "pack " + packId + " is degraded; skipping " + method);
            return Optional.empty();
        }
        Future<T> future;
        try {
            future =
                    executor.submit(
                            () -> {
                                Thread thread = Thread.currentThread();
                                ClassLoader previous = thread.getContextClassLoader();
                                thread.setContextClassLoader(packLoader);
                                try {
                                    return call.call();
                                } finally {
                                    thread.setContextClassLoader(previous);
                                }
                            });
        } catch (RuntimeException rejected) {
            return failed(method, "all its threads are busy (" + rejected + ")", null);
        }
        try {
            T result = future.get(limits.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (result == null) {
                return failed(method, "returned null", null);
            }
            succeeded();
            return Optional.of(result);
        } catch (TimeoutException e) {
            future.cancel(true);
            return failed(
                    method,
                    "did not answer within " + limits.callTimeout().toMillis() + " ms",
                    null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failed(method, "threw " + cause, cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            LOG.warning(
                    () ->
                            "interrupted while waiting for pack "
                                    + packId
                                    + " in "
                                    + method
                                    + "; using the fallback pack's answer");
            return Optional.empty();
        }
    }

    private void succeeded() {
        if (consecutiveFailures.getAndSet(0) > 0 && degraded) {
            degraded = false;
            LOG.info(() -> "pack " + packId + " answers again; no longer degraded");
        }
    }

    private <T> Optional<T> failed(String method, String why, Throwable cause) {
        int failures = consecutiveFailures.incrementAndGet();
        LOG.log(
                Level.WARNING,
                cause,
                () ->
                        "pack "
                                + packId
                                + " failed in "
                                + method
                                + ": "
                                + why
                                + "; using the fallback pack's answer");
        if (failures >= limits.failuresToDegrade()) {
            degradedUntil = nanoTime.getAsLong() + limits.degradedFor().toNanos();
            degraded = true;
            LOG.warning(
                    () ->
                            "pack "
                                    + packId
                                    + " failed "
                                    + failures
                                    + " times in a row: degraded for "
                                    + limits.degradedFor().toSeconds()
                                    + " s (its calls go straight to the fallback pack)");
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
