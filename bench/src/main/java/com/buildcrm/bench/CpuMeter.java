package com.buildcrm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a scenario's CPU time went, from Linux's {@code /proc}: the server's JVM, the embedded
 * PostgreSQL (its postmaster and every backend, the ones that ended included through the
 * postmaster's children's times), the bench's own process (its clients and fake gateway share the
 * machine), and the machine as a whole ({@code /proc/stat}: busy against idle).
 *
 * <p>It turns "the cores are full" into a figure: the CPU a scenario's work took, per unit of work,
 * and the shortest wall time that work could take on this machine's cores ({@link
 * Use#floorSeconds}).
 */
final class CpuMeter {

    /** Clock ticks per second of {@code /proc}'s times ({@code getconf CLK_TCK}: 100 on Linux). */
    private static final double TICKS = ticksPerSecond();

    private final long serverPid;
    private final Path postmasterPidFile;

    CpuMeter(BenchServer server) {
        this.serverPid = server.pid();
        this.postmasterPidFile = server.dir().resolve("data/pg/postmaster.pid");
    }

    /** The counters now. */
    Sample sample() {
        long[] machine = machine();
        return new Sample(
                System.nanoTime(),
                machine[0],
                machine[1],
                processTicks(serverPid, false),
                postgresTicks(),
                processTicks(ProcessHandle.current().pid(), false));
    }

    /** The counters at one moment, in clock ticks (wall time in nanoseconds). */
    record Sample(long nanos, long busy, long idle, long server, long postgres, long bench) {

        /** What was used from {@code before} to this sample. */
        Use since(Sample before) {
            return new Use(
                    (nanos - before.nanos) / 1e9,
                    (busy - before.busy) / TICKS,
                    (idle - before.idle) / TICKS,
                    (server - before.server) / TICKS,
                    (postgres - before.postgres) / TICKS,
                    (bench - before.bench) / TICKS);
        }
    }

    /** CPU seconds used in a window of {@code wall} seconds. */
    record Use(
            double wall, double busy, double idle, double server, double postgres, double bench) {

        /** The share of the machine's CPU time that was busy (0..1). */
        double busyShare() {
            return busy + idle == 0 ? 0 : busy / (busy + idle);
        }

        /**
         * The shortest wall time the server's and the database's work of this window could take
         * with every core of the machine on it and nothing else running.
         */
        double floorSeconds() {
            return (server + postgres) / Runtime.getRuntime().availableProcessors();
        }

        /** A table row's CPU columns for {@code units} units of work (e.g. leads). */
        String row(int units) {
            return String.format(
                    "%.1f | %.0f %% | %.1f | %.1f | %.1f | %.1f | %.1f",
                    wall,
                    100 * busyShare(),
                    server,
                    postgres,
                    bench,
                    1000 * (server + postgres) / units,
                    floorSeconds());
        }

        /** The header of {@link #row}'s columns, {@code unit} naming a unit of work. */
        static String header(String unit) {
            return "window s | machine busy | server CPU s | PostgreSQL CPU s | bench CPU s | server +"
                    + " DB CPU ms per "
                    + unit
                    + " | floor s (server + DB CPU / cores)";
        }
    }

    /** The machine's busy and idle ticks (all cores; iowait counts as idle). */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(f[i]);
            }
            return new long[] {busy, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException e) {
            return new long[] {0, 0};
        }
    }

    /**
     * The embedded PostgreSQL's ticks: the postmaster with its ended children, and its children.
     */
    private long postgresTicks() {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(postmasterPidFile).get(0).trim());
            long ticks = processTicks(postmaster, true);
            List<ProcessHandle> children =
                    ProcessHandle.of(postmaster)
                            .map(p -> p.descendants().toList())
                            .orElse(List.of());
            for (ProcessHandle child : children) {
                ticks += processTicks(child.pid(), false);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * A process's user + system ticks from {@code /proc/<pid>/stat} (all its threads), with its
     * waited-for children's when {@code withEnded}; 0 when it is gone.
     */
    private static long processTicks(long pid, boolean withEnded) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name is in parentheses and may hold spaces: count fields after it
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // fields 14-17 of stat(5) are utime stime cutime cstime; f[0] is field 3 (state)
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withEnded) {
                ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return Double.parseDouble(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
