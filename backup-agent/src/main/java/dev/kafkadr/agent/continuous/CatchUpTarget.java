package dev.kafkadr.agent.continuous;

import dev.kafkadr.agent.backup.TopicSelector;
import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.store.ObjectStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * {@code kdr-agent --continuous --once}: the cut every selected partition must reach (its read_committed end offset
 * when the agent started), and the check that the archive covers it, whichever agent of the group committed each
 * partition. Several agents started this way share the partitions and each exits only when the whole selection
 * is in committed runs up to its cut. Immutable.
 */
public final class CatchUpTarget {

    private final Map<TopicPartition, Long> cut;
    private final Map<TopicPartition, Long> logStarts;
    private final Instant takenAt;

    private CatchUpTarget(Map<TopicPartition, Long> cut, Map<TopicPartition, Long> logStarts, Instant takenAt) {
        this.cut = Map.copyOf(cut);
        this.logStarts = Map.copyOf(logStarts);
        this.takenAt = takenAt;
    }

    /** Takes the cut of every partition of the selected topics. */
    public static CatchUpTarget take(Admin admin, AgentConfig config, Instant now)
            throws ExecutionException, InterruptedException {
        Set<String> all = admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get();
        SortedSet<String> topics = new TopicSelector(config.topicsInclude(), config.topicsExclude(), true)
                .select(all);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get().values()) {
            for (TopicPartitionInfo p : d.partitions()) {
                latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.earliest());
            }
        }
        return new CatchUpTarget(offsets(admin, latest), offsets(admin, earliest), now);
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, Map<TopicPartition, OffsetSpec> spec)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, Long> out = new HashMap<>();
        if (!spec.isEmpty()) {
            admin.listOffsets(spec, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .forEach((tp, i) -> out.put(tp, i.offset()));
        }
        return out;
    }

    /**
     * True when this agent's in-flight data of {@code p} reaches the cut and its committed data does not yet:
     * commit it now rather than by age.
     */
    boolean reachedBy(OpenPartition p) {
        Long c = cut.get(new TopicPartition(p.topic(), p.partition()));
        return c != null && p.position() >= c && p.from() < c;
    }

    /** Partitions whose committed head (as readers resolve it) is still short of the cut; empty when done. */
    public Set<TopicPartition> missing(ObjectStore store, String cluster) {
        ArchiveCatalog catalog = new ArchiveCatalog(store);
        NavigableSet<String> runs = catalog.committedRunIds(cluster);
        Set<TopicPartition> out = new java.util.TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        cut.forEach((tp, end) -> {
            if (logStarts.getOrDefault(tp, 0L) >= end) {
                return; // nothing readable to back up
            }
            long archived = catalog.head(cluster, tp.topic(), tp.partition(), runs, null)
                    .map(PartitionCommit::endOffset).orElse(-1L);
            if (archived < end) {
                out.add(tp);
            }
        });
        return out;
    }

    public int partitions() {
        return cut.size();
    }

    public Instant takenAt() {
        return takenAt;
    }
}
