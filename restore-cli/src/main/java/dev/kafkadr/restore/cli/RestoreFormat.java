package dev.kafkadr.restore.cli;

import dev.kafkadr.restore.RestorePlan;
import dev.kafkadr.restore.RestoreResult;
import dev.kafkadr.restore.TopicAction;
import dev.kafkadr.restore.TopicSpec;
import java.util.List;
import java.util.stream.Collectors;

/** Text renderings of a topic restore: its header, its plan (dry run) and its summary. Stateless. */
final class RestoreFormat {

    private RestoreFormat() {
    }

    /** One line: which cluster, run and cut the restore uses. */
    static String header(RestorePlan plan, boolean dryRun) {
        StringBuilder b = new StringBuilder(dryRun ? "restore plan (dry run, nothing is changed)" : "restoring")
                .append(": cluster ").append(plan.cluster()).append(" as of run ").append(plan.runId())
                .append(" (cut ").append(Text.time(plan.runCutAt())).append(')');
        if (plan.toTime() != null) {
            b.append(", records with timestamp <= ").append(plan.toTime()).append(" from the log start offsets of run ")
                    .append(plan.logStartRunId());
        }
        if (plan.fromEarliest()) {
            b.append(", everything the archive holds (--from-earliest)");
        }
        return b.append('\n').toString();
    }

    static String plan(RestorePlan plan, List<TopicAction> actions) {
        StringBuilder b = new StringBuilder();
        long write = 0;
        long present = 0;
        long bytes = 0;
        int partitions = 0;
        for (TopicAction a : actions) {
            b.append("topic ").append(a.plan().sourceTopic()).append(" -> ").append(a.target()).append(": ")
                    .append(describe(a)).append('\n');
            TextTable t = new TextTable("PARTITION", "RESTORE OFFSETS", "RECORDS", "PRESENT", "TO WRITE",
                    "ARCHIVED BYTES");
            for (TopicAction.PartitionAction p : a.partitions()) {
                t.row(p.partition(), "[" + p.source().fromOffset() + ", " + p.source().endOffset() + ")",
                        Text.count(p.records()), Text.count(p.present()), Text.count(p.toWrite()),
                        Text.bytes(p.source().archivedBytes()));
                write += p.toWrite();
                present += p.present();
                bytes += p.source().archivedBytes();
                partitions++;
            }
            b.append(t.render("  "));
        }
        b.append("total: ").append(actions.size()).append(" topics, ").append(partitions).append(" partitions, ")
                .append(Text.count(write)).append(" records to write (").append(Text.count(present))
                .append(" already present), ").append(Text.bytes(bytes)).append(" archived\n");
        return b.append(gaps(plan)).toString();
    }

    private static String describe(TopicAction a) {
        return switch (a.kind()) {
            case CREATE -> {
                TopicSpec s = a.spec();
                yield "create with " + s.partitions() + " partitions, replication factor "
                        + (s.replicationFactor() < 0 ? "broker default" : s.replicationFactor()) + ", configs "
                        + (s.configs().isEmpty() ? "(broker defaults)" : s.configs().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}")));
            }
            case EXISTING_EMPTY -> "exists with " + a.existing().partitions() + " partitions and no records: write"
                    + " into it";
            case RESUME -> "holds " + Text.count(a.recordsPresent()) + " records of this restore: resume after them";
            case APPEND -> "holds " + Text.count(a.existing().records()) + " other records: append (--append)";
        };
    }

    static String summary(RestoreResult r) {
        double seconds = Math.max(r.elapsed().toNanos() / 1e9, 1e-9);
        return "restored " + Text.count(r.recordsWritten()) + " records (" + Text.bytes(r.bytesWritten())
                + ") into " + r.actions().size() + " topics / " + r.partitions() + " partitions in "
                + Text.duration(r.elapsed()) + " (" + Text.rate(r.recordsWritten() / seconds) + " records/s, "
                + Text.bytes(r.bytesWritten() / seconds) + "/s); " + r.topicsCreated() + " topics created, "
                + Text.count(r.recordsPresent()) + " records were already there\n" + gaps(r.plan());
    }

    /** One line per recorded gap a restore goes around, or nothing. */
    static String gaps(RestorePlan plan) {
        StringBuilder b = new StringBuilder();
        plan.topics().forEach(t -> t.partitions().forEach(p -> p.gapWarnings().forEach(w -> b.append("gap: ")
                .append(w).append('\n'))));
        return b.toString();
    }
}
