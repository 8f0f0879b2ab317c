package dev.kafkadr.archive.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.catalog.RunWriterTest.MutableClock;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.Codec;
import dev.kafkadr.archive.format.TimestampType;
import dev.kafkadr.archive.manifest.ArchiveJson;
import dev.kafkadr.archive.manifest.IndexRoot;
import dev.kafkadr.archive.manifest.IndexedRun;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.manifest.TopicChains;
import dev.kafkadr.archive.store.ForwardingObjectStore;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index (format version 2) must resolve exactly what the chain walk of format 1 resolves, or not be used. */
class ChainIndexTest {

    static final String C = "prod";
    static final List<String> TOPICS = List.of("orders", "payments");

    @TempDir
    Path dir;
    ObjectStore store;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T02:00:00Z"));
    long[][] ends = new long[2][3];

    @BeforeEach
    void open() {
        store = new LocalObjectStore(dir, StoreOptions.of(java.util.Map.of(StoreOptions.LOCAL_FSYNC, "false")));
    }

    /** One run of {@code writer} over {@code partitions} of both topics, each getting 1 to 3 new records. */
    private RunWriter run(String writer, List<Integer> partitions, int indexEvery) {
        clock.advance(Duration.ofMinutes(1));
        RunWriter run = new RunWriter(new ArchiveCatalog(store), C, writer, "test", clock).indexEvery(indexEvery);
        return run;
    }

    private void commit(RunWriter run, List<Integer> partitions) {
        List<PartitionEntry> entries = new ArrayList<>();
        for (int t = 0; t < TOPICS.size(); t++) {
            for (int p : partitions) {
                entries.add(write(run, TOPICS.get(t), p, ends[t][p] += 1 + (t + p + entries.size()) % 3));
            }
        }
        run.commit(entries, clock.instant(), null, null, null, x -> { });
        assertThat(run.indexFailure()).isEmpty();
    }

    private void backup(String writer, List<Integer> partitions, int indexEvery) {
        commit(run(writer, partitions, indexEvery), partitions);
    }

    private static PartitionEntry write(RunWriter run, String topic, int partition, long end) {
        PartitionStart start = run.start(topic, partition);
        long from = Math.max(0, start.nextOffset());
        List<SegmentRef> segs = new ArrayList<>();
        try (SegmentOutput out = run.openSegment(topic, partition, from, Codec.NONE, 0, 4096)) {
            for (long o = from; o < end; o++) {
                out.append(new ArchivedRecord(o, 1000 + o, TimestampType.CREATE_TIME, null, new byte[] {(byte) o},
                        List.of()));
            }
            segs.add(out.finish());
        }
        PartitionCommit c = run.commitPartition(start, "id", false, from, end, Math.max(0, end - 4), List.of(), segs);
        return new PartitionEntry(topic, partition, c.seq(), c.parentSeq(), true, c.startOffset(), c.endOffset(),
                c.logStartOffset(), c.records(), c.bytes(), c.segments(), c.gaps());
    }

    /** For every committed run as-of (and the newest), every partition: indexed == walked. */
    private void assertIndexedEqualsWalked(ArchiveCatalog indexed) {
        ArchiveCatalog walked = ArchiveCatalog.ignoringIndexes(store);
        NavigableSet<String> runs = walked.committedRunIds(C);
        List<String> asOf = new ArrayList<>(runs);
        asOf.add(null);
        for (String r : asOf) {
            for (String topic : TOPICS) {
                for (int p = 0; p < 3; p++) {
                    assertThat(indexed.history(C, topic, p, indexed.committedRunIds(C), r))
                            .as("%s-%d as of %s", topic, p, r)
                            .isEqualTo(walked.history(C, topic, p, runs, r));
                }
            }
        }
        assertThat(indexed.indexWarnings()).isEmpty();
    }

    private static List<PartitionCommit> chainOf(ArchiveCatalog catalog, String topic, int partition) {
        return catalog.history(C, topic, partition, catalog.committedRunIds(C), null).chain();
    }

