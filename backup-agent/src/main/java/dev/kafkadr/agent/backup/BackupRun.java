package dev.kafkadr.agent.backup;

import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.ArchiveLayout;
import dev.kafkadr.archive.catalog.RunWriter;
import dev.kafkadr.archive.manifest.AclsSnapshot;
import dev.kafkadr.archive.manifest.ObjectRef;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.manifest.TopicsSnapshot;
import dev.kafkadr.kafka.KafkaClientConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One backup run (docs/archive-format.md, section 5): select topics, take the cut (read_committed end offsets and
 * log start offsets), snapshot groups, topic metadata and ACLs, back up every partition from its committed head to
 * the cut in parallel, and commit the run manifest last. Any partition failure fails the run without a commit.
 * Not thread-safe; one instance per run ({@link #cancel()} may be called from any thread).
 */
final class BackupRun {

    private static final Logger LOG = LoggerFactory.getLogger(BackupRun.class);

    private final AgentConfig config;
    private final KafkaClientConfig kafka;
    private final ArchiveCatalog catalog;
    private final BackupListener listener;
    private final Clock clock;
    private final String agentVersion;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    BackupRun(AgentConfig config, KafkaClientConfig kafka, ArchiveCatalog catalog, BackupListener listener,
              Clock clock, String agentVersion) {
        this.config = config;
        this.kafka = kafka;
        this.catalog = catalog;
        this.listener = listener;
        this.clock = clock;
        this.agentVersion = agentVersion;
    }

    void cancel() {
        cancelled.set(true);
    }

    RunResult execute(Admin admin) throws ExecutionException, InterruptedException {
        String cluster = config.clusterName();
        SortedSet<String> topics = selectTopics(admin);
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
        List<TopicPartition> partitions = partitionsOf(described);
        Map<TopicPartition, Long> cut = offsets(admin, partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> logStarts = offsets(admin, partitions, OffsetSpec.earliest());
        Instant cutAt = clock.instant();
        RunWriter run = new RunWriter(catalog, cluster, config.writerId(), agentVersion, clock);
        listener.runStarted(cluster, run.runId());
        LOG.info("run {} started: cluster {}, {} topics, {} partitions, cut taken", run.runId(), cluster,
                topics.size(), partitions.size());

        ClusterSnapshots snapshots = new ClusterSnapshots(admin, clock);
        var groups = snapshots.groups(run.runId(), Set.copyOf(partitions),
                new TopicSelector(config.groupsInclude(), config.groupsExclude(), false));
        TopicsSnapshot metadata = snapshots.topics(run.runId(), described);
        AclsSnapshot acls = config.aclsEnabled()
                ? snapshots.acls(run.runId(), topics, groupIds(groups.groups()))
                : new AclsSnapshot(run.runId(), false, List.of());

        List<PartitionPlan> plans = plan(run, described, partitions, cut, logStarts);
        List<PartitionCommit> commits = new PartitionExecutor(config, kafka, run, listener, cancelled, clock)
                .backUp(plans.stream().filter(p -> !p.unchanged()).toList());
        if (cancelled.get()) {
            throw new BackupCancelledException(run.runId());
        }
        List<PartitionEntry> entries = entries(plans, commits);
        ObjectRef metadataRef = run.writeRunObject("topics.json", metadata);
        ObjectRef groupsRef = run.writeRunObject("groups.json", groups);
        ObjectRef aclsRef = run.writeRunObject("acls.json", acls);
        RunManifest m = run.commit(entries, cutAt, metadataRef, groupsRef, aclsRef, e ->
                LOG.warn("partition {}-{} was taken over by another writer; left out of run {}", e.topic(),
                        e.partition(), run.runId()));
        return new RunResult(cluster, m.runId(), ArchiveLayout.manifestKey(cluster, m.runId()),
                m.totals().topics(), m.totals().partitions(), commits.size(), m.totals().records(),
                m.totals().bytes(), m.totals().gaps(), run.startedAt(), m.committedAt());
    }

    private SortedSet<String> selectTopics(Admin admin) throws ExecutionException, InterruptedException {
        Set<String> all = admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get();
        TopicSelector selector = new TopicSelector(config.topicsInclude(), config.topicsExclude(), true);
        SortedSet<String> selected = selector.select(all);
        List<String> unmatched = selector.unmatchedIncludes(all);
        if (selected.isEmpty()) {
            throw new NoTopicsSelectedException("topics.include " + config.topicsInclude() + " (exclude "
                    + config.topicsExclude() + ") matches no topic of cluster " + config.clusterName() + " at "
                    + kafka.bootstrap() + " (" + all.size() + " topics exist); nothing was committed" + (all.isEmpty()
                    ? "; the principal sees no topic at all, which usually means it lacks DESCRIBE/READ ACLs"
                    + " (docs/operations.md)" : ""));
        }
        unmatched.forEach(p -> LOG.warn("topics.include pattern '{}' matches no topic of cluster {}", p,
                config.clusterName()));
        return selected;
    }

    private static List<TopicPartition> partitionsOf(Map<String, TopicDescription> described) {
        List<TopicPartition> out = new ArrayList<>();
        new TreeSet<>(described.keySet()).forEach(t -> {
            for (TopicPartitionInfo p : described.get(t).partitions()) {
                out.add(new TopicPartition(t, p.partition()));
            }
        });
        return out;
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, Collection<TopicPartition> tps, OffsetSpec spec)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        tps.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private List<PartitionPlan> plan(RunWriter run, Map<String, TopicDescription> described,
                                     List<TopicPartition> partitions, Map<TopicPartition, Long> cut,
                                     Map<TopicPartition, Long> logStarts) {
        List<PartitionPlan> plans = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            TopicDescription d = described.get(tp.topic());
            String topicId = d.topicId() == null ? null : d.topicId().toString();
            PartitionPlan p = PartitionPlan.of(run.start(tp.topic(), tp.partition()), topicId, logStarts.get(tp),
                    cut.get(tp));
            if (p.warning() != null) {
                LOG.warn(p.warning());
            }
            p.gaps().forEach(g -> listener.gap(config.clusterName(), tp.topic(), tp.partition(), g));
            plans.add(p);
        }
        return plans;
    }

    private static List<PartitionEntry> entries(List<PartitionPlan> plans, List<PartitionCommit> commits) {
        Map<String, PartitionCommit> byPartition = new HashMap<>();
        commits.forEach(c -> byPartition.put(c.topic() + "/" + c.partition(), c));
        List<PartitionEntry> out = new ArrayList<>();
        for (PartitionPlan p : plans) {
            PartitionCommit c = byPartition.get(p.start().topic() + "/" + p.start().partition());
            if (c != null) {
                out.add(new PartitionEntry(c.topic(), c.partition(), c.seq(), c.parentSeq(), true, c.startOffset(),
                        c.endOffset(), c.logStartOffset(), c.records(), c.bytes(), c.segments(), c.gaps()));
            } else {
                PartitionCommit h = p.start().head();
                out.add(new PartitionEntry(h.topic(), h.partition(), h.seq(), h.parentSeq(), false, h.endOffset(),
                        h.endOffset(), p.logStartOffset(), 0, 0, List.of(), List.of()));
            }
        }
        out.sort(Comparator.comparing(PartitionEntry::topic).thenComparingInt(PartitionEntry::partition));
        return out;
    }

    private static Set<String> groupIds(List<dev.kafkadr.archive.manifest.GroupSnapshot> groups) {
        Set<String> out = new TreeSet<>();
        groups.forEach(g -> out.add(g.group()));
        return out;
    }
}
