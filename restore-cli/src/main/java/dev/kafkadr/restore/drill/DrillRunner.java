package dev.kafkadr.restore.drill;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.BackupNotFoundException;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.restore.ArchiveSegmentSource;
import dev.kafkadr.restore.OffsetRestoreRequest;
import dev.kafkadr.restore.OffsetRestoreResult;
import dev.kafkadr.restore.OffsetRestorer;
import dev.kafkadr.restore.PartitionSource;
import dev.kafkadr.restore.RestoreListener;
import dev.kafkadr.restore.RestoreOptions;
import dev.kafkadr.restore.RestorePlan;
import dev.kafkadr.restore.RestorePlanner;
import dev.kafkadr.restore.RestoreRequest;
import dev.kafkadr.restore.RestoreResult;
import dev.kafkadr.restore.RestoreStream;
import dev.kafkadr.restore.TargetCluster;
import dev.kafkadr.restore.TopicPlan;
import dev.kafkadr.restore.TopicRestorer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A staging DR drill as a library: pins the newest committed run (its age is the RPO), restores the selected topics
 * into the drill cluster (normally under a prefix) and their consumer-group offsets, times it (the RTO), then reads
 * every restored partition back and compares record count and content digest with the archive's restore stream.
 * Not thread-safe; one drill at a time.
 */
public final class DrillRunner {

    private final ArchiveCatalog catalog;
    private final TargetCluster target;
    private final RestoreListener listener;
    private final Clock clock;

    public DrillRunner(ArchiveCatalog catalog, TargetCluster target, RestoreListener listener, Clock clock) {
        this.catalog = catalog;
        this.target = target;
        this.listener = listener;
        this.clock = clock;
    }

    public DrillReport run(RestoreRequest selection, RestoreOptions options) {
        Instant started = clock.instant();
        RestorePlanner planner = new RestorePlanner(catalog);
        RestorePlan plan = planner.plan(selection);
        RestoreRequest pinned = selection.withRun(plan.runId());
        RunManifest run = catalog.manifest(plan.cluster(), plan.runId());
        if (plan.topics().isEmpty()) {
            throw new BackupNotFoundException("run " + plan.runId() + " of cluster " + plan.cluster()
                    + " holds no topic matching the selection", "check --topics against 'kdr backups list'");
        }
        ArchiveSegmentSource segments = new ArchiveSegmentSource(catalog);
        RestoreResult restored = new TopicRestorer(target, segments, listener, clock).restore(plan, options);
        OffsetRestoreResult offsets = new OffsetRestorer(planner, target, segments)
                .restore(new OffsetRestoreRequest(pinned, null, false));
        Instant restoredAt = clock.instant();
        List<TopicCheck> checks = check(plan, segments);
        List<String> warnings = new ArrayList<>();
        offsets.failure().ifPresent(f -> warnings.add(f.getMessage()));
        long groups = offsets.moves().stream().map(m -> m.group()).distinct().count();
        return new DrillReport(plan.cluster(), plan.runId(), run.cutAt(), started, restoredAt,
                Duration.between(run.cutAt(), started).toSeconds(),
                Duration.between(started, restoredAt).toMillis() / 1000.0,
                restored.recordsWritten() + restored.recordsPresent(), restored.bytesWritten(), (int) groups,
                (int) offsets.moves().stream().filter(m -> m.restorable()).count(), checks, warnings);
    }

    private List<TopicCheck> check(RestorePlan plan, ArchiveSegmentSource segments) {
        List<TopicCheck> out = new ArrayList<>();
        try (TargetDigester digester = new TargetDigester(target.config())) {
            for (TopicPlan t : plan.topics()) {
                List<PartitionCheck> parts = new ArrayList<>();
                for (PartitionSource p : t.partitions()) {
                    ContentDigest expected = new ContentDigest();
                    try (RestoreStream s = RestoreStream.open(p, segments)) {
                        while (s.hasNext()) {
                            expected.add(s.next());
                        }
                    }
                    ContentDigest actual = digester.digest(t.targetTopic(), p.partition());
                    parts.add(new PartitionCheck(t.sourceTopic(), t.targetTopic(), p.partition(), expected.count(),
                            actual.count(), expected.sha256(), actual.sha256()));
                }
                out.add(new TopicCheck(t.sourceTopic(), t.targetTopic(), parts));
            }
        }
        return out;
    }
}