    @Test
    void the_indexed_history_equals_the_chain_walk_for_every_as_of_run_and_reads_no_commit_record() {
        for (int i = 0; i < 6; i++) {
            backup("a", List.of(0, 1, 2), 1);
        }
        CountingStore counting = new CountingStore(store);
        ArchiveCatalog indexed = new ArchiveCatalog(counting);
        assertThat(chainOf(indexed, "orders", 2)).hasSize(6);
        assertThat(counting.commitReads.get()).as("the newest history comes from the index alone").isZero();
        assertIndexedEqualsWalked(new ArchiveCatalog(store));
        assertThat(indexed.indexRunIds(C)).as("older indexes are pruned: the newest and the one before").hasSize(2);
    }

    @Test
    void runs_newer_than_the_index_are_applied_from_their_manifests_and_commit_records() {
        for (int i = 0; i < 3; i++) {
            backup("a", List.of(0, 1, 2), 1);
        }
        for (int i = 0; i < 3; i++) {
            backup("a", List.of(0, 1, 2), 0);
        }
        CountingStore counting = new CountingStore(store);
        ArchiveCatalog indexed = new ArchiveCatalog(counting);
        assertThat(chainOf(indexed, "payments", 1)).hasSize(6);
        assertThat(counting.commitReads.get()).as("only the 3 commits newer than the index").isEqualTo(3);
        assertIndexedEqualsWalked(new ArchiveCatalog(store));
    }

    @Test
    void a_version_1_archive_without_indexes_resolves_by_the_chain_walk() {
        for (int i = 0; i < 4; i++) {
            backup("a", List.of(0, 1, 2), 0);
        }
        ArchiveCatalog catalog = new ArchiveCatalog(store);
        assertThat(catalog.indexRunIds(C)).isEmpty();
        assertThat(chainOf(catalog, "orders", 0)).extracting(PartitionCommit::seq).containsExactly(1L, 2L, 3L, 4L);
        assertIndexedEqualsWalked(catalog);
        assertThat(catalog.runInfo(C, catalog.committedRunIds(C).last()).totals().partitions()).isEqualTo(6);
    }

    @Test
    void retention_deleting_old_manifests_including_the_one_naming_a_head_keeps_results_identical() {
        backup("a", List.of(0, 1, 2), 1);
        backup("a", List.of(0, 1, 2), 1);
        backup("b", List.of(2), 0);            // names partition 2's head; deleted below
        backup("a", List.of(0, 1), 1);         // index: partition 2's head is named by b's run
        NavigableSet<String> runs = new ArchiveCatalog(store).committedRunIds(C);
        List<String> ids = new ArrayList<>(runs);
        store.delete(ArchiveLayout.manifestKey(C, ids.get(0)));
        store.delete(ArchiveLayout.manifestKey(C, ids.get(2)));
        ArchiveCatalog indexed = new ArchiveCatalog(store);
        assertThat(chainOf(indexed, "orders", 2)).as("head now named by the second run").hasSize(2);
        assertIndexedEqualsWalked(indexed);
    }

    @Test
    void two_writers_on_disjoint_partitions_and_a_manifest_committed_after_a_newer_index_resolve_identically() {
        backup("a", List.of(0, 1), 1);
        backup("b", List.of(2), 1);
        RunWriter slowB = run("b", List.of(2), 1); // starts (run id) before a's next run, commits after it
        backup("a", List.of(0, 1), 1);
        commit(slowB, List.of(2));
        backup("a", List.of(0, 1), 1);
        ArchiveCatalog indexed = new ArchiveCatalog(store);
        String newestIndex = indexed.indexRunIds(C).last();
        IndexRoot root = ArchiveJson.read(store.readAll(ArchiveLayout.indexKey(C, newestIndex)), "root",
                IndexRoot.class, ArchiveJson.INDEX_FORMAT);
        assertThat(root.runs()).extracting(IndexedRun::runId).contains(slowB.runId());
        assertThat(chainOf(indexed, "orders", 2)).hasSize(2);
        assertIndexedEqualsWalked(indexed);
    }

    @Test
    void a_late_manifest_the_index_has_not_seen_is_applied_by_readers() {
        backup("a", List.of(0, 1), 1);
        backup("b", List.of(2), 0);
        RunWriter slowB = run("b", List.of(2), 0);
        backup("a", List.of(0, 1), 1);         // index as of this run does not know slowB yet
        commit(slowB, List.of(2));
        ArchiveCatalog indexed = new ArchiveCatalog(store);
        assertThat(indexed.index(C).orElseThrow().includes(slowB.runId())).isFalse();
        assertThat(chainOf(indexed, "payments", 2)).hasSize(2);
        assertIndexedEqualsWalked(indexed);
    }

