package dev.kafkadr.benchmarks.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static final long GIB = 1L << 30;

    private static RowResult row(String label, int partitions, long bytes, double backupS, double restoreS) {
        RowResult r = new RowResult(new RowSpec(label, 1024, partitions, bytes, "zstd", RowSpec.Store.FILE,
                RowSpec.ALL));
        r.backup = new RowResult.Run(backupS + 1, backupS, r.spec.records(), 300,
                new GcLog.Heap(120, 40, 30, 256, 9));
        r.restore = new RowResult.Run(restoreS + 1, restoreS, r.spec.records(), 280,
                new GcLog.Heap(100, 30, 25, 256, 5));
        return r;
    }

    @Test
    void ratios_compare_the_same_payload_against_each_tool() {
        RowResult r = row("target", 12, GIB, 4.0, 10.0);
        r.consumerPerf = new PerfOutput.ConsumerPerf(1024, 320, r.spec.records(), 0, 0, 0, 500);
        r.kcatZstd = new RowResult.Kcat(10.24, 1);
        r.producerPerf = new PerfOutput.ProducerPerf(r.spec.records(), 0, 128);
        r.topicLogBytes = 3 * GIB;
        r.archiveBytes = GIB;
        assertThat(r.backupMibPerSec()).isEqualTo(256.0);
        assertThat(r.backupVsConsumerPerf()).isEqualTo(0.8);
        assertThat(r.backupVsKcatZstd()).isEqualTo((1024 / 5.0) / 100.0);
        assertThat(r.restoreVsProducerPerf()).isEqualTo(102.4 / 128);
        assertThat(r.compressionRatio()).isEqualTo(3.0);
        assertThat(ResultTable.cells(r)).containsSequence("256.0", "262,144", "320.0", "0.80×");
        r.cpuSeconds.put("backup", 6.0);
        r.cpuSeconds.put("consumerPerf", 4.0);
        r.cpuSeconds.put("kcatZstd", 12.0);
        assertThat(r.backupCpuVsConsumerPerf()).isEqualTo(1.5);
        assertThat(r.backupCpuVsKcatZstd()).isEqualTo(0.5);
        assertThat(r.restoreCpuVsProducerPerf()).isNull();
        assertThat(ResultTable.cells(r)).contains("6.0 / 4.0 / 12.0", "– / –", "300 / 120 / 30", "280 / 100 / 25");
    }

    @Test
    void missing_measurements_render_as_dashes_and_errors_are_listed() {
        RowResult r = new RowResult(new RowSpec("codec", 100, 1, 1000, "lz4", RowSpec.Store.S3,
                EnumSet.of(RowSpec.Step.BACKUP)));
        r.errors.add("backup: kdr-agent exited 5");
        assertThat(r.backupVsConsumerPerf()).isNull();
        assertThat(ResultTable.cells(r)).contains("s3 / lz4").contains("–");
        String table = ResultTable.render("x", List.of(r), new MachineFacts());
        assertThat(table.lines().filter(l -> l.startsWith("|")).count()).isEqualTo(3);
        assertThat(table).contains("ERROR codec: backup: kdr-agent exited 5").contains("scenario x; ");
    }

    @Test
    void growth_pairs_rows_that_differ_in_size_only_or_in_partitions_only() {
        List<RowResult> rows = List.of(row("12p-small", 12, GIB / 4, 1.0, 2.5), row("12p-big", 12, GIB, 4.4, 10.0),
                row("100p-big", 100, GIB, 5.5, 10.0));
        List<Growth> g = Growth.of(rows);
        assertThat(g).extracting(Growth::kind, Growth::from, Growth::to).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("size", "12p-small", "12p-big"),
                org.assertj.core.groups.Tuple.tuple("partitions", "12p-big", "100p-big"));
        Growth size = g.stream().filter(x -> x.kind().equals("size")).findFirst().orElseThrow();
        assertThat(size.factor()).isEqualTo(4.0);
        assertThat(size.backupTimeRatio()).isEqualTo(4.4);
        assertThat(size.restoreTimeRatio()).isEqualTo(4.0);
        assertThat(size.backupHeapRatio()).isEqualTo(1.0);
        assertThat(ResultTable.render("scaling", rows, new MachineFacts())).contains("12p-small → 12p-big");
    }

    @Test
    void json_holds_rows_ratios_growth_and_machine_facts() {
        RowResult r = row("a", 12, GIB / 4, 1.0, 2.0);
        String json = JsonReport.render("s", List.of("benchmarks/run.sh", "s"), new MachineFacts(), List.of(r),
                "256m");
        assertThat(json).contains("\"scenario\" : \"s\"", "\"backupMibPerSec\" : 256.0", "\"cores\"",
                "\"loadAtStart\"", "\"growth\"", "\"peakRssMib\" : 300.0",
                "\"agentAndRestoreMaxHeap\" : \"-Xmx256m\"");
    }

    @Test
    void every_scenario_has_rows_and_unknown_ones_are_refused() {
        for (String s : Scenarios.descriptions().keySet()) {
            assertThat(Scenarios.rows(s)).as(s).isNotEmpty();
        }
        assertThat(Scenarios.rows("target")).singleElement().satisfies(t -> {
            assertThat(t.recordBytes()).isEqualTo(1024);
            assertThat(t.partitions()).isEqualTo(12);
            assertThat(t.producedBytes()).isEqualTo(GIB);
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scenarios.rows("nope"))
                .hasMessageContaining("smoke, target");
    }
}
