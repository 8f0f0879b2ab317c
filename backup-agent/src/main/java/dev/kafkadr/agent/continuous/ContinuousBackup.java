package dev.kafkadr.agent.continuous;

import dev.kafkadr.agent.backup.BackupListener;
import dev.kafkadr.agent.backup.RunResult;
import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.archive.catalog.ArchiveLayout;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.kafka.KafkaClientConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuous mode: stays subscribed to the selected topics in the agent's consumer group (cooperative-sticky, so
 * several agents share the partitions), streams records into segments and commits every partition's in-flight data
 * once its oldest uncommitted data is {@code backup.segment.max.age.ms} old, each commit cycle being a run with its
 * own manifest. {@link #run()} blocks on the calling thread until {@link #stop()}, which commits what is in flight
 * (or abandons it), leaves the group and returns. Thread-safe: {@link #stop()} may be called from any thread.
 */
public final class ContinuousBackup implements AssignmentListener.Owner {

    private static final Logger LOG = LoggerFactory.getLogger(ContinuousBackup.class);
    private static final Duration POLL = Duration.ofMillis(250);

    private final AgentConfig config;
    private final KafkaClientConfig kafka;
    private final BackupListener listener;
    private final Clock clock;
    private final String cluster;
    private final PartitionOpener opener;
    private final CycleCommitter committer;
    private final PartitionLag lag;
    private final RecordRouter router;
    private final Map<TopicPartition, OpenPartition> owned = new HashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private GroupOffsetCommitter groupOffsets; // poll thread only
    private Admin admin;
    private SnapshotSource snapshots;
    private long snapshotsWritten;
    private final ObjectStore store;
    private CatchUpTarget target;
    private Instant lastCoverageCheck = Instant.EPOCH;
    private volatile boolean caughtUp;

    public ContinuousBackup(AgentConfig config, KafkaClientConfig kafka, ObjectStore store, BackupListener listener,
                            Clock clock, String version) {
        this.config = config;
        this.kafka = kafka;
        this.listener = listener;
        this.clock = clock;
        this.cluster = config.clusterName();
        this.store = store;
        OpenPartition.SegmentSettings settings = new OpenPartition.SegmentSettings(config.compression(),
                config.compressionLevel(), config.blockBytes(), config.segmentMaxBytes());
        this.opener = new PartitionOpener(store, cluster, config.writerId(), version, settings, listener, clock);
        this.committer = new CycleCommitter(store, cluster, config.writerId(), version, clock);
        this.lag = new PartitionLag(cluster, listener, clock);
        this.router = new RecordRouter(cluster, listener, POLL);
    }

    /**
     * {@code --continuous --once}: takes the cut of every selected partition, then runs as {@link #run()} until the
     * archive holds every selected partition up to it (whichever agent of the group committed it) or until
     * {@link #stop()}.
     *
     * @return the cut, or null if stopped before the archive covered it
     */
    public CatchUpTarget catchUp() {
        try (Admin a = Admin.create(kafka.admin("kdr-agent-cut-" + cluster))) {
            target = CatchUpTarget.take(a, config, clock.instant());
        } catch (java.util.concurrent.ExecutionException | InterruptedException e) {
            throw dev.kafkadr.kafka.KafkaErrors.translate(e, "take the cut of cluster " + cluster,
                    kafka.bootstrap());
        }
        LOG.info("catching up: {} partitions up to their end offsets at {}", target.partitions(), target.takenAt());
        run();
        return caughtUp ? target : null;
    }

    /** Runs until {@link #stop()}; failures of Kafka or the store propagate (nothing half-committed). */
    public void run() {
        String group = config.groupId();
        try (Admin a = Admin.create(kafka.admin("kdr-agent-admin-" + cluster));
             KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProps(group))) {
            admin = a;
            consumer = c;
            groupOffsets = new GroupOffsetCommitter(c::commitAsync, clock);
            snapshots = new SnapshotSource(a, config, group, clock);
            c.subscribe(TopicPatterns.of(config.topicsInclude(), config.topicsExclude()),
                    new AssignmentListener(this));
            LOG.info("continuous backup of cluster {} as '{}' in consumer group '{}': commits every {} s at most, "
                    + "snapshots every {} s", cluster, config.writerId(), group,
                    config.segmentMaxAge().toSeconds(), config.snapshotInterval().toSeconds());
            while (!stopping.get()) {
                router.pollOnce(c, owned);
                if (stopping.get()) {
                    break;
                }
                commitIfDue();
                lag.update(owned.values(), c);
                groupOffsets.retryIfDue();
                checkCaughtUp();
            }
            LOG.info("stopping: committing in-flight data of {} partitions", owned.size());
            commitOwned("shutdown");
            c.close(Duration.ofSeconds(30));
            LOG.info("continuous backup of cluster {} stopped cleanly: in-flight data committed, group left", cluster);
        } finally {
            owned.values().forEach(OpenPartition::abandon);
            owned.clear();
        }
    }

    /** Asks {@link #run()} to commit what is in flight and return. */
    public void stop() {
        stopping.set(true); // the poll loop checks it at least every 250 ms
    }

    private Map<String, Object> consumerProps(String group) {
        Map<String, Object> o = new HashMap<>();
        o.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, config.fetchMaxBytes());
        o.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        o.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        kafka.properties().keySet().forEach(o::remove); // the command-config wins (session.timeout.ms, fetch …)
        o.put(ConsumerConfig.GROUP_ID_CONFIG, group);       // these two are the agent's, whatever the file says
        o.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        return kafka.consumer("kdr-agent-" + cluster + "-" + config.writerId(), o);
    }

    private void commitIfDue() {
        Instant now = clock.instant();
        boolean due = owned.values().stream().anyMatch(p -> p.hasPending()
                && (!now.isBefore(p.pendingSince().plus(config.segmentMaxAge()))
                || target != null && target.reachedBy(p)));
        snapshots.refreshIfDue();
        boolean newSnapshots = snapshots.version() > snapshotsWritten && snapshots.latest() != null;
        if (due || newSnapshots) {
            commitOwned(due ? "segment age" : "new snapshots");
        }
    }

    /** Catch-up mode: stop once the archive covers the cut (checked about once a second). */
    private void checkCaughtUp() {
        Instant now = clock.instant();
        if (target == null || now.isBefore(lastCoverageCheck.plusSeconds(1))) {
            return;
        }
        lastCoverageCheck = now;
        java.util.Set<TopicPartition> missing = target.missing(store, cluster);
        if (missing.isEmpty()) {
            LOG.info("caught up: the archive holds all {} selected partitions up to the cut taken at {}",
                    target.partitions(), target.takenAt());
            caughtUp = true;
            stopping.set(true);
        } else {
            LOG.debug("catching up: {} partitions still short of the cut: {}", missing.size(), missing);
        }
    }

    private void commitOwned(String why) {
        commit(new ArrayList<>(owned.values()), why);
    }

    @Override
    public Map<TopicPartition, OpenPartition> owned() {
        return owned;
    }

    @Override
    public void open(Collection<TopicPartition> assigned) {
        for (OpenPartition p : opener.open(assigned, consumer, admin)) {
            owned.put(new TopicPartition(p.topic(), p.partition()), p);
        }
    }

    @Override
    public void commitBeforeRelease(List<OpenPartition> revoked) {
        try {
            commit(revoked, "revocation");
        } catch (RuntimeException e) {
            LOG.warn("could not commit the in-flight data of revoked partitions {} ({}); abandoning it: the new "
                    + "owner continues from the last committed offset", revoked, e.getMessage());
            revoked.forEach(OpenPartition::abandon);
        }
    }

    @Override
    public void released(OpenPartition p) {
        lag.released(p);
        groupOffsets.released(new TopicPartition(p.topic(), p.partition()));
    }

    private void commit(List<OpenPartition> partitions, String why) {
        long version = snapshots.version();
        SnapshotSource.Snapshots s = version > snapshotsWritten ? snapshots.latest() : null;
        Map<TopicPartition, Long> starts = logStarts(partitions);
        CycleCommitter.CycleResult r = committer.commit(partitions,
                p -> starts.getOrDefault(new TopicPartition(p.topic(), p.partition()), 0L), s);
        RunManifest m = r.manifest();
        if (m != null) {
            if (s != null) {
                snapshotsWritten = version;
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            r.committed().forEach((p, c) -> {
                p.committed(c);
                lag.committed(p, m.committedAt());
                offsets.put(new TopicPartition(p.topic(), p.partition()), new OffsetAndMetadata(c.endOffset()));
            });
            LOG.info("run {} committed ({}): {} partitions changed, {} records, {} bytes", m.runId(), why,
                    r.committed().size(), m.totals().records(), m.totals().bytes());
            listener.runCommitted(new RunResult(cluster, m.runId(), ArchiveLayout.manifestKey(cluster, m.runId()),
                    m.totals().topics(), m.totals().partitions(), r.committed().size(), m.totals().records(),
                    m.totals().bytes(), m.totals().gaps(), m.startedAt(), m.committedAt()));
            groupOffsets.archived(offsets);
        }
        r.lost().forEach(this::lostToAnotherWriter);
    }

    private void lostToAnotherWriter(OpenPartition p, String reason) {
        LOG.warn("partition {}: not committed by writer '{}': {}; abandoning its in-flight offsets {} to {}", p,
                config.writerId(), reason, p.from(), p.position() - 1);
        p.abandon();
        TopicPartition tp = new TopicPartition(p.topic(), p.partition());
        if (owned.remove(tp) != null) {
            lag.released(p);
            groupOffsets.released(tp);
            // still assigned by the group (it may not have noticed yet): continue from the archive's head
            open(List.of(tp));
        }
    }

    private Map<TopicPartition, Long> logStarts(List<OpenPartition> partitions) {
        List<TopicPartition> tps = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        return tps.isEmpty() ? Map.of() : consumer.beginningOffsets(tps);
    }
}
