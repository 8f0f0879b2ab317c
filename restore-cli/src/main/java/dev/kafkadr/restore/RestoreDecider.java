package dev.kafkadr.restore;

import dev.kafkadr.archive.UsageException;
import dev.kafkadr.archive.catalog.BackupNotFoundException;
import dev.kafkadr.archive.manifest.SegmentRef;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inspects every target topic of a plan and decides what to do with it before anything is written
 * (docs/restore.md, "Targets" and "Resuming"): create it, write into it while empty, resume after the prefix of
 * this restore it holds, or append with --append; refuses foreign non-empty topics, topics with too few partitions
 * and LogAppendTime targets. All conflicts are reported together. Reads the target only. Not thread-safe.
 */
final class RestoreDecider {

    private final TargetCluster target;
    private final SegmentSource segments;
    private final TargetMatcher matcher;
    private final Clock clock;

    RestoreDecider(TargetCluster target, SegmentSource segments, Clock clock) {
        this.target = target;
        this.segments = segments;
        this.matcher = new TargetMatcher(segments, target::firstRecordFrom);
        this.clock = clock;
    }

    List<TopicAction> decide(RestorePlan plan, RestoreOptions opts) {
        Map<String, TargetTopic> found = target.describe(plan.topics().stream().map(TopicPlan::targetTopic).toList());
        List<TopicAction> actions = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        Integer brokers = null;
        for (TopicPlan t : plan.topics()) {
            TargetTopic existing = found.get(t.targetTopic());
            if (!existing.exists()) {
                brokers = brokers != null ? brokers : target.brokerCount();
                actions.add(create(plan, t, opts, brokers));
                continue;
            }
            int needed = neededPartitions(plan, t);
            if (existing.partitions() < needed) {
                conflicts.add("target topic '" + t.targetTopic() + "' has " + existing.partitions()
                        + " partitions but the restore needs " + needed);
            } else if (TopicSpec.LOG_APPEND_TIME.equalsIgnoreCase(String.valueOf(existing.timestampType()))) {
                conflicts.add("target topic '" + t.targetTopic() + "' uses message.timestamp.type=LogAppendTime, "
                        + "which would replace the archived timestamps");
            } else if (existing.records() == 0) {
                actions.add(existingTopic(t, TopicAction.Kind.EXISTING_EMPTY, existing, List.of()));
            } else if (opts.append()) {
                actions.add(existingTopic(t, TopicAction.Kind.APPEND, existing, List.of("appending to topic "
                        + t.targetTopic() + ", which already holds " + existing.records() + " records")));
            } else {
                resume(t, existing, conflicts).ifPresent(actions::add);
            }
        }
        if (!conflicts.isEmpty()) {
            throw new RestoreConflictException(String.join("; ", conflicts) + "; nothing was written",
                    "restore into another topic with --rename, delete the target topic, or add to it with --append");
        }
        return actions;
    }

    private TopicAction create(RestorePlan plan, TopicPlan t, RestoreOptions opts, int brokers) {
        if (t.metadata() == null) {
            throw new BackupNotFoundException("no run up to " + plan.runId() + " recorded the metadata of topic '"
                    + t.sourceTopic() + "', so target topic '" + t.targetTopic() + "' cannot be created",
                    "create the target topic by hand with the archived partition count, then run again");
        }
        TopicSpec spec = TopicSpec.from(t.targetTopic(), t.metadata(), opts.replicationFactor());
        if (spec.replicationFactor() > brokers) {
            throw new UsageException("topic " + t.targetTopic() + ": replication factor " + spec.replicationFactor()
                    + (opts.replicationFactor() == null ? " (archived)" : "") + " is more than the " + brokers
                    + " brokers of " + target.bootstrap() + ": give --replication-factor " + brokers + " or less");
        }
        int highest = t.partitions().stream().mapToInt(PartitionSource::partition).max().orElse(0);
        if (highest >= spec.partitions()) {
            throw new UsageException("archived topic '" + t.sourceTopic() + "' has data for partition " + highest
                    + " but its metadata says " + spec.partitions() + " partitions");
        }
        List<TopicAction.PartitionAction> parts = t.partitions().stream()
                .map(p -> new TopicAction.PartitionAction(p, count(p), 0, 0, 0)).toList();
        List<String> warnings = new ArrayList<>(spec.warnings());
        retentionWarning(t, spec).ifPresent(warnings::add);
        return new TopicAction(t, TopicAction.Kind.CREATE, spec, TargetTopic.absent(t.targetTopic()), parts,
                warnings);
    }

