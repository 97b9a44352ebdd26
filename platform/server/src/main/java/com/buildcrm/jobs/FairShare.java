package com.buildcrm.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fairness between companies on one shared job queue (ADR 042).
 *
 * <p>Each company's recent volume is an exponentially decaying count of the due-now interactive
 * jobs enqueued for it (time constant {@link #TAU_NANOS}). Above {@link #FREE} the company takes
 * one step down per doubling, at most {@link #MAX_STEPS}. An interactive job's stored priority is
 * its company's band first and its type second: {@code 50 + 10 × (MAX_STEPS − steps) + (type − 50)
 * / 10}. So every job of a quiet company (band 90–95) runs before any job of a flooding one (band
 * 50–55), and within a band the inbox still goes before sends and sends before turns. A company
 * with a single new lead is answered next, whatever another has queued; with nobody else waiting
 * the bands change nothing.
 *
 * <p>Background jobs (type priority below {@link #INTERACTIVE}: follow-ups, summaries) neither
 * count nor move: they stay below every interactive job, as before.
 *
 * <p>The count is kept per instance: with several instances behind a balancer each sees its share
 * of a flood, which is still a flood. Lost on restart, which only forgets who was busy.
 */
final class FairShare {

    /** Types at or above this priority answer a client (inbox, sends, turns, voice, push). */
    static final int INTERACTIVE = 50;

    /** Jobs a company may enqueue within about {@link #TAU_NANOS} before it yields. */
    static final double FREE = 40;

    /** The width of a company's band of priorities. */
    static final int BAND = 10;

    static final int MAX_STEPS = 4;

    /** The decay's time constant: the volume of a second ago counts e^(−1/10). */
    static final long TAU_NANOS = 10_000_000_000L;

    static final int MAX_REMEMBERED = 4096;

    private record Volume(double level, long at) {}

    private final Map<Long, Volume> volumes = new ConcurrentHashMap<>();

    /**
     * Counts one due-now job of type priority {@code base} of {@code tenantId} enqueued at {@code
     * nowNanos} ({@link System#nanoTime()}), and returns the priority to store.
     */
    int priority(int base, long tenantId, long nowNanos) {
        if (base < INTERACTIVE) {
            return base;
        }
        if (volumes.size() > MAX_REMEMBERED) {
            forgetIdle(nowNanos);
        }
        Volume v =
                volumes.compute(
                        tenantId,
                        (id, old) ->
                                new Volume(
                                        (old == null ? 0 : decayed(old, nowNanos)) + 1, nowNanos));
        return stored(base, steps(v.level()));
    }

    /** The priority a job of {@code tenantId} would get now, without counting it. */
    int peek(int base, long tenantId, long nowNanos) {
        return stored(base, stepsNow(tenantId, nowNanos));
    }

    /**
     * The priority of a job that yields when busy ({@link JobType#yieldsWhenBusy()}): {@code
     * stored} while its company is in the top band, else the lowest band. A flooding company's
     * bands fall as its volume grows, so its early jobs outrank its later ones; without this, the
     * AI turns of its first leads would run before the inbox and the greetings of its later ones
     * (ADR 054).
     */
    int yielding(int base, int stored, long tenantId, long nowNanos) {
        return stepsNow(tenantId, nowNanos) == 0 ? stored : stored(base, MAX_STEPS);
    }

    /** The company's band now, without counting a job. */
    private int stepsNow(long tenantId, long nowNanos) {
        Volume v = volumes.get(tenantId);
        return steps(v == null ? 0 : decayed(v, nowNanos));
    }

    /** The stored priority of a job of type priority {@code base} in band {@code steps}. */
    static int stored(int base, int steps) {
        if (base < INTERACTIVE) {
            return base;
        }
        return INTERACTIVE + BAND * (MAX_STEPS - steps) + (base - INTERACTIVE) / BAND;
    }

    /** Forgets companies idle for a minute (when more than {@link #MAX_REMEMBERED} are known). */
    void forgetIdle(long nowNanos) {
        volumes.values().removeIf(v -> nowNanos - v.at() > 6 * TAU_NANOS);
    }

    static int steps(double level) {
        if (level <= FREE) {
            return 0;
        }
        int steps = 1 + (int) Math.floor(Math.log(level / FREE) / Math.log(2));
        return Math.min(MAX_STEPS, steps);
    }

    private static double decayed(Volume v, long nowNanos) {
        long dt = Math.max(0, nowNanos - v.at());
        return v.level() * Math.exp(-(double) dt / TAU_NANOS);
    }
}
