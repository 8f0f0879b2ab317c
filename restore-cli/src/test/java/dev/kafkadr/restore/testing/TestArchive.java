package dev.kafkadr.restore.testing;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.PartitionStart;
import dev.kafkadr.archive.catalog.RunWriter;
import dev.kafkadr.archive.catalog.SegmentOutput;
import dev.kafkadr.archive.format.ArchivedHeader;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.Codec;
import dev.kafkadr.archive.format.TimestampType;
import dev.kafkadr.archive.manifest.AclsSnapshot;
import dev.kafkadr.archive.manifest.GroupSnapshot;
import dev.kafkadr.archive.manifest.GroupsSnapshot;
import dev.kafkadr.archive.manifest.ObjectRef;
import dev.kafkadr.archive.manifest.OffsetGap;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.manifest.TopicMetadata;
import dev.kafkadr.archive.manifest.TopicsSnapshot;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds real kafka-dr archives in a local directory through the archive module's own writing side
 * ({@link RunWriter}), the way the backup agent will: segments, put-if-absent commit records, snapshots and the run
 * manifest last. Each {@link Run} is one committed backup run. Not thread-safe.
 */
public final class TestArchive {

    private final Path dir;
    private final String cluster;
    private final ObjectStore store;
    private int segmentRecords = 25;

    public TestArchive(Path dir, String cluster) {
        this.dir = dir;
        this.cluster = cluster;
        this.store = new LocalObjectStore(dir, StoreOptions.empty());
    }

    /** Records per segment (several segments per commit exercise segment skipping). */
    public TestArchive segmentRecords(int n) {
        this.segmentRecords = n;
        return this;
    }

    public String uri() {
        return dir.toUri().toString();
    }

    public Path dir() {
        return dir;
    }

    public String cluster() {
        return cluster;
    }

    public ObjectStore store() {
        return store;
    }

    public ArchiveCatalog catalog() {
        return new ArchiveCatalog(store);
    }

    /** Starts a backup run whose cut is at {@code cutAt}; its run id encodes that time. */
    public Run run(Instant cutAt) {
        return new Run(new RunWriter(new ArchiveCatalog(store), cluster, "test-agent", "test",
                Clock.fixed(cutAt, ZoneOffset.UTC)), cutAt);
    }

    /** One backup run being written. */
    public final class Run {
        private final RunWriter writer;
        private final Instant cutAt;
        private final List<PartitionEntry> entries = new ArrayList<>();
        private final List<TopicMetadata> topics = new ArrayList<>();
        private final List<GroupSnapshot> groups = new ArrayList<>();

        private Run(RunWriter writer, Instant cutAt) {
            this.writer = writer;
            this.cutAt = cutAt;
        }

        public String runId() {
            return writer.runId();
        }

        public Run topic(TopicMetadata metadata) {
            topics.add(metadata);
            return this;
        }

        public Run group(GroupSnapshot group) {
            groups.add(group);
            return this;
        }

        /**
         * Backs up one partition: the new {@code records} (offsets from the previous end on, gaps allowed), the
         * partition's end offset and log start offset at the cut. A log start past the previous end records a
         * RETENTION gap, as the agent does.
         */
        public Run partition(String topic, int partition, long logStartOffset, long endOffset,
                             List<ArchivedRecord> records) {
            PartitionStart start = writer.start(topic, partition);
            long from = start.nextOffset() < 0 ? logStartOffset : start.nextOffset();
            List<OffsetGap> gaps = new ArrayList<>();
            if (start.nextOffset() >= 0 && logStartOffset > start.nextOffset()) {
                gaps.add(new OffsetGap(start.nextOffset(), logStartOffset, OffsetGap.RETENTION));
            }
            List<SegmentRef> segments = new ArrayList<>();
            for (int i = 0; i < records.size(); i += segmentRecords) {
                List<ArchivedRecord> chunk = records.subList(i, Math.min(records.size(), i + segmentRecords));
                try (SegmentOutput out = writer.openSegment(topic, partition, chunk.get(0).offset(), Codec.ZSTD, 3,
                        1024)) {
                    chunk.forEach(out::append);
                    segments.add(out.finish());
                }
            }
            PartitionCommit c = writer.commitPartition(start, topic + "-id", false, from, endOffset, logStartOffset,
                    gaps, segments);
            entries.add(new PartitionEntry(topic, partition, c.seq(), c.parentSeq(), true, c.startOffset(),
                    c.endOffset(), c.logStartOffset(), c.records(), c.bytes(), c.segments(), c.gaps()));
            return this;
        }

        /** Writes the snapshots and the manifest: the run is committed. */
        public RunManifest commit() {
            ObjectRef meta = writer.writeRunObject("topics.json", new TopicsSnapshot(writer.runId(), topics));
            ObjectRef grp = writer.writeRunObject("groups.json", new GroupsSnapshot(writer.runId(), cutAt, groups));
            ObjectRef acl = writer.writeRunObject("acls.json", new AclsSnapshot(writer.runId(), false, List.of()));
            return writer.commit(entries, cutAt, meta, grp, acl, e -> {
                throw new AssertionError("fenced: " + e);
            });
        }
    }

    // ---- record helpers ------------------------------------------------------------------------------------------

    public static ArchivedRecord record(long offset, long timestamp, String key, String value,
                                        ArchivedHeader... headers) {
        return new ArchivedRecord(offset, timestamp, TimestampType.CREATE_TIME, bytes(key), bytes(value),
                List.of(headers));
    }

    public static ArchivedHeader header(String key, String value) {
        return new ArchivedHeader(key, bytes(value));
    }

    public static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
