package dev.kafkadr.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.ArchiveLayout;
import dev.kafkadr.archive.catalog.BackupNotFoundException;
import dev.kafkadr.archive.catalog.PartitionStart;
import dev.kafkadr.archive.catalog.RunWriter;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import dev.kafkadr.restore.VerificationProblem.Kind;
import dev.kafkadr.restore.testing.TestArchive;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifierTest {

    @TempDir
    Path dir;
    TestArchive archive;
    String run1;
    String run2;

    @BeforeEach
    void write() {
        archive = new TestArchive(dir, "prod").segmentRecords(20);
        TestArchive.Run r1 = archive.run(Instant.parse("2026-11-27T02:00:00Z"));
        r1.partition("orders", 0, 0, 50, records(0, 50)).partition("orders", 1, 0, 10, records(0, 10)).commit();
        run1 = r1.runId();
        TestArchive.Run r2 = archive.run(Instant.parse("2026-11-28T02:00:00Z"));
        r2.partition("orders", 0, 60, 100, records(60, 100)).partition("orders", 1, 0, 10, List.of()).commit();
        run2 = r2.runId();
    }

    private static List<ArchivedRecord> records(long from, long to) {
        List<ArchivedRecord> out = new ArrayList<>();
        for (long o = from; o < to; o++) {
            out.add(TestArchive.record(o, 1000 + o, o % 2 == 0 ? null : "k" + o, "value " + o));
        }
        return out;
    }

    private VerificationReport verify(boolean deep) {
        return new Verifier(new ArchiveCatalog(new LocalObjectStore(dir, StoreOptions.empty())), 2)
                .verify(null, deep);
    }

    private SegmentRef segment(String topic, int partition, int index) {
        return archive.catalog().history("prod", topic, partition, archive.catalog().committedRunIds("prod"), null)
                .segments().get(index);
    }

    @Test
    void a_sound_archive_verifies_with_and_without_deep() {
        VerificationReport r = verify(false);
        assertThat(r.problems()).isEmpty();
        assertThat(r.runs()).isEqualTo(2);
        assertThat(r.commits()).isEqualTo(4);
        assertThat(r.segments()).isEqualTo(6);
        assertThat(verify(true).problems()).isEmpty();
    }

    @Test
    void a_flipped_byte_in_a_segment_is_a_checksum_mismatch_and_with_deep_a_corrupt_block() throws IOException {
        SegmentRef s = segment("orders", 0, 1);
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve(s.key()).toFile(), "rw")) {
            f.seek(100);
            int b = f.read();
            f.seek(100);
            f.write(b ^ 0x10);
        }
        assertThat(verify(false).problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.CHECKSUM_MISMATCH);
            assertThat(p.line()).startsWith("CHECKSUM_MISMATCH " + s.key() + " (orders-0 offsets 20..39): SHA-256 is ");
        });
        assertThat(verify(true).problems()).extracting(VerificationProblem::kind)
                .containsExactlyInAnyOrder(Kind.CHECKSUM_MISMATCH, Kind.CORRUPT_SEGMENT);
    }

    @Test
    void a_missing_segment_is_named_with_its_partition_and_offsets() throws IOException {
        SegmentRef s = segment("orders", 0, 3);
        Files.delete(dir.resolve(s.key()));
        VerificationReport r = verify(false);
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).singleElement().extracting(VerificationProblem::line)
                .isEqualTo("MISSING_OBJECT " + s.key() + " (orders-0 offsets 60..79): referenced segment does not"
                        + " exist");
    }

    @Test
    void a_segment_replaced_by_another_does_not_match_its_recorded_checksum() throws IOException {
        SegmentRef s = segment("orders", 0, 0);
        SegmentRef other = segment("orders", 1, 0);
        Files.copy(dir.resolve(other.key()), dir.resolve(s.key()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(verify(false).problems()).extracting(VerificationProblem::kind)
                .contains(Kind.CHECKSUM_MISMATCH).containsOnly(Kind.CHECKSUM_MISMATCH, Kind.SIZE_MISMATCH);
        assertThat(verify(true).problems()).extracting(VerificationProblem::kind).contains(Kind.INCONSISTENT);
    }

    @Test
    void a_truncated_manifest_is_reported_and_the_rest_is_still_checked() throws IOException {
        Path segment = dir.resolve(segment("orders", 1, 0).key());
        Path manifest = dir.resolve(ArchiveLayout.manifestKey("prod", run2));
        byte[] bytes = Files.readAllBytes(manifest);
        Files.write(manifest, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Files.delete(segment);
        VerificationReport r = verify(false);
        assertThat(r.problems()).extracting(VerificationProblem::kind)
                .containsExactlyInAnyOrder(Kind.CORRUPT_MANIFEST, Kind.MISSING_OBJECT);
        assertThat(r.problems()).filteredOn(p -> p.kind() == Kind.CORRUPT_MANIFEST).singleElement()
                .extracting(VerificationProblem::line).asString()
                .startsWith("CORRUPT_MANIFEST clusters/prod/manifests/" + run2 + ".json: corrupt archive object")
                .contains("CRC32C mismatch");
    }

    @Test
    void a_missing_commit_record_is_named_with_its_partition_and_seq() throws IOException {
        String key = ArchiveLayout.commitKey("prod", "orders", 1, 1);
        Files.delete(dir.resolve(key));
        VerificationReport r = verify(false);
        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).extracting(VerificationProblem::line).isNotEmpty()
                .containsOnly("MISSING_OBJECT " + key + " (orders-1): commit record seq 1 does not exist");
    }

    @Test
    void a_missing_snapshot_is_reported() throws IOException {
        Files.delete(dir.resolve(ArchiveLayout.runObjectKey("prod", run1, "groups.json")));
        assertThat(verify(false).problems()).singleElement().extracting(VerificationProblem::line)
                .isEqualTo("MISSING_OBJECT clusters/prod/runs/" + run1 + "/groups.json: referenced snapshot does"
                        + " not exist");
    }

    @Test
    void a_commit_that_does_not_continue_its_parent_is_a_broken_chain() {
        RunWriter w = new RunWriter(archive.catalog(), "prod", "w", "test",
                Clock.fixed(Instant.parse("2026-11-29T02:00:00Z"), ZoneOffset.UTC));
        PartitionStart start = w.start("orders", 1);
        PartitionCommit c = w.commitPartition(start, "id", false, 12, 15, 0, List.of(), List.of());
        w.commit(List.of(new PartitionEntry("orders", 1, c.seq(), c.parentSeq(), true, 12, 15, 0, 0, 0, List.of(),
                List.of())), Instant.parse("2026-11-29T02:00:00Z"), null, null, null, e -> { });
        assertThat(verify(false).problems()).singleElement().extracting(VerificationProblem::line).asString()
                .contains("(orders-1 offsets [12, 15))")
                .endsWith("offsets [10, 12) between parent seq 2 and this commit are missing and no gap is recorded");
    }

    @Test
    void a_recorded_retention_gap_is_not_a_problem() {
        TestArchive.Run r3 = archive.run(Instant.parse("2026-11-29T02:00:00Z"));
        r3.partition("orders", 1, 40, 45, records(40, 45)).commit();
        assertThat(verify(true).problems()).isEmpty();
    }

    @Test
    void a_store_without_an_archive_or_an_unknown_cluster_is_not_found(@TempDir Path empty) {
        assertThatThrownBy(() -> new Verifier(new ArchiveCatalog(new LocalObjectStore(empty, StoreOptions.empty())),
                1).verify(null, false)).isInstanceOf(BackupNotFoundException.class);
        assertThatThrownBy(() -> new Verifier(archive.catalog(), 1).verify("nope", false))
                .isInstanceOf(BackupNotFoundException.class).hasMessageContaining("cluster 'nope'");
    }
}
