package com.buildcrm.launcher;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets a server started with a plain {@code java -jar} give heap it no longer uses back to the
 * operating system (ADR 045). Without a heap option the JVM may grow its heap to a quarter of the
 * machine's memory and G1 keeps most of what it once committed: with 1,000 companies the default
 * run held 400 MB of heap for 112 MB of live data (bench/RESULTS.md, goal 7). These are
 * <em>manageable</em> flags, set at run time:
 *
 * <ul>
 *   <li>{@code MinHeapFreeRatio=10}, {@code MaxHeapFreeRatio=30}: after a collection that resizes
 *       the heap (G1: a full or a concurrent cycle's remark), keep 10–30 % of it free, not 40–70 %;
 *   <li>{@code G1PeriodicGCInterval=60000}: a server idle for a minute runs a concurrent cycle, so
 *       what a burst committed is returned while nothing happens.
 * </ul>
 *
 * An operator who sized or tuned the heap ({@code -Xmx}, {@code -XX:MaxRAMPercentage}, these flags,
 * … — also through {@code JAVA_TOOL_OPTIONS}) keeps exactly their choice: nothing is set then.
 */
final class HeapDefaults {

    /** How the options by which an operator sizes or tunes the heap begin. */
    private static final List<String> OPERATOR_CHOICES =
            List.of(
                    "-Xmx",
                    "-XX:MaxHeapSize=",
                    "-XX:MaxRAM=",
                    "-XX:MaxRAMPercentage=",
                    "-XX:MaxRAMFraction=",
                    "-XX:MinHeapFreeRatio=",
                    "-XX:MaxHeapFreeRatio=",
                    "-XX:G1PeriodicGCInterval=");

    /** In this order: the minimum must never exceed the maximum while they are set. */
    static final Map<String, String> VALUES = values();

    private HeapDefaults() {}

    private static Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("MinHeapFreeRatio", "10");
        v.put("MaxHeapFreeRatio", "30");
        v.put("G1PeriodicGCInterval", "60000");
        return v;
    }

    /** Something that sets a manageable VM flag (the HotSpot diagnostic bean in production). */
    interface VmOptions {
        void set(String name, String value);
    }

    /** For this JVM: its input arguments, its HotSpot diagnostic bean. */
    static List<String> apply() {
        HotSpotDiagnosticMXBean hotspot =
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return apply(
                ManagementFactory.getRuntimeMXBean().getInputArguments(), hotspot::setVMOption);
    }

    /**
     * Sets {@link #VALUES} unless the JVM arguments show the operator's own heap choice.
     *
     * @return the flags set, as {@code name=value} (empty when the operator chose)
     */
    static List<String> apply(List<String> jvmArguments, VmOptions options) {
        if (jvmArguments.stream().anyMatch(HeapDefaults::operatorChoice)) {
            return List.of();
        }
        List<String> set = new ArrayList<>();
        VALUES.forEach(
                (name, value) -> {
                    try {
                        options.set(name, value);
                        set.add(name + "=" + value);
                    } catch (IllegalArgumentException | UnsupportedOperationException e) {
                        // a VM without the flag (or where it is not writeable): keep its default
                    }
                });
        return set;
    }

    private static boolean operatorChoice(String argument) {
        return OPERATOR_CHOICES.stream().anyMatch(argument::startsWith);
    }
}