    /** Restored records keep their timestamps: those older than the topic's retention.ms are deleted soon after. */
    private Optional<String> retentionWarning(TopicPlan t, TopicSpec spec) {
        long retention;
        try {
            retention = Long.parseLong(spec.configs().getOrDefault("retention.ms", "-1").strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        long oldest = t.partitions().stream().flatMap(p -> p.relevantSegments().stream())
                .mapToLong(SegmentRef::minTimestamp).filter(ts -> ts >= 0).min().orElse(Long.MAX_VALUE);
        long now = clock.millis();
        if (retention < 0 || oldest == Long.MAX_VALUE || oldest >= now - retention) {
            return Optional.empty();
        }
        return Optional.of("topic " + t.targetTopic() + ": it has records from " + Instant.ofEpochMilli(oldest)
                + ", older than its retention.ms=" + retention + ": the target broker will delete them soon after the"
                + " restore (raise retention.ms on the topic while the restore runs, or restore with a longer one)");
    }

    private TopicAction existingTopic(TopicPlan t, TopicAction.Kind kind, TargetTopic existing,
                                      List<String> warnings) {
        List<TopicAction.PartitionAction> parts = t.partitions().stream().map(p -> new TopicAction.PartitionAction(
                p, count(p), 0, existing.offsets(p.partition()).start(), existing.offsets(p.partition()).end()))
                .toList();
        return new TopicAction(t, kind, null, existing, parts, warnings);
    }

    private Optional<TopicAction> resume(TopicPlan t, TargetTopic existing, List<String> conflicts) {
        List<TopicAction.PartitionAction> parts = new ArrayList<>();
        for (PartitionSource p : t.partitions()) {
            TargetTopic.OffsetRange range = existing.offsets(p.partition());
            long records = count(p);
            long present = range.size();
            Optional<String> problem = present > records
                    ? Optional.of("it holds " + present + " records, the restore has " + records)
                    : matcher.mismatch(p, t.targetTopic(), p.partition(), range.start(), present);
            if (problem.isPresent()) {
                conflicts.add("target topic '" + t.targetTopic() + "' already holds " + existing.records()
                        + " records that are not a prefix of this restore (partition " + p.partition() + ": "
                        + problem.get() + ")");
                return Optional.empty();
            }
            parts.add(new TopicAction.PartitionAction(p, records, present, range.start(), range.end()));
        }
        long present = parts.stream().mapToLong(TopicAction.PartitionAction::present).sum();
        long total = parts.stream().mapToLong(TopicAction.PartitionAction::records).sum();
        return Optional.of(new TopicAction(t, TopicAction.Kind.RESUME, null, existing, parts, List.of(
                "resuming topic " + t.targetTopic() + ": " + present + " of " + total
                        + " records are already there and are skipped")));
    }

    private static int neededPartitions(RestorePlan plan, TopicPlan t) {
        int highest = t.partitions().stream().mapToInt(PartitionSource::partition).max().orElse(0) + 1;
        if (plan.partitionFilter() == null && t.metadata() != null) {
            return Math.max(highest, t.metadata().partitions());
        }
        return highest;
    }

    private long count(PartitionSource p) {
        return OffsetTranslator.count(p, segments);
    }
}
