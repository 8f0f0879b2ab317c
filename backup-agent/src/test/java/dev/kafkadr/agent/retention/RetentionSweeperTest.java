package dev.kafkadr.agent.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.PartitionHistory;
import dev.kafkadr.archive.catalog.PartitionStart;
import dev.kafkadr.archive.catalog.RunWriter;
import dev.kafkadr.archive.catalog.SegmentOutput;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.Codec;
import dev.kafkadr.archive.format.TimestampType;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionSweeperTest {

    @TempDir
    Path dir;

    /** One run adding offsets [from, to) of t-0 with the given log start; commits unless {@code crash}. */
    private static SegmentRef run(ObjectStore store, Instant at, long from, long to, long logStart, boolean crash) {
        return run(store, at, "w", "t", 0, from, to, logStart, crash);
    }

    /** One run of writer {@code writer} adding offsets [from, to) of topic-partition; its manifest lists only it. */
    private static SegmentRef run(ObjectStore store, Instant at, String writer, String topic, int partition,
                                  long from, long to, long logStart, boolean crash) {
        RunWriter run = new RunWriter(new ArchiveCatalog(store), "c", writer, "t", Clock.fixed(at, ZoneOffset.UTC));
        PartitionStart start = run.start(topic, partition);
        SegmentRef seg;
        try (SegmentOutput out = run.openSegment(topic, partition, from, Codec.NONE, 0, 4096)) {
            for (long o = from; o < to; o++) {
                out.append(new ArchivedRecord(o, o, TimestampType.CREATE_TIME, null, new byte[] {1}, List.of()));
            }
            seg = out.finish();
        }
        PartitionCommit c = run.commitPartition(start, "id", false, start.head() == null ? from
                : start.head().endOffset(), to, logStart, List.of(), List.of(seg));
        if (!crash) {
            run.commit(List.of(new PartitionEntry(topic, partition, c.seq(), c.parentSeq(), true, c.startOffset(),
                    c.endOffset(), logStart, c.records(), c.bytes(), c.segments(), c.gaps())), at, null, null,
                    null, e -> { });
        }
        return seg;
    }

    @Test
    void segments_below_every_kept_runs_log_start_and_stale_garbage_go_everything_needed_stays() {
        ObjectStore store = new LocalObjectStore(dir, StoreOptions.empty());
        Instant t0 = Instant.parse("2026-11-01T02:00:00Z");
        SegmentRef s1 = run(store, t0, 0, 10, 0, false);
        SegmentRef s2 = run(store, t0.plus(Duration.ofDays(1)), 10, 20, 12, false);
        SegmentRef oldGarbage = run(store, t0.plus(Duration.ofDays(1).plusHours(1)), 20, 25, 12, true);
        SegmentRef s3 = run(store, t0.plus(Duration.ofDays(2)), 20, 30, 18, false);
        SegmentRef freshGarbage = run(store, t0.plus(Duration.ofDays(3)), 30, 31, 18, true);

        Clock now = Clock.fixed(t0.plus(Duration.ofDays(3).plusHours(2)), ZoneOffset.UTC);
        RetentionSweeper.Report r = new RetentionSweeper(store, "c",
                new RetentionPolicy(1, Duration.ZERO, 1, Duration.ofHours(24)), now).sweep();

        assertThat(r.expiredRuns()).hasSize(2);
        assertThat(store.exists(s1.key())).as("wholly below the kept run's log start 18").isFalse();
        assertThat(store.exists(s2.key())).as("holds 18 and 19, which the kept run needs").isTrue();
        assertThat(store.exists(s3.key())).isTrue();
        assertThat(store.exists(oldGarbage.key())).as("a crashed run older than the grace period").isFalse();
        assertThat(store.exists(freshGarbage.key())).as("possibly another writer's run in progress").isTrue();

        ArchiveCatalog catalog = new ArchiveCatalog(store);
        PartitionHistory h = catalog.history("c", "t", 0, catalog.committedRunIds("c"), null);
        assertThat(h.endOffset()).isEqualTo(30);
        assertThat(h.chain()).hasSize(3);
    }

    @Test
    void with_several_writers_the_run_holding_a_partitions_newest_backup_is_kept_and_a_gone_topic_ages_out() {
        ObjectStore store = new LocalObjectStore(dir, StoreOptions.empty());
        Instant t0 = Instant.parse("2026-11-01T02:00:00Z");
        SegmentRef gone = run(store, t0, "w1", "gone", 0, 0, 5, 0, false);
        SegmentRef b0 = run(store, t0.plusSeconds(60), "w2", "t", 1, 0, 10, 0, false);
        SegmentRef b1 = run(store, t0.plusSeconds(120), "w2", "t", 1, 10, 20, 0, false);
        SegmentRef a0 = run(store, t0.plusSeconds(180), "w1", "t", 0, 0, 10, 0, false);
        SegmentRef a1 = run(store, t0.plusSeconds(240), "w1", "t", 0, 10, 20, 0, false);
        ArchiveCatalog before = new ArchiveCatalog(store);
        List<String> runs = List.copyOf(before.committedRunIds("c"));

        Clock now = Clock.fixed(t0.plus(Duration.ofDays(2)), ZoneOffset.UTC);
        RetentionSweeper.Report r = new RetentionSweeper(store, "c",
                new RetentionPolicy(1, Duration.ZERO, 1, Duration.ofHours(24)), now).sweep();

        assertThat(r.expiredRuns()).as("w2's first run and the gone topic's run; w2's second names t-1's head")
                .containsExactly(runs.get(0), runs.get(1), runs.get(3));
        ArchiveCatalog catalog = new ArchiveCatalog(store);
        assertThat(catalog.committedRunIds("c")).containsExactly(runs.get(2), runs.get(4));
        for (int p = 0; p < 2; p++) {
            PartitionHistory h = catalog.history("c", "t", p, catalog.committedRunIds("c"), null);
            assertThat(h.startOffset()).as("t-" + p).isZero();
            assertThat(h.endOffset()).as("t-" + p).isEqualTo(20);
        }
        assertThat(List.of(b0, b1, a0, a1)).allMatch(s -> store.exists(s.key()));
        assertThat(store.exists(gone.key())).as("a topic no retained run or snapshot lists ages out").isFalse();
    }
}
