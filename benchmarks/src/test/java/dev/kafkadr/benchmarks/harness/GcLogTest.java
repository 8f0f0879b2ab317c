package dev.kafkadr.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GcLogTest {

    @Test
    void peak_used_is_the_largest_occupancy_before_a_pause_or_at_exit() {
        String log = """
                [0.003s][info][gc] Using G1
                [0.730s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 18M->10M(256M) 15.254ms
                [3.548s][info][gc] GC(4) Concurrent Mark Cycle
                [3.574s][info][gc] GC(4) Pause Remark 15M->15M(57M) 2.541ms
                [5.392s][info][gc] GC(6) Pause Young (Mixed) (G1 Evacuation Pause) 34M->21M(57M) 17.367ms
                [7.246s][info][gc] GC(16) Pause Young (Concurrent Start) 78M->64M(145M) 8.462ms
                [7.556s][info][gc,heap,exit]  garbage-first heap   total 148480K, used 76263K [0x0, 0x1)
                [7.556s][info][gc,heap,exit]  Metaspace       used 30848K, committed 31104K, reserved 1114112K
                """;
        GcLog.Heap h = GcLog.parse(log);
        assertThat(h.peakUsedMib()).isEqualTo(78.0);
        assertThat(h.peakLiveMib()).isEqualTo(64.0);
        assertThat(h.maxCommittedMib()).isEqualTo(256.0);
        assertThat(h.peakAfterMixedMib()).isEqualTo(21.0);
        assertThat(h.collections()).isEqualTo(4);
    }

    @Test
    void without_any_pause_the_exit_summary_is_the_peak_and_units_are_converted() {
        String exitOnly = "[1.0s][info][gc,heap,exit]  garbage-first heap   total 262144K, used 40960K [0x0, 0x1)\n";
        assertThat(GcLog.parse(exitOnly).peakUsedMib()).isEqualTo(40.0);
        assertThat(GcLog.parse(exitOnly).collections()).isZero();
        GcLog.Heap units = GcLog.parse("[1s][info][gc] GC(0) Pause Full (System.gc()) 1G->512K(2G) 1.0ms\n");
        assertThat(units.peakUsedMib()).isEqualTo(1024.0);
        assertThat(units.peakLiveMib()).isEqualTo(0.5);
        assertThat(units.peakAfterMixedMib()).isEqualTo(0.5);
        assertThat(GcLog.parse(exitOnly).peakAfterMixedMib()).isZero();
        assertThat(GcLog.parse("")).isEqualTo(GcLog.Heap.NONE);
    }
}
