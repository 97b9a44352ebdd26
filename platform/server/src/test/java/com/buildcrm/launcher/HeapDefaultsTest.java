package com.buildcrm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapDefaultsTest {

    @Test
    void aPlainStartGetsTheFlagsInAnOrderTheVmAccepts() {
        List<String> calls = new ArrayList<>();
        List<String> set =
                HeapDefaults.apply(
                        List.of("-Dbuildcrm.port=8080", "-XX:+UseG1GC", "-Xms64m"),
                        (name, value) -> calls.add(name + "=" + value));
        assertThat(calls)
                .containsExactly(
                        "MinHeapFreeRatio=10", "MaxHeapFreeRatio=30", "G1PeriodicGCInterval=60000");
        assertThat(set).isEqualTo(calls);
    }

    @Test
    void anOperatorsOwnHeapChoiceStands() {
        for (String choice :
                List.of(
                        "-Xmx512m",
                        "-XX:MaxHeapSize=1g",
                        "-XX:MaxRAMPercentage=75",
                        "-XX:MaxRAM=2g",
                        "-XX:MaxHeapFreeRatio=50",
                        "-XX:G1PeriodicGCInterval=0")) {
            List<String> calls = new ArrayList<>();
            assertThat(
                            HeapDefaults.apply(
                                    List.of("-Dx=y", choice), (name, value) -> calls.add(name)))
                    .as(choice)
                    .isEmpty();
            assertThat(calls).as(choice).isEmpty();
        }
    }

    @Test
    void aFlagTheVmRefusesIsSkippedAndTheOthersAreSet() {
        List<String> set =
                HeapDefaults.apply(
                        List.of(),
                        (name, value) -> {
                            if (name.startsWith("G1")) {
                                throw new IllegalArgumentException("no such flag");
                            }
                        });
        assertThat(set).containsExactly("MinHeapFreeRatio=10", "MaxHeapFreeRatio=30");
    }

    /** The flags are manageable in the JDK the server runs on: this JVM takes them at run time. */
    @Test
    void thisJvmTakesEveryFlagAtRunTime() {
        HotSpotDiagnosticMXBean hotspot =
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        Map<String, String> before = new LinkedHashMap<>();
        HeapDefaults.VALUES
                .keySet()
                .forEach(name -> before.put(name, hotspot.getVMOption(name).getValue()));
        try {
            List<String> set = HeapDefaults.apply(List.of(), hotspot::setVMOption);
            assertThat(set).hasSize(HeapDefaults.VALUES.size());
            HeapDefaults.VALUES.forEach(
                    (name, value) ->
                            assertThat(hotspot.getVMOption(name).getValue()).isEqualTo(value));
        } finally {
            // back in the reverse order: the maximum first, so the minimum never exceeds it
            List<String> names = new ArrayList<>(before.keySet());
            java.util.Collections.reverse(names);
            names.forEach(name -> hotspot.setVMOption(name, before.get(name)));
        }
    }
}
