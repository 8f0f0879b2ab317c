package dev.kafkadr.archive.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.Codec;
import dev.kafkadr.archive.format.TimestampType;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunWriterTest {

    @TempDir
    Path dir;
    ObjectStore store;
    ArchiveCatalog catalog;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T02:00:00Z"));

    @BeforeEach
    void open() {
        store = new LocalObjectStore(dir, StoreOptions.empty());
        catalog = new ArchiveCatalog(store);
    }

    /** Runs a backup of one partition from where it stands to {@code end}, one record per offset. */
    private RunManifest backup(String writer, String topic, int partition, long end) {
        RunWriter run = newRun(writer);
        PartitionEntry e = writePartition(run, topic, partition, end);
        return run.commit(List.of(e), clock.instant(), null, null, null, x -> { });
    }

    private RunWriter newRun(String writer) {
        clock.advance(Duration.ofMinutes(1));
        return new RunWriter(new ArchiveCatalog(store), "prod", writer, "test", clock);
    }

    private PartitionEntry writePartition(RunWriter run, String topic, int partition, long end) {
        PartitionStart start = run.start(topic, partition);
        long from = Math.max(0, start.nextOffset());
        List<SegmentRef> segs = new ArrayList<>();
        if (end > from) {
            try (SegmentOutput out = run.openSegment(topic, partition, from, Codec.ZSTD, 0, 4096)) {
                for (long o = from; o < end; o++) {
                    out.append(record(o));
                }
                segs.add(out.finish());
            }
        }
        PartitionCommit c = run.commitPartition(start, "id", false, from, end, 0, List.of(), segs);
        return new PartitionEntry(topic, partition, c.seq(), c.parentSeq(), true, c.startOffset(), c.endOffset(),
                c.logStartOffset(), c.records(), c.bytes(), c.segments(), c.gaps());
    }

    private static ArchivedRecord record(long offset) {
        return new ArchivedRecord(offset, 1000 + offset, TimestampType.CREATE_TIME, null, new byte[] {(byte) offset},
                List.of());
    }

    private PartitionHistory history(String topic, int partition) {
        ArchiveCatalog fresh = new ArchiveCatalog(store);
        return fresh.history("prod", topic, partition, fresh.committedRunIds("prod"), null);
    }

    @Test
    void a_second_run_continues_exactly_where_the_first_committed_one_ended() {
        backup("w1", "orders", 0, 10);
        backup("w1", "orders", 0, 25);

        PartitionHistory h = history("orders", 0);
        assertThat(h.chain()).extracting(PartitionCommit::seq).containsExactly(1L, 2L);
        assertThat(h.chain()).extracting(PartitionCommit::startOffset).containsExactly(0L, 10L);
        assertThat(h.endOffset()).isEqualTo(25);
        assertThat(h.records()).isEqualTo(25);
        assertThat(h.segments()).extracting(SegmentRef::baseOffset).containsExactly(0L, 10L);
    }

    @Test
    void a_run_that_died_before_its_manifest_is_ignored_and_redone() {
        backup("w1", "orders", 0, 10);
        RunWriter crashed = newRun("w1");
        writePartition(crashed, "orders", 0, 20); // commit record seq 2 written, no manifest: the process "died"

        assertThat(history("orders", 0).endOffset()).isEqualTo(10);
        RunManifest retry = backup("w1", "orders", 0, 30);

        PartitionHistory h = history("orders", 0);
        assertThat(h.chain()).extracting(PartitionCommit::seq).containsExactly(1L, 3L);
        assertThat(h.chain().get(1).parentSeq()).isEqualTo(1);
        assertThat(h.chain().get(1).startOffset()).isEqualTo(10);
        assertThat(h.records()).isEqualTo(30);
        assertThat(retry.partitions().get(0).commitSeq()).isEqualTo(3);
    }

    @Test
    void two_writers_racing_for_the_same_commit_seq_cannot_both_win() {
        backup("w1", "orders", 0, 10);
        RunWriter a = newRun("a");
        RunWriter b = newRun("b");
        PartitionStart sa = a.start("orders", 0);
        PartitionStart sb = b.start("orders", 0);
        a.commitPartition(sa, "id", false, 10, 12, 0, List.of(), List.of());
        assertThatThrownBy(() -> b.commitPartition(sb, "id", false, 10, 12, 0, List.of(), List.of()))
                .isInstanceOf(PartitionFencedException.class)
                .hasMessageContaining("partition orders-0: commit seq 2");
    }

    @Test
    void a_stale_writer_that_sees_a_newer_owner_drops_the_partition_from_its_manifest() {
        backup("old", "orders", 0, 10);
        RunWriter stale = newRun("old");
        PartitionEntry staleEntry = writePartition(stale, "orders", 0, 15); // seq 2
        RunWriter owner = newRun("new");
        PartitionEntry ownerEntry = writePartition(owner, "orders", 0, 20); // sees uncommitted seq 2: takes 3
        owner.commit(List.of(ownerEntry), clock.instant(), null, null, null, e -> { });

        List<PartitionEntry> fenced = new ArrayList<>();
        RunManifest staleManifest = stale.commit(List.of(staleEntry), clock.instant(), null, null, null, fenced::add);

        assertThat(fenced).extracting(PartitionEntry::commitSeq).containsExactly(2L);
        assertThat(staleManifest.partitions()).isEmpty();
        assertThat(history("orders", 0).chain()).extracting(PartitionCommit::seq).containsExactly(1L, 3L);
    }

    @Test
    void a_stale_writer_that_committed_anyway_is_superseded_by_the_newer_owner() {
        backup("old", "orders", 0, 10);
        RunWriter stale = newRun("old");
        PartitionEntry staleEntry = writePartition(stale, "orders", 0, 15); // seq 2, parent 1
        RunWriter owner = newRun("new");
        PartitionStart ownerStart = owner.start("orders", 0);                // sees seq 2 uncommitted
        stale.commit(List.of(staleEntry), clock.instant(), null, null, null, e -> { }); // stale commits first
        PartitionCommit c = owner.commitPartition(ownerStart, "id", false, 10, 20, 0, List.of(), List.of());
        owner.commit(List.of(new PartitionEntry("orders", 0, c.seq(), c.parentSeq(), true, 10, 20, 0, 0, 0,
                List.of(), List.of())), clock.instant(), null, null, null, e -> { });

        PartitionHistory h = history("orders", 0);
        assertThat(h.chain()).extracting(PartitionCommit::seq).containsExactly(1L, 3L);
        assertThat(h.endOffset()).isEqualTo(20);
    }

    @Test
    void writers_of_disjoint_partitions_commit_independently() {
        RunWriter a = newRun("a");
        RunWriter b = newRun("b");
        PartitionEntry ea = writePartition(a, "orders", 0, 5);
        PartitionEntry eb = writePartition(b, "orders", 1, 7);
        b.commit(List.of(eb), clock.instant(), null, null, null, e -> { });
        a.commit(List.of(ea), clock.instant(), null, null, null, e -> { });

        assertThat(history("orders", 0).endOffset()).isEqualTo(5);
        assertThat(history("orders", 1).endOffset()).isEqualTo(7);
        assertThat(catalog.committedRunIds("prod")).containsExactly(a.runId(), b.runId());
    }

    @Test
    void history_as_of_a_run_ignores_later_runs() {
        RunManifest first = backup("w1", "orders", 0, 10);
        backup("w1", "orders", 0, 20);
        ArchiveCatalog c = new ArchiveCatalog(store);
        PartitionHistory h = c.history("prod", "orders", 0, c.committedRunIds("prod"), first.runId());
        assertThat(h.endOffset()).isEqualTo(10);
        assertThat(h.chain()).hasSize(1);
    }

    @Test
    void the_manifest_is_the_commit_point_and_cannot_be_written_twice() {
        RunWriter run = newRun("w1");
        PartitionEntry e = writePartition(run, "orders", 0, 3);
        run.commit(List.of(e), clock.instant(), null, null, null, x -> { });
        assertThatThrownBy(() -> run.commit(List.of(e), clock.instant(), null, null, null, x -> { }))
                .isInstanceOf(dev.kafkadr.archive.store.ObjectAlreadyExistsException.class);
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
