package dev.kafkadr.agent.continuous;

import dev.kafkadr.agent.backup.PartitionPlan;
import dev.kafkadr.archive.catalog.RunId;
import dev.kafkadr.archive.catalog.SegmentOutput;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.manifest.OffsetGap;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.store.ObjectStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-flight backup of one partition this agent owns in continuous mode: the committed head it continues, the
 * uncommitted range {@code [from, position)} with its finished segments and the open one (rolled by size), and
 * recorded gaps. {@link #committed} moves it past a commit; {@link #abandon} discards the in-flight part.
 * Not thread-safe: only the consumer's poll thread touches it.
 */
public final class OpenPartition {

    private final String cluster;
    private final String topic;
    private final int partition;
    private final ObjectStore store;
    private final SegmentSettings settings;
    private final Clock clock;
    private String topicId;
    private PartitionCommit head;
    private long knownHighestSeq;
    private boolean newChain;
    private long from;
    private long position;
    private final List<OffsetGap> gaps = new ArrayList<>();
    private final List<SegmentRef> finished = new ArrayList<>();
    private SegmentOutput current;
    private Instant pendingSince;
    private long pendingMinTimestamp = Long.MAX_VALUE;

    /** How segments are written. Immutable. */
    public record SegmentSettings(dev.kafkadr.archive.format.Codec codec, int level, int blockBytes, long maxBytes) {
    }

    OpenPartition(String cluster, ObjectStore store, SegmentSettings settings, Clock clock, PartitionPlan plan) {
        this.cluster = cluster;
        this.topic = plan.start().topic();
        this.partition = plan.start().partition();
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.topicId = plan.topicId();
        this.head = plan.start().head();
        this.knownHighestSeq = plan.start().highestSeq();
        this.newChain = plan.newChain();
        this.from = plan.from();
        this.position = plan.from();
        this.gaps.addAll(plan.gaps());
        if (!gaps.isEmpty() || newChain && head != null) {
            pendingSince = clock.instant();
        }
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    /** Appends a record read at the consumer's position, opening or rolling a segment as needed. */
    void append(ArchivedRecord r) {
        if (r.offset() < position) {
            return; // already in flight (a re-fetch after a seek to the same place)
        }
        if (current == null) {
            current = SegmentOutput.open(store, cluster, topic, partition, r.offset(), RunId.generate(clock),
                    settings.codec(), settings.level(), settings.blockBytes());
        }
        current.append(r);
        position = r.offset() + 1;
        pendingMinTimestamp = Math.min(pendingMinTimestamp, r.timestamp());
        markPending();
        if (current.estimatedBytes() >= settings.maxBytes()) {
            finished.add(current.finish());
            current = null;
        }
    }

    /** The consumer's position moved (records, or only control records / aborted data it skipped). */
    void advanceTo(long consumerPosition) {
        if (consumerPosition > position) {
            position = consumerPosition;
            markPending();
        }
    }

    /** The log start moved past the position (retention): the offsets up to it are a recorded gap. */
    void lostTo(long logStart) {
        if (logStart > position) {
            gaps.add(new OffsetGap(position, logStart, OffsetGap.RETENTION));
            position = logStart;
            markPending();
        }
    }

    private void markPending() {
        if (pendingSince == null) {
            pendingSince = clock.instant();
        }
    }

    /** True when there is something to commit: new offsets, a gap, or a new chain to start. */
    boolean hasPending() {
        return pendingSince != null;
    }

    /** When the oldest uncommitted change was seen (null if none). */
    Instant pendingSince() {
        return pendingSince;
    }

    /** Smallest timestamp of the uncommitted records (Long.MAX_VALUE if none). */
    long pendingMinTimestamp() {
        return pendingMinTimestamp;
    }

    /** Closes the open segment and returns every segment of the uncommitted range. */
    List<SegmentRef> finishSegments() {
        if (current != null) {
            finished.add(current.finish());
            current = null;
        }
        return List.copyOf(finished);
    }

    /** The commit {@code c} now holds everything in flight: continue after it. */
    void committed(PartitionCommit c) {
        head = c;
        knownHighestSeq = c.seq();
        newChain = false;
        from = c.endOffset();
        position = Math.max(position, c.endOffset());
        gaps.clear();
        finished.clear();
        pendingSince = null;
        pendingMinTimestamp = Long.MAX_VALUE;
    }

    /** Discards the in-flight data (the open segment is aborted; finished ones become garbage). */
    void abandon() {
        if (current != null) {
            current.abort();
            current = null;
        }
        finished.clear();
        gaps.clear();
        pendingSince = null;
        pendingMinTimestamp = Long.MAX_VALUE;
        position = from;
    }

    /** Seq of the committed head this in-flight data continues (0 when starting from nothing). */
    long headSeq() {
        return head == null ? 0 : head.seq();
    }

    PartitionCommit head() {
        return head;
    }

    long knownHighestSeq() {
        return knownHighestSeq;
    }

    String topicId() {
        return topicId;
    }

    boolean newChain() {
        return newChain;
    }

    long from() {
        return from;
    }

    long position() {
        return position;
    }

    List<OffsetGap> gaps() {
        return List.copyOf(gaps);
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
