package dev.kafkadr.restore;

import dev.kafkadr.archive.catalog.BackupNotFoundException;
import dev.kafkadr.archive.manifest.GroupOffset;
import dev.kafkadr.archive.manifest.GroupSnapshot;
import dev.kafkadr.archive.manifest.GroupsSnapshot;
import dev.kafkadr.archive.manifest.RunManifest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Restores archived consumer-group offsets onto restored topics (docs/restore.md, "Offsets"): picks the group
 * snapshot, translates every committed offset of a restored partition with {@link OffsetTranslator}, locates the
 * restored records on the target (base = end − restored records, checked against the archive) and commits the new
 * offsets of each group without active members. Changes nothing if any target partition does not hold what the
 * restore wrote. Not thread-safe.
 */
public final class OffsetRestorer {

    private final RestorePlanner planner;
    private final TargetCluster target;
    private final SegmentSource segments;
    private final TargetMatcher matcher;

    public OffsetRestorer(RestorePlanner planner, TargetCluster target, SegmentSource segments) {
        this.planner = planner;
        this.target = target;
        this.segments = segments;
        this.matcher = new TargetMatcher(segments, target::firstRecordFrom);
    }

    public OffsetRestoreResult restore(OffsetRestoreRequest req) {
        RestorePlan plan = planner.plan(req.selection());
        String runId = groupsRun(plan, req.selection());
        List<GroupSnapshot> groups = selectGroups(plan, runId, req.groupsPattern(), req.groupsRegex());
        Map<PartitionSource, SortedSet<Long>> wanted = new LinkedHashMap<>();
        for (GroupSnapshot g : groups) {
            for (GroupOffset o : g.offsets()) {
                source(plan, o).ifPresent(ps -> wanted.computeIfAbsent(ps, k -> new TreeSet<>()).add(o.offset()));
            }
        }
        Map<PartitionSource, OffsetTranslation> translations = new HashMap<>();
        wanted.forEach((ps, cs) -> translations.put(ps, OffsetTranslator.translate(ps, segments, cs)));
        Map<PartitionSource, Long> bases = locate(plan, translations);
        List<OffsetMove> moves = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (GroupSnapshot g : groups) {
            boolean any = false;
            for (GroupOffset o : g.offsets()) {
                Optional<PartitionSource> ps = source(plan, o);
                String targetTopic = ps.map(p -> targetOf(plan, p)).orElse(null);
                Long newOffset = ps.map(p -> translations.get(p).targetOffset(o.offset(), bases.get(p))).orElse(null);
                any |= newOffset != null;
                moves.add(new OffsetMove(g.group(), o.topic(), o.partition(), o.offset(), targetTopic, newOffset,
                        o.metadata()));
            }
            if (!any) {
                without.add(g.group());
            }
        }
        if (req.dryRun()) {
            return new OffsetRestoreResult(runId, true, moves, List.of(), new TreeMap<>(), without);
        }
        return commit(runId, moves, without);
    }

    private OffsetRestoreResult commit(String runId, List<OffsetMove> moves, List<String> without) {
        Map<String, Map<TopicPartition, OffsetAndMetadata>> byGroup = new TreeMap<>();
        for (OffsetMove m : moves) {
            if (m.restorable()) {
                byGroup.computeIfAbsent(m.group(), k -> new HashMap<>()).put(new TopicPartition(m.targetTopic(),
                        m.partition()), new OffsetAndMetadata(m.newOffset(), Optional.empty(), m.metadata()));
            }
        }
        Map<String, List<String>> active = target.activeMembers(byGroup.keySet());
        TreeMap<String, List<String>> refused = new TreeMap<>(active);
        List<String> committed = new ArrayList<>();
        byGroup.forEach((group, offsets) -> {
            if (!active.containsKey(group)) {
                try {
                    target.alterOffsets(group, offsets);
                    committed.add(group);
                } catch (RestoreConflictException e) {
                    refused.put(group, List.of("joined during the restore"));
                }
            }
        });
        return new OffsetRestoreResult(runId, false, moves, committed, refused, without);
    }

