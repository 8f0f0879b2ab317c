package dev.kafkadr.restore.cli;

import dev.kafkadr.restore.OffsetMove;
import dev.kafkadr.restore.OffsetRestoreResult;

/** Text rendering of {@code kdr restore offsets}: one line per archived offset, then what was committed. Stateless. */
final class OffsetsFormat {

    private OffsetsFormat() {
    }

    static String render(OffsetRestoreResult r) {
        StringBuilder b = new StringBuilder("consumer-group offsets from the snapshot of run ").append(r.groupsRunId())
                .append(r.dryRun() ? " (dry run, nothing is committed)" : "").append('\n');
        TextTable t = new TextTable("GROUP", "TOPIC", "PARTITION", "ARCHIVED OFFSET", "", "NEW OFFSET", "TARGET TOPIC");
        for (OffsetMove m : r.moves()) {
            t.row(m.group(), m.sourceTopic(), m.partition(), m.archivedOffset(), "->",
                    m.restorable() ? m.newOffset() : "(partition not restored)",
                    m.restorable() ? m.targetTopic() : "-");
        }
        b.append(t.render(""));
        if (!r.withoutRestoredPartitions().isEmpty()) {
            b.append("groups with no offset on a restored partition (nothing to commit): ")
                    .append(String.join(", ", r.withoutRestoredPartitions())).append('\n');
        }
        if (!r.dryRun()) {
            b.append("committed offsets of ").append(r.committed().size()).append(" groups")
                    .append(r.committed().isEmpty() ? "" : ": " + String.join(", ", r.committed())).append('\n');
        }
        return b.toString();
    }
}
