package dev.kafkadr.agent.continuous;

import dev.kafkadr.agent.backup.ClusterSnapshots;
import dev.kafkadr.agent.backup.TopicSelector;
import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.archive.manifest.AclsSnapshot;
import dev.kafkadr.archive.manifest.GroupSnapshot;
import dev.kafkadr.archive.manifest.GroupsSnapshot;
import dev.kafkadr.archive.manifest.TopicsSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topic metadata, consumer-group offsets and ACLs of the selected topics, taken on their own interval
 * ({@code backup.snapshot.interval.ms}) rather than at every commit; every continuous commit writes the newest
 * ones under its own run id, so each manifest stays self-contained. A failed refresh keeps the previous snapshot and
 * is retried at the next call. Not thread-safe (the poll thread uses it).
 */
public final class SnapshotSource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotSource.class);

    /** One set of snapshots, stamped with the run id of the commit that writes it. Immutable. */
    public record Snapshots(TopicsSnapshot topics, GroupsSnapshot groups, AclsSnapshot acls) {

        Snapshots stamped(String runId) {
            return new Snapshots(new TopicsSnapshot(runId, topics.topics()),
                    new GroupsSnapshot(runId, groups.takenAt(), groups.groups()),
                    new AclsSnapshot(runId, acls.authorizer(), acls.bindings()));
        }
    }

    private final Admin admin;
    private final AgentConfig config;
    private final String ownGroup;
    private final Duration interval;
    private final Clock clock;
    private Snapshots latest;
    private Instant takenAt;
    private long version;

    public SnapshotSource(Admin admin, AgentConfig config, String ownGroup, Clock clock) {
        this.admin = admin;
        this.config = config;
        this.ownGroup = ownGroup;
        this.interval = config.snapshotInterval();
        this.clock = clock;
    }

    /** Takes new snapshots if the interval has passed (or none exist yet); returns true if it did. */
    public boolean refreshIfDue() {
        Instant now = clock.instant();
        if (takenAt != null && now.isBefore(takenAt.plus(interval))) {
            return false;
        }
        try {
            latest = take("pending");
            takenAt = now;
            version++;
            return true;
        } catch (ExecutionException | RuntimeException e) {
            LOG.warn("could not snapshot topic metadata / group offsets / ACLs of cluster {} (keeping the previous "
                    + "snapshot, retrying at the next commit): {}", config.clusterName(), e.getMessage());
            takenAt = now.minus(interval).plusSeconds(10); // retry soon, not in a tight loop
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The newest snapshots, or null if none could be taken yet. */
    public Snapshots latest() {
        return latest;
    }

    /** Increases each time new snapshots are taken. */
    public long version() {
        return version;
    }

    private Snapshots take(String runId) throws ExecutionException, InterruptedException {
        Set<String> all = admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get();
        SortedSet<String> topics = new TopicSelector(config.topicsInclude(), config.topicsExclude(), true)
                .select(all);
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
        Set<TopicPartition> partitions = new HashSet<>();
        described.values().forEach(d -> {
            for (TopicPartitionInfo p : d.partitions()) {
                partitions.add(new TopicPartition(d.name(), p.partition()));
            }
        });
        ClusterSnapshots snapshots = new ClusterSnapshots(admin, clock);
        TopicsSnapshot t = snapshots.topics(runId, described);
        GroupsSnapshot g = snapshots.groups(runId, partitions, new TopicSelector(config.groupsInclude(),
                config.groupsExclude(), false));
        List<GroupSnapshot> others = g.groups().stream().filter(x -> !x.group().equals(ownGroup)).toList();
        g = new GroupsSnapshot(runId, g.takenAt(), others);
        Set<String> groupIds = new TreeSet<>();
        others.forEach(x -> groupIds.add(x.group()));
        AclsSnapshot a = config.aclsEnabled() ? snapshots.acls(runId, topics, groupIds)
                : new AclsSnapshot(runId, false, List.of());
        return new Snapshots(t, g, a);
    }
}
