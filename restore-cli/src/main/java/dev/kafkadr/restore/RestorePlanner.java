package dev.kafkadr.restore;

import dev.kafkadr.archive.UsageException;
import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.ArchiveLayout;
import dev.kafkadr.archive.catalog.BackupNotFoundException;
import dev.kafkadr.archive.catalog.PartitionHistory;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.manifest.TopicMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Decides which archived records a restore writes (docs/restore.md, "Which records"): picks the run, the topics and
 * partitions, and each partition's restore stream — from the head commit's log start offset (or the archive's start
 * with from-earliest) to its end offset, filtered by timestamp with a point-in-time cut. Reads only the archive.
 * Thread-safe.
 */
public final class RestorePlanner {

    private final ArchiveCatalog catalog;
    private final BackupLocator locator;

    public RestorePlanner(ArchiveCatalog catalog) {
        this.catalog = catalog;
        this.locator = new BackupLocator(catalog);
    }

    public BackupLocator locator() {
        return locator;
    }

    public RestorePlan plan(RestoreRequest req) {
        String cluster = locator.cluster(req.cluster());
        String runId = locator.run(cluster, req.runId());
        NavigableSet<String> runs = locator.runs(cluster).headSet(runId, true);
        String logStartRun = req.toTime() == null ? null
                : locator.earliestRunCutAtOrAfter(cluster, req.toTime()).orElse(runId);
        Long maxTimestamp = req.toTime() == null ? null : req.toTime().toEpochMilli();
        List<TopicPlan> topics = new ArrayList<>();
        List<String> selected = selectTopics(cluster, req);
        checkPartitions(cluster, selected, runId, req);
        for (String topic : selected) {
            TopicMetadata meta = locator.metadataAsOf(cluster, topic, runId).orElse(null);
            List<PartitionSource> parts = new ArrayList<>();
            for (int p : selectPartitions(catalog.partitions(cluster, topic), req)) {
                PartitionHistory h = catalog.history(cluster, topic, p, runs, runId);
                if (!h.isEmpty()) {
                    long from = startOffset(cluster, h, runs, req, logStartRun);
                    parts.add(new PartitionSource(topic, p, h.segments(), from, h.endOffset(), maxTimestamp,
                            h.startOffset(), h.gaps()));
                }
            }
            if (!parts.isEmpty()) {
                topics.add(new TopicPlan(topic, req.targetOf(topic), meta, parts));
            }
        }
        if (topics.isEmpty()) {
            throw unknownTopic(cluster, runId, req);
        }
        checkRenames(req, topics);
        if (req.toTime() != null) {
            checkTimeCovered(req.toTime(), topics);
        }
        return new RestorePlan(cluster, runId, catalog.runInfo(cluster, runId).cutAt(), req.toTime(),
                req.toTime() == null ? null : logStartRun, req.fromEarliest(), req.partitions(), topics);
    }

    private List<String> selectTopics(String cluster, RestoreRequest req) {
        Pattern pattern = compile(req.topicsRegex());
        return catalog.topics(cluster).stream().filter(t -> pattern == null || pattern.matcher(t).matches())
                .sorted().toList();
    }

    private static Pattern compile(String regex) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UsageException("--topics '" + regex + "' is not a valid regular expression: "
                    + e.getDescription());
        }
    }

    private static List<Integer> selectPartitions(List<Integer> archived, RestoreRequest req) {
        return req.partitions() == null ? archived : archived.stream().filter(req.partitions()::contains).toList();
    }

    /** Every --partitions entry must exist in at least one selected topic. */
    private void checkPartitions(String cluster, List<String> topics, String runId, RestoreRequest req) {
        if (req.partitions() == null) {
            return;
        }
        int most = 0;
        String widest = null;
        for (String topic : topics) {
            List<Integer> archived = catalog.partitions(cluster, topic);
            int count = locator.metadataAsOf(cluster, topic, runId).map(TopicMetadata::partitions)
                    .orElse(archived.isEmpty() ? 0 : archived.get(archived.size() - 1) + 1);
            if (count > most) {
                most = count;
                widest = topic;
            }
        }
        int highest = req.partitions().last();
        if (widest != null && highest >= most) {
            throw new UsageException("--partitions names partition " + highest + " but no selected archived topic has"
                    + " it (the most partitions: " + most + ", in '" + widest + "')");
        }
    }

    private long startOffset(String cluster, PartitionHistory h, NavigableSet<String> runs, RestoreRequest req,
                             String logStartRun) {
        if (req.fromEarliest()) {
            return h.startOffset();
        }
        if (logStartRun != null) {
            PartitionHistory atT = catalog.history(cluster, h.topic(), h.partition(), runs, logStartRun);
            return atT.head().map(PartitionCommit::logStartOffset).orElse(h.startOffset());
        }
        return h.head().orElseThrow().logStartOffset();
    }

    private BackupNotFoundException unknownTopic(String cluster, String runId, RestoreRequest req) {
        List<String> all = catalog.topics(cluster);
        String shown = all.size() > 20 ? all.subList(0, 20) + " and " + (all.size() - 20) + " more" : all.toString();
        String what = req.topicsRegex() == null ? "no archived topic" : "no archived topic matches --topics '"
                + req.topicsRegex() + "'";
        String parts = req.partitions() == null ? "" : " with partitions " + req.partitions();
        return new BackupNotFoundException(what + parts + " in cluster '" + cluster + "' as of run " + runId
                + " (archived topics: " + shown + ")", "run 'kdr backups list' and 'kdr backups describe'");
    }

    private static void checkRenames(RestoreRequest req, List<TopicPlan> topics) {
        Set<String> sources = new HashSet<>();
        topics.forEach(t -> sources.add(t.sourceTopic()));
        for (Map.Entry<String, String> e : req.renames().entrySet()) {
            if (!sources.contains(e.getKey())) {
                throw new UsageException("--rename " + e.getKey() + "=" + e.getValue() + " names topic '" + e.getKey()
                        + "', which is not among the selected archived topics " + sources.stream().sorted().toList());
            }
            ArchiveLayout.checkName("--rename target topic", e.getValue());
        }
        Set<String> targets = new HashSet<>();
        for (TopicPlan t : topics) {
            if (!targets.add(t.targetTopic())) {
                throw new UsageException("two archived topics would be restored into the same target topic '"
                        + t.targetTopic() + "': fix --rename");
            }
        }
    }

    private static void checkTimeCovered(Instant toTime, List<TopicPlan> topics) {
        long earliest = Long.MAX_VALUE;
        for (TopicPlan t : topics) {
            for (PartitionSource p : t.partitions()) {
                for (SegmentRef s : p.segments()) {
                    if (s.records() > 0) {
                        earliest = Math.min(earliest, s.minTimestamp());
                    }
                }
            }
        }
        if (earliest > toTime.toEpochMilli()) {
            String first = earliest == Long.MAX_VALUE ? "none (no archived records)"
                    : Instant.ofEpochMilli(earliest).toString();
            throw new BackupNotFoundException("--to-time " + toTime + " is before the first backup: the earliest "
                    + "archived record of the selected topics has timestamp " + first,
                    "choose a --to-time at or after it");
        }
    }
}
