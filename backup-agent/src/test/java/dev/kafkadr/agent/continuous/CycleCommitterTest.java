package dev.kafkadr.agent.continuous;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.agent.backup.BackupListener;
import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.PartitionHistory;
import dev.kafkadr.archive.catalog.RunWriter;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.Codec;
import dev.kafkadr.archive.format.TimestampType;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit cycle of continuous mode against a real local store, with two writers of one partition racing: whoever
 * loses a race re-resolves the archive's head and continues from it, and the archive holds every offset exactly once.
 */
class CycleCommitterTest {

    @TempDir
    Path dir;
    ObjectStore store;
    final Clock clock = Clock.systemUTC();
    final OpenPartition.SegmentSettings settings = new OpenPartition.SegmentSettings(Codec.ZSTD, 1, 4096, 1 << 20);

    @BeforeEach
    void open() {
        store = new LocalObjectStore(dir, StoreOptions.empty());
    }

    private CycleCommitter committer(String writer, ObjectStore s) {
        return new CycleCommitter(s, "prod", writer, "test", clock);
    }

    /** What PartitionOpener does on assignment: resume at the archive's head (log start 0, end far ahead). */
    private OpenPartition resume(String writer) {
        PartitionOpener opener = new PartitionOpener(store, "prod", writer, "test", settings, BackupListener.NONE,
                clock);
        RunWriter view = new RunWriter(new ArchiveCatalog(store), "prod", writer, "test", clock);
        return opener.resume(view, "orders", 0, "topic-id", 0, 1_000_000);
    }

    /** What the consumer delivers after a seek to the partition's position: offsets up to {@code end}. */
    private static void read(OpenPartition p, long end) {
        for (long o = p.position(); o < end; o++) {
            p.append(new ArchivedRecord(o, 1_000 + o, TimestampType.CREATE_TIME, null, new byte[] {(byte) o},
                    List.of()));
        }
    }

    private CycleCommitter.CycleResult commit(CycleCommitter c, OpenPartition p) {
        CycleCommitter.CycleResult r = c.commit(List.of(p), x -> 0L, null);
        r.committed().forEach(OpenPartition::committed);
        return r;
    }