    private String groupsRun(RestorePlan plan, RestoreRequest sel) {
        BackupLocator locator = planner.locator();
        if (sel.runId() != null) {
            return sel.runId();
        }
        if (sel.toTime() != null) {
            return locator.newestRunCutAtOrBefore(plan.cluster(), sel.toTime())
                    .orElse(locator.runs(plan.cluster()).first());
        }
        return plan.runId();
    }

    private List<GroupSnapshot> selectGroups(RestorePlan plan, String runId, Pattern pattern, String regex) {
        RunManifest m = planner.locator().manifest(plan.cluster(), runId);
        if (m.groups() == null) {
            throw new BackupNotFoundException("run " + runId + " of cluster '" + plan.cluster()
                    + "' holds no consumer-group snapshot", "choose another run with --run or --to-time");
        }
        GroupsSnapshot snapshot = planner.locator().catalog().readJson(m.groups().key(), GroupsSnapshot.class);
        List<GroupSnapshot> out = snapshot.groups().stream()
                .filter(g -> pattern == null || pattern.matcher(g.group()).matches())
                .sorted((a, b) -> a.group().compareTo(b.group())).toList();
        if (out.isEmpty()) {
            List<String> all = snapshot.groups().stream().map(GroupSnapshot::group).sorted().toList();
            throw new BackupNotFoundException("no archived consumer group " + (regex == null ? "" : "matches --groups '"
                    + regex + "' ") + "in run " + runId + " (archived groups: " + all + ")",
                    "check --groups; it must match the whole group id");
        }
        return out;
    }

    /** Target offset of each partition's first restored record, checked against the archive. */
    private Map<PartitionSource, Long> locate(RestorePlan plan, Map<PartitionSource, OffsetTranslation> wanted) {
        Map<PartitionSource, Long> bases = new HashMap<>();
        if (wanted.isEmpty()) {
            return bases;
        }
        List<String> topics = wanted.keySet().stream().map(p -> targetOf(plan, p)).distinct().sorted().toList();
        Map<String, TargetTopic> found = target.describe(topics);
        for (PartitionSource ps : wanted.keySet()) {
            String topic = targetOf(plan, ps);
            TargetTopic t = found.get(topic);
            if (!t.exists() || t.partitions() <= ps.partition()) {
                throw new TargetNotFoundException("restored topic partition " + topic + "-" + ps.partition()
                        + " does not exist on " + target.bootstrap(), "restore the topics first ('kdr restore topics'"
                        + " with the same --run/--to-time/--from-earliest/--partitions/--rename)");
            }
            long n = wanted.get(ps).restoredRecords();
            TargetTopic.OffsetRange range = t.offsets(ps.partition());
            long base = range.end() - n;
            Optional<String> problem = base < range.start()
                    ? Optional.of("it holds " + range.size() + " records but the restore wrote " + n)
                    : matcher.mismatch(ps, topic, ps.partition(), base, n);
            if (problem.isPresent()) {
                throw new RestoreConflictException("target topic changed since the restore: " + topic + "-"
                        + ps.partition() + ": " + problem.get() + "; no offsets were changed", "use the same "
                        + "--run/--to-time/--from-earliest/--partitions/--rename as 'kdr restore topics', before"
                        + " anything else writes to the target");
            }
            bases.put(ps, base);
        }
        return bases;
    }

    private static Optional<PartitionSource> source(RestorePlan plan, GroupOffset o) {
        if (o.offset() < 0) {
            return Optional.empty();
        }
        return plan.topic(o.topic()).flatMap(t -> t.partition(o.partition()));
    }

    private static String targetOf(RestorePlan plan, PartitionSource ps) {
        return plan.topic(ps.topic()).orElseThrow().targetTopic();
    }
}
