package dev.kafkadr.archive.store.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;
import dev.kafkadr.archive.store.ObjectInfo;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectUpload;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Envelope behaviour of {@link EncryptedObjectStore} over a real local store: sizes, ranges, tampering, keys. */
class EncryptedObjectStoreTest {

    private static final int CHUNK = ObjectCipher.CHUNK_BYTES;
    private static final int SEALED_CHUNK = CHUNK + ObjectCipher.TAG_BYTES;
    private static final int H = EnvelopeHeader.BYTES;

    @TempDir
    Path root;
    private LocalObjectStore plain;
    private EncryptedObjectStore store;

    @BeforeEach
    void open() {
        plain = new LocalObjectStore(root, StoreOptions.empty());
        store = new EncryptedObjectStore(plain, TestKeys.ring("k1", 1));
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private byte[] raw(String key) throws IOException {
        return Files.readAllBytes(root.resolve(key));
    }

    private void overwriteRaw(String key, byte[] bytes) throws IOException {
        Files.write(root.resolve(key), bytes);
    }

    private static byte[] read(ObjectStore s, String key) {
        return s.readAll(key);
    }

    // ---- sizes and layout ----------------------------------------------------------------------------------

    @Test
    void stored_size_is_header_plus_plaintext_plus_one_tag_per_chunk_and_stat_reports_the_plaintext_size()
            throws IOException {
        for (int n : List.of(0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 17)) {
            String key = "sizes/" + n;
            byte[] data = random(n, n);
            store.put(key, data);
            long chunks = Math.max(1, (n + CHUNK - 1) / CHUNK);
            assertThat(raw(key)).as("stored bytes of %d", n).hasSize((int) (H + n + 16 * chunks));
            assertThat(store.stat(key)).contains(new ObjectInfo(key, n));
            assertThat(read(store, key)).isEqualTo(data);
            assertThat(ObjectCipher.plaintextSize(ObjectCipher.sealedSize(n))).isEqualTo(n);
        }
        assertThat(store.listAll("sizes/").mapToLong(ObjectInfo::size).sorted().toArray())
                .containsExactly(0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 17);
    }

    @Test
    void listing_pages_keep_their_continuation_and_report_plaintext_sizes() {
        for (int i = 0; i < 5; i++) {
            store.put("pages/" + i, new byte[i * 1000]);
        }
        List<ObjectInfo> seen = new java.util.ArrayList<>();
        String continuation = null;
        int pages = 0;
        do {
            dev.kafkadr.archive.store.ListPage page = store.list("pages/", continuation, 2);
            seen.addAll(page.objects());
            continuation = page.nextContinuation().orElse(null);
            pages++;
        } while (continuation != null);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(seen).extracting(ObjectInfo::size).containsExactly(0L, 1000L, 2000L, 3000L, 4000L);
    }

    @Test
    void put_if_absent_and_streaming_upload_write_the_same_envelope_layout() throws IOException {
        byte[] data = random(2 * CHUNK + 5, 3);
        store.putIfAbsent("a", data);
        try (ObjectUpload up = store.upload("b")) {
            for (int i = 0; i < data.length; i += 1000) {
                up.write(data, i, Math.min(1000, data.length - i));
            }
            up.commit();
        }
        assertThat(raw("a")).hasSameSizeAs(raw("b"));
        assertThat(read(store, "a")).isEqualTo(data);
        assertThat(read(store, "b")).isEqualTo(data);
        assertThat(Arrays.copyOfRange(raw("a"), 56, 88)).as("random per-object salts differ")
                .isNotEqualTo(Arrays.copyOfRange(raw("b"), 56, 88));
    }

    @Test
    void a_ranged_read_fetches_only_the_header_and_the_chunks_covering_the_range() throws IOException {
        byte[] data = random(16 * CHUNK + 123, 4);
        store.put("big", data);
        CountingStore counting = new CountingStore(plain);
        EncryptedObjectStore reader = new EncryptedObjectStore(counting, TestKeys.ring("k1", 1));
        int offset = 9 * CHUNK - 10; // crosses from chunk 8 into chunk 9
        try (InputStream in = reader.getRange("big", offset, 20)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, offset, offset + 20));
        }
        assertThat(counting.requests.get()).isEqualTo(2);
        assertThat(counting.bytesRead.get()).isLessThanOrEqualTo(H + 2L * SEALED_CHUNK + 1);
        counting.bytesRead.set(0);
        try (InputStream in = reader.getRange("big", data.length - 5, 100)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, data.length - 5, data.length));
        }
        assertThat(counting.bytesRead.get()).isLessThanOrEqualTo(H + 123 + 16);
        counting.bytesRead.set(0);
        try (InputStream in = reader.getRange("big", 0, 16)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 0, 16));
        }
        assertThat(counting.bytesRead.get()).as("range in chunk 0: one request").isLessThanOrEqualTo(
                H + SEALED_CHUNK + 1);
    }

    @Test
    void ranges_ending_exactly_on_a_chunk_boundary_and_inside_the_last_full_chunk_read_correctly()
            throws IOException {
        byte[] data = random(3 * CHUNK, 5);
        store.put("exact", data);
        for (long[] r : new long[][] {{0, CHUNK}, {CHUNK, CHUNK}, {2 * CHUNK, CHUNK}, {2 * CHUNK - 1, 2},
                {3 * CHUNK - 1, 10}, {3 * CHUNK, 10}, {CHUNK / 2, 2 * CHUNK}}) {
            int from = (int) r[0];
            int to = (int) Math.min(data.length, r[0] + r[1]);
            try (InputStream in = store.getRange("exact", r[0], r[1])) {
                assertThat(in.readAllBytes()).as("range %d+%d", r[0], r[1])
                        .isEqualTo(Arrays.copyOfRange(data, Math.min(from, data.length), to));
            }
        }
    }

    @Test
    void the_stored_bytes_contain_neither_the_plaintext_nor_the_key() throws IOException {
        String secretText = "card-number=4111-1111-1111-1111;";
        byte[] data = (secretText.repeat(5000)).getBytes(StandardCharsets.UTF_8);
        store.put("secret", data);
        String stored = new String(raw("secret"), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("card-number").doesNotContain("4111");
        String key = new String(TestKeys.bytes(1), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain(key).doesNotContain(HexFormat.of().formatHex(TestKeys.bytes(1)));
        assertThat(store.toString()).doesNotContain(HexFormat.of().formatHex(TestKeys.bytes(1)));
    }

    // ---- tampering -----------------------------------------------------------------------------------------

    private static void assertTampered(ThrowingCallable call, String... mentions) {
        assertThatThrownBy(call).isInstanceOf(TamperedObjectException.class)
                .satisfies(e -> assertThat(((KdrException) e).kind()).isEqualTo(FailureKind.CORRUPT))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").contains(mentions));
    }

    private void flip(String key, int position) throws IOException {
        byte[] b = raw(key);
        b[position] ^= 0x01;
        overwriteRaw(key, b);
    }

    @Test
    void a_flipped_ciphertext_byte_fails_naming_the_object_and_chunk() throws IOException {
        store.put("t", random(3 * CHUNK, 6));
        flip("t", H + SEALED_CHUNK + 100);
        assertTampered(() -> read(store, "t"), "/t", "chunk 1");
        try (InputStream in = store.getRange("t", 0, 10)) {
            assertThat(in.readAllBytes()).as("chunk 0 is intact").hasSize(10);
        }
        assertTampered(() -> store.getRange("t", CHUNK + 5, 10).readAllBytes(), "chunk 1");
    }

    @Test
    void a_flipped_tag_byte_fails() throws IOException {
        store.put("t", random(100, 7));
        flip("t", H + 100 + 3);
        assertTampered(() -> read(store, "t"), "chunk 0");
    }

    @Test
    void a_flipped_header_byte_fails_anywhere_in_the_header() throws IOException {
        byte[] data = random(100, 8);
        for (int position : List.of(5, 6, 10, 60, 90, 105, 110)) {
            store.put("h", data);
            flip("h", position);
            assertTampered(() -> read(store, "h"), "/h", "header");
        }
    }

    @Test
    void truncation_at_a_chunk_boundary_inside_a_chunk_and_after_the_header_fails() throws IOException {
        byte[] data = random(2 * CHUNK + 10, 9);
        for (int length : List.of(H + SEALED_CHUNK, H + SEALED_CHUNK + 500, H + 2 * SEALED_CHUNK, H, H - 1)) {
            store.put("cut", data);
            overwriteRaw("cut", Arrays.copyOf(raw("cut"), length));
            assertTampered(() -> read(store, "cut"), "/cut");
        }
    }

    @Test
    void appended_bytes_and_reordered_chunks_fail() throws IOException {
        byte[] data = random(2 * CHUNK + 10, 10);
        store.put("x", data);
        byte[] b = raw("x");
        byte[] longer = Arrays.copyOf(b, b.length + 20);
        overwriteRaw("x", longer);
        assertTampered(() -> read(store, "x"), "chunk 2");
        byte[] swapped = b.clone();
        System.arraycopy(b, H, swapped, H + SEALED_CHUNK, SEALED_CHUNK);
        System.arraycopy(b, H + SEALED_CHUNK, swapped, H, SEALED_CHUNK);
        overwriteRaw("x", swapped);
        assertTampered(() -> read(store, "x"), "chunk 0");
    }

    @Test
    void two_objects_with_swapped_bytes_fail_because_the_object_key_is_authenticated() throws IOException {
        store.put("clusters/c/manifests/a.json", random(50, 11));
        store.put("clusters/c/manifests/b.json", random(50, 12));
        byte[] a = raw("clusters/c/manifests/a.json");
        overwriteRaw("clusters/c/manifests/a.json", raw("clusters/c/manifests/b.json"));
        overwriteRaw("clusters/c/manifests/b.json", a);
        assertTampered(() -> read(store, "clusters/c/manifests/a.json"), "a.json", "chunk 0");
        assertTampered(() -> read(store, "clusters/c/manifests/b.json"), "b.json");
    }

    @Test
    void a_newer_envelope_version_asks_for_an_upgrade_instead_of_reporting_tampering() throws IOException {
        store.put("v", random(10, 18));
        byte[] b = raw("v");
        b[5] = 2;
        overwriteRaw("v", b);
        assertThatThrownBy(() -> read(store, "v"))
                .isInstanceOf(dev.kafkadr.archive.format.UnsupportedFormatVersionException.class)
                .hasMessageContaining("/v").hasMessageContaining("version 2")
                .satisfies(e -> assertThat(((KdrException) e).hint()).contains("upgrade"));
    }

    // ---- keys ----------------------------------------------------------------------------------------------

    @Test
    void the_wrong_key_bytes_under_the_right_id_fail_as_a_wrong_key_not_as_tampering() {
        store.put("w", random(10, 13));
        EncryptedObjectStore wrong = new EncryptedObjectStore(plain, TestKeys.ring("k1", 2));
        assertThatThrownBy(() -> read(wrong, "w")).isInstanceOf(WrongEncryptionKeyException.class)
                .hasMessageContaining("/w").hasMessageContaining("'k1'").hasMessageContaining("test key k1")
                .satisfies(e -> assertThat(((KdrException) e).kind()).isEqualTo(FailureKind.ACCESS_DENIED))
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain(HexFormat.of().formatHex(TestKeys.bytes(2))));
        assertThatThrownBy(() -> wrong.getRange("w", 0, 5)).isInstanceOf(WrongEncryptionKeyException.class);
    }

    @Test
    void an_object_under_an_unconfigured_key_id_names_the_id_it_needs() {
        store.put("o", random(10, 14));
        EncryptedObjectStore other = new EncryptedObjectStore(plain, TestKeys.ring("k2", 1));
        assertThatThrownBy(() -> read(other, "o")).isInstanceOf(EncryptionKeyRequiredException.class)
                .hasMessageContaining("/o").hasMessageContaining("key id 'k1'").hasMessageContaining("'k2'")
                .satisfies(e -> assertThat(((KdrException) e).hint()).contains("--encryption-key-file"));
    }

    @Test
    void an_unencrypted_object_in_an_encrypted_store_is_rejected() {
        plain.put("p", "{\"format\":1}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> read(store, "p")).isInstanceOf(UnencryptedObjectException.class)
                .hasMessageContaining("/p").hasMessageContaining("not encrypted");
        assertThatThrownBy(() -> store.getRange("p", 0, 4)).isInstanceOf(UnencryptedObjectException.class);
    }

    @Test
    void after_a_rotation_old_objects_read_with_the_previous_key_and_new_ones_use_the_new_id() throws IOException {
        store.put("old", random(10, 15));
        EncryptedObjectStore rotated = new EncryptedObjectStore(plain,
                new KeyRing(TestKeys.key("k2", 2), List.of(TestKeys.key("k1", 1))));
        rotated.put("new", random(10, 16));
        assertThat(read(rotated, "old")).isEqualTo(random(10, 15));
        assertThat(read(rotated, "new")).isEqualTo(random(10, 16));
        assertThat(EnvelopeHeader.peekKeyId(raw("new"), H)).isEqualTo("k2");
        assertThat(rotated.encryptionKeyId()).contains("k2");
        assertThatThrownBy(() -> read(store, "new")).isInstanceOf(EncryptionKeyRequiredException.class)
                .hasMessageContaining("'k2'");
    }

    @Test
    void a_key_given_without_an_id_reads_any_id_but_cannot_write() {
        store.put("any", random(10, 17));
        EncryptedObjectStore noId = new EncryptedObjectStore(plain,
                new KeyRing(EncryptionKey.of(null, TestKeys.bytes(1), "test key"), List.of()));
        assertThat(read(noId, "any")).isEqualTo(random(10, 17));
        assertThatThrownBy(() -> noId.put("x", new byte[1])).isInstanceOf(EncryptionKeyException.class)
                .hasMessageContaining("key id");
        assertThat(noId.encryptionKeyId()).isEmpty();
    }
}
