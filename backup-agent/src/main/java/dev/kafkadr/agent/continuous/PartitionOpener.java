package dev.kafkadr.agent.continuous;

import dev.kafkadr.agent.backup.BackupListener;
import dev.kafkadr.agent.backup.PartitionPlan;
import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.RunWriter;
import dev.kafkadr.archive.store.ObjectStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the backup of newly assigned partitions: the archive, not Kafka's committed offsets, says where each one
 * resumes (the committed head's end offset; the log start with a recorded RETENTION gap if retention deleted past
 * it; a new chain if the topic was recreated), and the consumer is positioned there. Not thread-safe (poll thread).
 */
public final class PartitionOpener {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionOpener.class);

    private final ObjectStore store;
    private final String cluster;
    private final String writerId;
    private final String version;
    private final OpenPartition.SegmentSettings settings;
    private final BackupListener listener;
    private final Clock clock;

    public PartitionOpener(ObjectStore store, String cluster, String writerId, String version,
                           OpenPartition.SegmentSettings settings, BackupListener listener, Clock clock) {
        this.store = store;
        this.cluster = cluster;
        this.writerId = writerId;
        this.version = version;
        this.settings = settings;
        this.listener = listener;
        this.clock = clock;
    }

    /** Resolves where each partition resumes and seeks {@code consumer} there. */
    public List<OpenPartition> open(Collection<TopicPartition> assigned, Consumer<byte[], byte[]> consumer,
                                    Admin admin) {
        if (assigned.isEmpty()) {
            return List.of();
        }
        Map<String, String> topicIds = topicIds(assigned, admin);
        Map<TopicPartition, Long> logStarts = consumer.beginningOffsets(assigned);
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        // a run writer only to resolve heads with a fresh view of the committed runs; it never commits
        RunWriter view = new RunWriter(new ArchiveCatalog(store), cluster, writerId, version, clock);
        List<OpenPartition> out = new ArrayList<>();
        for (TopicPartition tp : assigned) {
            OpenPartition p = resume(view, tp.topic(), tp.partition(), topicIds.get(tp.topic()), logStarts.get(tp),
                    ends.get(tp));
            consumer.seek(tp, p.position());
            out.add(p);
        }
        return out;
    }

    /**
     * Where one partition resumes, from the archive's committed head as {@code view} sees it and Kafka's log start
     * and end offsets; the caller positions its consumer at {@link OpenPartition#position()}.
     */
    OpenPartition resume(RunWriter view, String topic, int partition, String topicId, long logStart, long end) {
        PartitionPlan plan = PartitionPlan.of(view.start(topic, partition), topicId, logStart, end);
        if (plan.warning() != null) {
            LOG.warn(plan.warning());
        }
        plan.gaps().forEach(g -> listener.gap(cluster, topic, partition, g));
        LOG.debug("{}-{}: resuming at offset {} after head seq {}", topic, partition, plan.from(),
                plan.start().head() == null ? 0 : plan.start().head().seq());
        return new OpenPartition(cluster, store, settings, clock, plan);
    }

    private static Map<String, String> topicIds(Collection<TopicPartition> tps, Admin admin) {
        Set<String> topics = new TreeSet<>();
        tps.forEach(tp -> topics.add(tp.topic()));
        Map<String, String> out = new HashMap<>();
        try {
            Map<String, TopicDescription> d = admin.describeTopics(topics).allTopicNames().get();
            d.forEach((name, desc) -> out.put(name, desc.topicId() == null ? null : desc.topicId().toString()));
        } catch (ExecutionException e) {
            LOG.warn("could not read the topic ids of {} ({}); a recreated topic is then detected by its end offset "
                    + "only", topics, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }
}
