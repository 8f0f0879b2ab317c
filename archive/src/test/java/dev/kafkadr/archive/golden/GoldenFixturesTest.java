package dev.kafkadr.archive.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.PartitionHistory;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.Codec;
import dev.kafkadr.archive.format.SegmentReader;
import dev.kafkadr.archive.format.SegmentWriter;
import dev.kafkadr.archive.manifest.AclsSnapshot;
import dev.kafkadr.archive.manifest.GroupsSnapshot;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.manifest.TopicsSnapshot;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Archives written by version 1 must stay readable, byte for byte, by every later build. */
class GoldenFixturesTest {

    static final Path V1 = Paths.get("src/test/resources/golden/v1");

    static List<ArchivedRecord> expected() throws IOException {
        return GoldenFixtures.fromJsonLines(Files.readString(V1.resolve("segments/records.jsonl")));
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void version_1_segments_of_every_codec_still_read_identically(Codec codec) throws IOException {
        List<ArchivedRecord> read = new ArrayList<>();
        try (InputStream in = Files.newInputStream(V1.resolve("segments/" + codec.configName() + ".kseg"));
             SegmentReader r = SegmentReader.open(in, codec.configName() + ".kseg")) {
            r.forEachRemaining(read::add);
            assertThat(r.codec()).isEqualTo(codec);
        }
        assertThat(read).hasSize(GoldenFixtures.RECORDS).containsExactlyElementsOf(expected());
    }

    @Test
    void the_writer_still_produces_the_version_1_bytes_exactly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SegmentWriter w = new SegmentWriter(out, Codec.NONE, 0, GoldenFixtures.BLOCK_BYTES)) {
            expected().forEach(w::append);
            w.finish();
        }
        assertThat(out.toByteArray()).as("uncompressed layout must not change without a version bump")
                .isEqualTo(Files.readAllBytes(V1.resolve("segments/none.kseg")));
    }

    @Test
    void a_version_1_archive_still_resolves_to_the_same_history_and_records(@TempDir Path tmp) throws IOException {
        copyTree(V1.resolve("archive"), tmp);
        ArchiveCatalog catalog = new ArchiveCatalog(new LocalObjectStore(tmp, StoreOptions.empty()));
        assertThat(catalog.clusters()).containsExactly("prod");
        NavigableSet<String> runs = catalog.committedRunIds("prod");
        assertThat(runs).hasSize(2);
        RunManifest last = catalog.manifest("prod", runs.last());
        assertThat(last.partitions()).hasSize(2);
        assertThat(catalog.readJson(last.metadata().key(), TopicsSnapshot.class).topics().get(0).configs())
                .containsEntry("retention.ms", "604800000");
        assertThat(catalog.readJson(last.groups().key(), GroupsSnapshot.class).groups().get(0).offsets().get(0)
                .offset()).isEqualTo(57);
        assertThat(catalog.readJson(last.acls().key(), AclsSnapshot.class).authorizer()).isTrue();

        List<ArchivedRecord> all = expected();
        PartitionHistory p0 = catalog.history("prod", "orders", 0, runs, null);
        assertThat(p0.chain()).extracting(PartitionCommit::seq).containsExactly(1L, 2L); // crashed run's seq 3 ignored
        assertThat(catalog.commitSeqs("prod", "orders", 0)).containsExactly(1L, 2L, 3L);
        assertThat(read(catalog, p0)).containsExactlyElementsOf(all.subList(0, 200));
        PartitionHistory p1 = catalog.history("prod", "orders", 1, runs, null);
        assertThat(read(catalog, p1)).containsExactlyElementsOf(all.subList(200, 300));
        assertThat(catalog.history("prod", "orders", 0, runs, runs.first()).records()).isEqualTo(120);
    }

    static final Path V2 = Paths.get("src/test/resources/golden/v2");

    @Test
    void a_version_2_index_over_the_version_1_archive_resolves_the_same_histories(@TempDir Path tmp)
            throws IOException {
        copyTree(V1.resolve("archive"), tmp);
        copyTree(V2.resolve("archive"), tmp);
        LocalObjectStore store = new LocalObjectStore(tmp, StoreOptions.empty());
        ArchiveCatalog indexed = new ArchiveCatalog(store);
        ArchiveCatalog walked = ArchiveCatalog.ignoringIndexes(store);
        NavigableSet<String> runs = walked.committedRunIds("prod");
        assertThat(indexed.indexRunIds("prod")).containsExactly(runs.last());
        for (String asOf : new String[] {runs.first(), runs.last(), null}) {
            for (int p = 0; p < 2; p++) {
                assertThat(indexed.history("prod", "orders", p, runs, asOf))
                        .isEqualTo(walked.history("prod", "orders", p, runs, asOf));
            }
        }
        assertThat(indexed.runInfo("prod", runs.first()).totals().records()).isEqualTo(220);
        assertThat(indexed.runInfo("prod", runs.last())).isEqualTo(
                dev.kafkadr.archive.manifest.IndexedRun.of(walked.manifest("prod", runs.last())));
        assertThat(indexed.indexWarnings()).isEmpty();
    }

    @Test
    void the_index_writer_still_produces_the_version_2_bytes_exactly(@TempDir Path tmp) throws IOException {
        copyTree(V1.resolve("archive"), tmp);
        GoldenIndexFixtures.writeIndex(tmp);
        Path written = tmp.resolve("clusters/prod/indexes");
        Path golden = V2.resolve("archive/clusters/prod/indexes");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(golden)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSize(2);
        try (Stream<Path> walk = Files.walk(written)) {
            assertThat(walk.filter(Files::isRegularFile).count()).isEqualTo(files.size());
        }
        for (Path f : files) {
            assertThat(Files.readAllBytes(written.resolve(golden.relativize(f).toString())))
                    .as("index layout must not change without a version bump: %s", f).isEqualTo(Files.readAllBytes(f));
        }
    }

    private static List<ArchivedRecord> read(ArchiveCatalog catalog, PartitionHistory h) {
        List<ArchivedRecord> out = new ArrayList<>();
        for (SegmentRef ref : h.segments()) {
            try (SegmentReader r = catalog.openSegment(ref)) {
                r.forEachRemaining(out::add);
            }
        }
        return out;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