    private List<Long> archivedOffsets() {
        ArchiveCatalog c = new ArchiveCatalog(store);
        PartitionHistory h = c.history("prod", "orders", 0, c.committedRunIds("prod"), null);
        List<Long> out = new ArrayList<>();
        c.forEachRecord(h, r -> out.add(r.offset()));
        return out;
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long o = from; o < to; o++) {
            out.add(o);
        }
        return out;
    }

    private OpenPartition committedUpTo10() {
        OpenPartition first = resume("w0");
        read(first, 10);
        assertThat(commit(committer("w0", store), first).committed()).hasSize(1);
        return first;
    }

    @Test
    void the_stale_writers_commit_record_lands_first_the_new_owner_is_fenced_and_resumes_from_it() {
        committedUpTo10();
        OpenPartition stale = resume("stale");
        read(stale, 15);
        OpenPartition owner = resume("owner");
        read(owner, 20);
        // the owner resolved its head; just before its put-if-absent, the stale writer commits seq 2 and its run
        ObjectStore racing = new InterleavingStore(store, k -> k.contains("/commits/"),
                () -> assertThat(commit(committer("stale", store), stale).committed()).hasSize(1));

        CycleCommitter.CycleResult fenced = commit(committer("owner", racing), owner);

        assertThat(fenced.manifest()).isNull();
        assertThat(fenced.lost()).hasSize(1);
        assertThat(fenced.lost().values().iterator().next()).contains("put-if-absent");
        owner.abandon();
        OpenPartition again = resume("owner");
        assertThat(again.position()).as("resumes after the stale writer's committed range").isEqualTo(15);
        read(again, 25);
        CycleCommitter.CycleResult r = commit(committer("owner", store), again);
        assertThat(r.committed().values()).extracting(PartitionCommit::seq, PartitionCommit::parentSeq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 2L));
        assertThat(archivedOffsets()).containsExactlyElementsOf(range(0, 25));
    }

    @Test
    void the_stale_writers_record_lands_first_without_its_manifest_and_its_re_check_then_drops_it() {
        committedUpTo10();
        OpenPartition owner = resume("owner");
        read(owner, 20);
        RunWriter stale = new RunWriter(new ArchiveCatalog(store), "prod", "stale", "test", clock);
        var staleStart = stale.start("orders", 0);
        List<PartitionCommit> staleCommit = new ArrayList<>();
        ObjectStore racing = new InterleavingStore(store, k -> k.contains("/commits/"),
                () -> staleCommit.add(stale.commitPartition(staleStart, "topic-id", false, 10, 15, 0, List.of(),
                        List.of())));

        assertThat(commit(committer("owner", racing), owner).lost()).hasSize(1);
        owner.abandon();
        OpenPartition again = resume("owner");
        assertThat(again.position()).as("the stale record is not committed: resume at the old head").isEqualTo(10);
        read(again, 25);
        assertThat(commit(committer("owner", store), again).committed().values())
                .extracting(PartitionCommit::seq, PartitionCommit::parentSeq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 1L));
        List<String> dropped = new ArrayList<>();
        var e = new dev.kafkadr.archive.manifest.PartitionEntry("orders", 0, 2, 1, true, 10, 15, 0, 0, 0,
                List.of(), List.of());
        stale.commit(List.of(e), clock.instant(), null, null, null, x -> dropped.add(x.topic()));

        assertThat(dropped).as("the stale writer's pre-manifest re-check drops the partition").hasSize(1);
        assertThat(archivedOffsets()).containsExactlyElementsOf(range(0, 25));
    }

    @Test
    void a_stale_writer_never_commits_over_a_newer_owner_and_says_who_owns_the_partition() {
        committedUpTo10();
        OpenPartition stale = resume("stale");
        read(stale, 14);
        OpenPartition owner = resume("owner");
        read(owner, 22);
        assertThat(commit(committer("owner", store), owner).committed()).hasSize(1);

        CycleCommitter.CycleResult r = commit(committer("stale", store), stale);

        assertThat(r.manifest()).isNull();
        assertThat(r.lost().values()).singleElement().asString()
                .contains("written by 'owner'").contains("up to offset 22").contains("another writer owns");
        assertThat(archivedOffsets()).containsExactlyElementsOf(range(0, 22));
    }

    @Test
    void an_unchanged_partition_is_listed_at_its_head_until_another_writer_commits() {
        OpenPartition p = committedUpTo10();
        CycleCommitter.CycleResult quiet = p.hasPending() ? null : committer("w0", store).commit(List.of(p),
                x -> 0L, new SnapshotSource.Snapshots(new dev.kafkadr.archive.manifest.TopicsSnapshot("x", List.of()),
                        new dev.kafkadr.archive.manifest.GroupsSnapshot("x", clock.instant(), List.of()),
                        new dev.kafkadr.archive.manifest.AclsSnapshot("x", false, List.of())));
        assertThat(quiet.manifest().partitions()).singleElement()
                .satisfies(e -> assertThat(e.created()).isFalse())
                .satisfies(e -> assertThat(e.commitSeq()).isEqualTo(1));

        OpenPartition other = resume("other");
        read(other, 12);
        commit(committer("other", store), other);
        CycleCommitter.CycleResult after = committer("w0", store).commit(List.of(p), x -> 0L,
                new SnapshotSource.Snapshots(new dev.kafkadr.archive.manifest.TopicsSnapshot("x", List.of()),
                        new dev.kafkadr.archive.manifest.GroupsSnapshot("x", clock.instant(), List.of()),
                        new dev.kafkadr.archive.manifest.AclsSnapshot("x", false, List.of())));
        assertThat(after.manifest().partitions()).as("not listed at a head that is no longer the head").isEmpty();
        assertThat(after.lost()).hasSize(1);
        assertThat(archivedOffsets()).containsExactlyElementsOf(range(0, 12));
    }

    /** A real store that runs {@code action} once, just before the first put-if-absent of a matching key. */
    static final class InterleavingStore extends dev.kafkadr.archive.store.ForwardingObjectStore {
        private final Predicate<String> keys;
        private Runnable action;

        InterleavingStore(ObjectStore delegate, Predicate<String> keys, Runnable action) {
            super(delegate);
            this.keys = keys;
            this.action = action;
        }

        @Override
        public void putIfAbsent(String key, byte[] content) {
            if (action != null && keys.test(key)) {
                Runnable a = action;
                action = null;
                a.run();
            }
            delegate.putIfAbsent(key, content);
        }

        @Override
        public void close() {
            // the test closes the store it wraps
        }
    }
}
