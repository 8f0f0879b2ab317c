package dev.kafkadr.archive.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.catalog.PartitionHistory;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.SegmentReader;
import dev.kafkadr.archive.manifest.SegmentRef;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.crypto.EncryptedObjectStore;
import dev.kafkadr.archive.store.crypto.EncryptionKey;
import dev.kafkadr.archive.store.crypto.EncryptionKeyRequiredException;
import dev.kafkadr.archive.store.crypto.KeyRing;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NavigableSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Envelope version 1 (docs/archive-format.md section 9) pinned: the golden v1 archive and the uncompressed golden
 * segment, encrypted under a fixed test key with salts derived from the object keys, must still decrypt, and the
 * writer must still produce exactly those bytes. Regenerate (only with an envelope version bump) with {@link #main}.
 */
class EncryptedGoldenFixturesTest {

    static final Path E1 = Paths.get("src/test/resources/golden/envelope-v1");
    static final String KEY_ID = "golden-key-1";

    /** The test key: bytes 0x00..0x1f. Never use a fixed key outside tests. */
    static KeyRing ring() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        return new KeyRing(EncryptionKey.of(KEY_ID, key, "golden test key"), List.of());
    }

    /** Deterministic salt: SHA-256 of "kafka-dr golden salt " + object key. */
    static byte[] salt(String objectKey) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("kafka-dr golden salt " + objectKey).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectStore encrypted(Path root) {
        return new EncryptedObjectStore(new LocalObjectStore(root, StoreOptions.empty()), ring(),
                EncryptedGoldenFixturesTest::salt);
    }

    /** Writes the fixtures from the plaintext v1 fixtures. */
    public static void main(String[] args) throws IOException {
        try (ObjectStore archive = encrypted(E1.resolve("archive"));
             ObjectStore objects = encrypted(E1.resolve("objects"))) {
            for (String key : files(GoldenFixturesTest.V1.resolve("archive"))) {
                archive.put(key, Files.readAllBytes(GoldenFixturesTest.V1.resolve("archive").resolve(key)));
            }
            objects.put("segments/none.kseg", Files.readAllBytes(GoldenFixturesTest.V1.resolve("segments/none.kseg")));
        }
    }

    static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    void the_encrypted_version_1_archive_still_resolves_to_the_same_history_and_records(@TempDir Path tmp)
            throws IOException {
        GoldenFixturesTest.copyTree(E1.resolve("archive"), tmp);
        ArchiveCatalog catalog = new ArchiveCatalog(encrypted(tmp));
        NavigableSet<String> runs = catalog.committedRunIds("prod");
        assertThat(runs).hasSize(2);
        List<ArchivedRecord> all = GoldenFixturesTest.expected();
        PartitionHistory p0 = catalog.history("prod", "orders", 0, runs, null);
        assertThat(read(catalog, p0)).containsExactlyElementsOf(all.subList(0, 200));
        PartitionHistory p1 = catalog.history("prod", "orders", 1, runs, null);
        assertThat(read(catalog, p1)).containsExactlyElementsOf(all.subList(200, 300));
        assertThat(catalog.history("prod", "orders", 0, runs, runs.first()).records()).isEqualTo(120);
    }

    @Test
    void every_fixture_object_decrypts_to_its_plaintext_fixture_and_the_writer_reproduces_its_bytes(
            @TempDir Path tmp) throws IOException {
        Path plainRoot = GoldenFixturesTest.V1.resolve("archive");
        List<String> keys = files(E1.resolve("archive"));
        assertThat(keys).isEqualTo(files(plainRoot));
        try (ObjectStore golden = encrypted(E1.resolve("archive")); ObjectStore fresh = encrypted(tmp)) {
            for (String key : keys) {
                byte[] plain = Files.readAllBytes(plainRoot.resolve(key));
                assertThat(golden.readAll(key)).as(key).isEqualTo(plain);
                fresh.put(key, plain);
                assertThat(Files.readAllBytes(tmp.resolve(key))).as("envelope bytes of " + key)
                        .isEqualTo(Files.readAllBytes(E1.resolve("archive").resolve(key)));
            }
        }
    }

    @Test
    void the_multi_chunk_segment_fixture_decrypts_whole_and_by_range_and_is_reproduced(@TempDir Path tmp)
            throws IOException {
        byte[] plain = Files.readAllBytes(GoldenFixturesTest.V1.resolve("segments/none.kseg"));
        assertThat(plain.length).as("spans three chunks").isGreaterThan(2 * 64 * 1024);
        try (ObjectStore golden = encrypted(E1.resolve("objects")); ObjectStore fresh = encrypted(tmp)) {
            assertThat(golden.readAll("segments/none.kseg")).isEqualTo(plain);
            try (InputStream in = golden.getRange("segments/none.kseg", 100_000, 50_000)) {
                assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(plain, 100_000, 150_000));
            }
            fresh.put("segments/none.kseg", plain);
            assertThat(Files.readAllBytes(tmp.resolve("segments/none.kseg")))
                    .isEqualTo(Files.readAllBytes(E1.resolve("objects/segments/none.kseg")));
        }
    }

    @Test
    void reading_the_encrypted_archive_without_a_key_names_the_key_id_it_needs(@TempDir Path tmp)
            throws IOException {
        GoldenFixturesTest.copyTree(E1.resolve("archive"), tmp);
        ArchiveCatalog catalog = new ArchiveCatalog(new LocalObjectStore(tmp, StoreOptions.empty()));
        String run = catalog.committedRunIds("prod").last();
        assertThatThrownBy(() -> catalog.manifest("prod", run)).isInstanceOf(EncryptionKeyRequiredException.class)
                .hasMessageContaining("key id '" + KEY_ID + "'").hasMessageContaining("no encryption key");
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
}
