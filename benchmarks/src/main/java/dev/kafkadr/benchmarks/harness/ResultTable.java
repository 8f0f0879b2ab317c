package dev.kafkadr.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders the rows of a run as one Markdown table plus the growth, machine and error lines. Stateless. */
public final class ResultTable {

    static final List<String> HEADER = List.of("row", "data", "store / codec", "backup MiB/s", "backup rec/s",
            "ConsumerPerf MiB/s", "backup ÷ CP", "kcat|zstd MiB/s", "backup ÷ kcat|zstd", "restore MiB/s",
            "ProducerPerf MiB/s", "restore ÷ PP", "agent MiB: RSS / heap peak / after mixed GC",
            "restore MiB: RSS / heap peak / after mixed GC", "CPU s backup / CP / kcat|zstd",
            "CPU s restore / PP", "topic → archive MiB (ratio)", "load 1m start→end");

    private ResultTable() {
    }

    public static String render(String scenario, List<RowResult> rows, MachineFacts facts) {
        StringBuilder sb = new StringBuilder();
        sb.append(line(HEADER));
        sb.append(line(HEADER.stream().map(h -> "---").toList()));
        for (RowResult r : rows) {
            sb.append(line(cells(r)));
        }
        List<Growth> growth = Growth.of(rows);
        if (!growth.isEmpty()) {
            sb.append("\nGrowth (linear: time grows by the data factor; times are each tool's own run time):\n");
            growth.forEach(g -> sb.append("- ").append(g.text()).append('\n'));
        }
        for (RowResult r : rows) {
            r.errors.forEach(e -> sb.append("ERROR ").append(r.spec.label()).append(": ").append(e).append('\n'));
        }
        sb.append('\n').append("scenario ").append(scenario).append("; ").append(facts.text()).append('\n');
        return sb.toString();
    }

    static List<String> cells(RowResult r) {
        List<String> c = new ArrayList<>();
        RowSpec s = r.spec;
        c.add(s.label());
        c.add(s.dataText());
        c.add(s.store().name().toLowerCase(Locale.ROOT) + " / " + s.codec());
        c.add(Units.num(r.backupMibPerSec(), 1));
        c.add(Units.num(r.backupRecordsPerSec(), 0));
        c.add(Units.num(r.consumerPerfMibPerSec(), 1));
        c.add(Units.ratio(r.backupVsConsumerPerf()));
        c.add(Units.num(r.kcatZstdMibPerSec(), 1));
        c.add(Units.ratio(r.backupVsKcatZstd()));
        c.add(Units.num(r.restoreMibPerSec(), 1));
        c.add(Units.num(r.producerPerfMibPerSec(), 1));
        c.add(Units.ratio(r.restoreVsProducerPerf()));
        c.add(memory(r.backup));
        c.add(memory(r.restore));
        c.add(cpu(r, "backup") + " / " + cpu(r, "consumerPerf") + " / " + cpu(r, "kcatZstd"));
        c.add(cpu(r, "restore") + " / " + cpu(r, "producerPerf"));
        c.add(r.topicLogBytes == null || r.archiveBytes == null ? "–"
                : Units.num(r.topicLogBytes / Units.MIB, 0) + " → " + Units.num(r.archiveBytes / Units.MIB, 0)
                + " (" + Units.ratio(r.compressionRatio()) + ")");
        c.add(Units.num(r.loadStart, 2) + " → " + Units.num(r.loadEnd, 2));
        return c;
    }

    private static String cpu(RowResult r, String tool) {
        return Units.num(r.cpuSeconds.get(tool), 1);
    }

    private static String memory(RowResult.Run run) {
        if (run == null) {
            return "–";
        }
        return Units.num(run.peakRssMib(), 0) + " / " + Units.num(run.heap().peakUsedMib(), 0) + " / "
                + (run.heap().peakAfterMixedMib() > 0 ? Units.num(run.heap().peakAfterMixedMib(), 0) : "–");
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
