package dev.kafkadr.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PerfOutputTest {

    @Test
    void consumer_perf_result_line_is_found_after_the_header_and_stray_log_lines() {
        String out = """
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, \
                rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                2026-11-27 16:27:06:649, 2026-11-27 16:27:07:858, 19.5313, 16.1549, 20000, 16542.5972, 868, 341, \
                57.2764, 58651.0264kafka-local: resolving the Kafka classpath
                """;
        PerfOutput.ConsumerPerf cp = PerfOutput.consumerPerf(out).orElseThrow();
        assertThat(cp.mib()).isEqualTo(19.5313);
        assertThat(cp.mibPerSec()).isEqualTo(16.1549);
        assertThat(cp.records()).isEqualTo(20000);
        assertThat(cp.rebalanceMs()).isEqualTo(868);
        assertThat(cp.fetchMs()).isEqualTo(341);
        assertThat(cp.fetchMibPerSec()).isEqualTo(57.2764);
        assertThat(cp.seconds()).isCloseTo(1.209, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void consumer_perf_without_a_result_line_is_empty() {
        assertThat(PerfOutput.consumerPerf("WARN no records consumed within the timeout\n")).isEmpty();
    }

    @Test
    void producer_perf_takes_the_final_summary_not_a_progress_line() {
        String out = """
                Option --producer-props has been deprecated
                500000 records sent, 99000.1 records/sec (96.68 MB/sec), 300.0 ms avg latency, 900.0 ms max latency.
                1000000 records sent, 120968.320813 records/sec (118.13 MB/sec), 241.59 ms avg latency, \
                1022.00 ms max latency, 235 ms 50th, 450 ms 95th, 600 ms 99th, 900 ms 99.9th.
                """;
        PerfOutput.ProducerPerf pp = PerfOutput.producerPerf(out).orElseThrow();
        assertThat(pp.records()).isEqualTo(1_000_000);
        assertThat(pp.recordsPerSec()).isEqualTo(120968.320813);
        assertThat(pp.mibPerSec()).isEqualTo(118.13);
    }

    @Test
    void agent_summary_gives_records_and_run_seconds() {
        String out = "2026-11-27T16:31:37,858Z INFO  [main] BackupEngine - run 20261127T163134170Z-5cab4b37 "
                + "committed: 1 topics, 3 partitions (3 changed), 32768 records, 19.8 MiB in 3.7 s (5.4 MiB/s), "
                + "0 retention gaps; manifest clusters/bench/manifests/x.json\n";
        PerfOutput.AgentRun run = PerfOutput.agentRun(out).orElseThrow();
        assertThat(run.records()).isEqualTo(32768);
        assertThat(run.seconds()).isEqualTo(3.7);
    }

    @Test
    void restore_summary_gives_records_and_seconds_in_every_duration_form() {
        String out = "progress: 32,768 of 32,768 records (100%)\nrestored 1,048,576 records (1.0 GiB) into 1 topics "
                + "/ 12 partitions in 1m05s (16,131 records/s, 15.8 MiB/s); 1 topics created, 0 records were there\n";
        PerfOutput.RestoreRun run = PerfOutput.restoreRun(out).orElseThrow();
        assertThat(run.records()).isEqualTo(1_048_576);
        assertThat(run.seconds()).isEqualTo(65.0);
        assertThat(PerfOutput.duration("8.3s")).isEqualTo(8.3);
        assertThat(PerfOutput.duration("1h02m03s")).isEqualTo(3723.0);
        assertThatThrownBy(() -> PerfOutput.duration("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cpu_ticks_are_utime_plus_stime_even_when_the_command_has_spaces_and_parentheses() {
        String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 3034 0 0 0 150 25 0 0 20 0 30 0 1 2 3";
        assertThat(Proc.parseCpuTicks(stat)).isEqualTo(175);
    }
}