    @Test
    void a_corrupt_chain_object_is_ignored_with_a_warning_and_the_chain_walk_answers() {
        for (int i = 0; i < 3; i++) {
            backup("a", List.of(0, 1, 2), 1);
        }
        ArchiveCatalog probe = new ArchiveCatalog(store);
        String id = probe.indexRunIds(C).last();
        String key = ArchiveLayout.indexChainsKey(C, id, "orders");
        byte[] bytes = store.readAll(key);
        bytes[bytes.length / 2] ^= 1;
        store.put(key, bytes);
        ArchiveCatalog indexed = new ArchiveCatalog(store);
        List<PartitionCommit> chain = chainOf(indexed, "orders", 1);
        assertThat(chain).isEqualTo(chainOf(ArchiveCatalog.ignoringIndexes(store), "orders", 1));
        assertThat(indexed.indexWarnings()).singleElement().asString().contains(key);
    }

    @Test
    void a_missing_chain_object_or_root_falls_back_to_the_chain_walk() {
        for (int i = 0; i < 3; i++) {
            backup("a", List.of(0, 1, 2), 1);
        }
        String id = new ArchiveCatalog(store).indexRunIds(C).last();
        store.delete(ArchiveLayout.indexChainsKey(C, id, "payments"));
        ArchiveCatalog missingChains = new ArchiveCatalog(store);
        assertThat(chainOf(missingChains, "payments", 0)).hasSize(3);
        assertThat(missingChains.indexWarnings()).hasSize(1);
        store.put(ArchiveLayout.indexKey(C, id), "{\"format\":2,\"crc32c\":\"00000000\"}".getBytes());
        ArchiveCatalog corruptRoot = new ArchiveCatalog(store);
        assertThat(chainOf(corruptRoot, "payments", 0)).hasSize(3);
        assertThat(corruptRoot.indexWarnings()).singleElement().asString().contains("CRC32C");
    }

    @Test
    void an_index_whose_head_disagrees_with_the_manifest_it_names_is_not_trusted() {
        for (int i = 0; i < 3; i++) {
            backup("a", List.of(0, 1, 2), 1);
        }
        String id = new ArchiveCatalog(store).indexRunIds(C).last();
        String key = ArchiveLayout.indexChainsKey(C, id, "orders");
        TopicChains tc = ArchiveJson.read(store.readAll(key), key, TopicChains.class, ArchiveJson.INDEX_FORMAT);
        List<TopicChains.PartitionChain> shortened = tc.partitions().stream().map(pc ->
                new TopicChains.PartitionChain(pc.partition(), pc.headRun(), pc.chain().get(1).seq(),
                        pc.chain().subList(0, 2))).toList();
        byte[] forged = ArchiveJson.write(new TopicChains(C, id, "orders", shortened), ArchiveJson.INDEX_FORMAT);
        store.put(key, forged);
        String rootKey = ArchiveLayout.indexKey(C, id);
        IndexRoot root = ArchiveJson.read(store.readAll(rootKey), rootKey, IndexRoot.class, ArchiveJson.INDEX_FORMAT);
        List<IndexRoot.ChainRef> refs = root.chains().stream().map(r -> r.topic().equals("orders")
                ? new IndexRoot.ChainRef("orders", key, RunWriter.sha256(forged), forged.length, r.partitions())
                : r).toList();
        store.put(rootKey, ArchiveJson.write(new IndexRoot(C, id, root.createdAt(), root.runs(), refs),
                ArchiveJson.INDEX_FORMAT));
        ArchiveCatalog indexed = new ArchiveCatalog(store);
        assertThat(chainOf(indexed, "orders", 0)).hasSize(3);
        assertThat(indexed.indexWarnings()).singleElement().asString().contains("whose manifest says seq 3");
    }

    /** Counts reads of commit records. */
    static final class CountingStore extends ForwardingObjectStore {
        final AtomicInteger commitReads = new AtomicInteger();

        CountingStore(ObjectStore delegate) {
            super(delegate);
        }

        @Override
        public InputStream get(String key) {
            if (key.contains("/commits/")) {
                commitReads.incrementAndGet();
            }
            return delegate.get(key);
        }
    }
}
