package dev.kafkadr.restore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an offset restore did (or would do): the run whose group snapshot was used, every archived offset with its
 * translation, the groups committed, the groups refused because they have active members, and the groups that had
 * no offset on any restored partition. Immutable.
 */
public record OffsetRestoreResult(String groupsRunId, boolean dryRun, List<OffsetMove> moves, List<String> committed,
                                  SortedMap<String, List<String>> refused, List<String> withoutRestoredPartitions) {

    public OffsetRestoreResult {
        moves = List.copyOf(moves);
        committed = List.copyOf(committed);
        refused = new TreeMap<>(refused);
        withoutRestoredPartitions = List.copyOf(withoutRestoredPartitions);
    }

    /** The failure to report after the results: groups with active members were left unchanged. */
    public Optional<RestoreConflictException> failure() {
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<String>> e : refused.entrySet()) {
            b.append(b.length() == 0 ? "" : ", ").append("'").append(e.getKey()).append("' (members ")
                    .append(e.getValue()).append(")");
        }
        boolean many = refused.size() > 1;
        return Optional.of(new RestoreConflictException("consumer group" + (many ? "s " : " ") + b
                + (many ? " have" : " has") + " active members on the target; " + (many ? "their" : "its")
                + " offsets were not changed", "stop the consumers and run 'kdr restore offsets' again (--groups)"));
    }
}
