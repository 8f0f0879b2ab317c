package dev.kafkadr.restore.cli;

import dev.kafkadr.archive.manifest.TopicMetadata;
import dev.kafkadr.restore.RunSummary;
import dev.kafkadr.restore.TopicSummary;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Text and JSON renderings of {@code kdr backups list/describe}. Stateless. */
final class BackupsFormat {

    private BackupsFormat() {
    }

    static String listText(List<RunSummary> runs) {
        if (runs.isEmpty()) {
            return "no committed backup runs\n";
        }
        StringBuilder b = new StringBuilder();
        TextTable t = new TextTable("CLUSTER", "RUN", "CUT", "TOPICS", "PARTITIONS", "RECORDS", "BYTES", "GAPS");
        for (RunSummary r : runs) {
            if (r.problem() != null) {
                t.row(r.cluster(), r.runId(), "UNREADABLE", "-", "-", "-", "-", "-");
            } else {
                t.row(r.cluster(), r.runId(), Text.time(r.cutAt()), r.topics(), r.partitions(), Text.count(r.records()),
                        Text.bytes(r.bytes()), r.gaps().size());
            }
        }
        b.append(t.render(""));
        for (RunSummary r : runs) {
            if (r.problem() != null) {
                b.append("run ").append(r.runId()).append(": ").append(r.problem()).append('\n');
            }
            for (RunSummary.Gap g : r.gaps()) {
                b.append("run ").append(r.runId()).append(": gap ").append(gap(g)).append('\n');
            }
        }
        return b.toString();
    }

    static String listJson(List<RunSummary> runs) {
        return Json.write(Map.of("runs", runs)) + "\n";
    }

    static String describeText(TopicSummary s) {
        StringBuilder b = new StringBuilder("topic ").append(s.topic()).append(" of cluster ").append(s.cluster())
                .append(" as of run ").append(s.runId());
        TopicMetadata m = s.metadata();
        if (m != null) {
            b.append(": ").append(m.partitions()).append(m.partitions() == 1 ? " partition" : " partitions")
                    .append(", replication factor ")
                    .append(m.replicationFactor()).append(", timestamp type ").append(m.timestampType());
            b.append("\nconfigs: ").append(m.configs().isEmpty() ? "(broker defaults)" : m.configs().entrySet()
                    .stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
        }
        b.append('\n');
        TextTable t = new TextTable("PARTITION", "OFFSETS", "LOG START", "RECORDS", "BYTES", "FIRST TIMESTAMP",
                "LAST TIMESTAMP", "COMMITS", "GAPS");
        for (TopicSummary.PartitionSummary p : s.partitions()) {
            String gaps = p.gaps().isEmpty() ? "-" : p.gaps().stream().map(g -> "[" + g.from() + ", " + g.to() + ") "
                    + g.reason()).collect(Collectors.joining(", "));
            t.row(p.partition(), "[" + p.startOffset() + ", " + p.endOffset() + ")", p.logStartOffset(),
                    Text.count(p.records()), Text.bytes(p.bytes()), Text.time(p.minTimestamp()),
                    Text.time(p.maxTimestamp()), p.commits(), gaps);
        }
        return b.append(t.render("")).toString();
    }

    static String describeJson(TopicSummary s) {
        return Json.write(s) + "\n";
    }

    private static String gap(RunSummary.Gap g) {
        return g.topic() + "-" + g.partition() + " [" + g.from() + ", " + g.to() + ") " + g.reason() + " ("
                + (g.to() - g.from()) + " offsets lost before any backup read them)";
    }
}
