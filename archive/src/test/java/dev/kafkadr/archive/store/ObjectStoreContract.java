package dev.kafkadr.archive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.kafkadr.archive.store.StoreTestData.bytes;
import static dev.kafkadr.archive.store.StoreTestData.random;
import static dev.kafkadr.archive.store.StoreTestData.sha256;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ObjectStore} must have, run unchanged against the local, S3 and HDFS stores. Each test
 * works under its own random key prefix, so one store instance can serve a whole class. Subclasses open the store
 * once per class and may check store-specific leftovers in {@link #assertNoUploadLeftovers}. Not thread-safe.
 */
public abstract class ObjectStoreContract {

    /** The part size S3 stores under test use, so a 12 MiB object has three parts. */
    public static final int PART_SIZE = 5 * 1024 * 1024;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "contract-writer");
        t.setDaemon(true);
        return t;
    });

    protected String base;

    /** The store under test (opened once per class by the subclass). */
    protected abstract ObjectStore store();

    /** Fails if an uncommitted upload of {@code key} left anything behind (temp files, multipart uploads). */
    protected void assertNoUploadLeftovers(String key) {
    }

    /**
     * Whether the server behind the store decides concurrent put-if-absent calls atomically. True for real stores;
     * a test double that checks the precondition before writing without a lock (S3Mock 5.2.0) lets several racing
     * writers win, and the race test then asserts only what the client controls.
     */
    protected boolean serverPutIfAbsentIsAtomic() {
        return true;
    }

    @BeforeEach
    void freshPrefix() {
        base = "contract-" + UUID.randomUUID().toString().substring(0, 8) + "/";
    }

    // ---- writes and visibility ------------------------------------------------------------------------------

    @Test
    void upload_is_visible_only_after_commit() throws IOException {
        String key = base + "seg/00000.log";
        byte[] data = random(100_000, 1);
        try (ObjectUpload up = store().upload(key)) {
            up.write(data, 0, 40_000);
            up.write(data, 40_000, 60_000);
            assertThat(up.bytesWritten()).isEqualTo(100_000);
            assertThat(store().stat(key)).isEmpty();
            assertThat(store().listAll(base).toList()).isEmpty();
            assertThatThrownBy(() -> store().get(key)).isInstanceOf(ObjectNotFoundException.class);
            up.commit();
        }
        assertThat(store().stat(key)).contains(new ObjectInfo(key, 100_000));
        assertThat(store().readAll(key)).isEqualTo(data);
    }

    @Test
    void closing_an_upload_without_commit_leaves_nothing() throws IOException {
        String key = base + "abandoned.bin";
        try (ObjectUpload up = store().upload(key)) {
            byte[] chunk = random(1024 * 1024, 2);
            for (int i = 0; i < 6; i++) { // more than one S3 part, so a multipart upload was started
                up.write(chunk);
            }
        }
        assertThat(store().stat(key)).isEmpty();
        assertThat(store().listAll(base).toList()).isEmpty();
        assertNoUploadLeftovers(key);
    }

    @Test
    void abort_discards_the_upload_and_is_idempotent() throws IOException {
        String key = base + "aborted.bin";
        ObjectUpload up = store().upload(key);
        up.write(random(1000, 3));
        up.abort();
        up.abort();
        up.close();
        assertThat(store().stat(key)).isEmpty();
        assertThatThrownBy(() -> up.write(1)).isInstanceOf(IOException.class);
        assertNoUploadLeftovers(key);
    }

    @Test
    void a_finished_upload_refuses_more_writes_and_a_second_commit() throws IOException {
        String key = base + "finished.bin";
        ObjectUpload up = store().upload(key);
        up.write(7);
        up.commit();
        assertThatThrownBy(() -> up.write(8)).isInstanceOf(IOException.class);
        assertThatThrownBy(up::commit).isInstanceOf(IllegalStateException.class);
        up.close();
        assertThat(store().readAll(key)).containsExactly(7);
    }

    @Test
    void commit_replaces_an_existing_object() {
        String key = base + "replace.bin";
        store().put(key, bytes("first version, longer"));
        store().put(key, bytes("second"));
        assertThat(store().readAll(key)).isEqualTo(bytes("second"));
        assertThat(store().stat(key)).contains(new ObjectInfo(key, 6));
    }

    @Test
    void an_empty_object_round_trips() throws IOException {
        String key = base + "empty";
        try (ObjectUpload up = store().upload(key)) {
            up.commit();
        }
        assertThat(store().stat(key)).contains(new ObjectInfo(key, 0));
        assertThat(store().readAll(key)).isEmpty();
        try (InputStream in = store().getRange(key, 0, 10)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        store().putIfAbsent(base + "empty-too", new byte[0]);
        assertThat(store().readAll(base + "empty-too")).isEmpty();
    }

    @Test
    void a_multi_part_object_reads_back_byte_exact() throws Exception {
        String key = base + "big.bin";
        long size = 12L * 1024 * 1024 + 12_345;
        byte[] expectedSha = writeGenerated(key, size, 42);
        assertThat(store().stat(key)).contains(new ObjectInfo(key, size));
        try (InputStream in = store().get(key)) {
            assertThat(sha256(in)).isEqualTo(expectedSha);
        }
    }

    // ---- ranged reads --------------------------------------------------------------------------------------

    @Test
    void ranged_reads_at_start_middle_end_and_past_end() throws IOException {
        String key = base + "ranged.bin";
        byte[] data = random(PART_SIZE * 2 + 1000, 5);
        store().put(key, data);
        int n = data.length;
        assertThat(range(key, 0, 100)).isEqualTo(Arrays.copyOfRange(data, 0, 100));
        assertThat(range(key, PART_SIZE - 10, 20)).isEqualTo(Arrays.copyOfRange(data, PART_SIZE - 10, PART_SIZE + 10));
        assertThat(range(key, 1_234_567, 3_000_000)).isEqualTo(Arrays.copyOfRange(data, 1_234_567, 4_234_567));
        assertThat(range(key, n - 100, 100)).isEqualTo(Arrays.copyOfRange(data, n - 100, n));
        assertThat(range(key, n - 10, 1000)).as("a range crossing the end is cut short")
                .isEqualTo(Arrays.copyOfRange(data, n - 10, n));
        assertThat(range(key, n - 1, Long.MAX_VALUE)).containsExactly(data[n - 1]);
        assertThat(range(key, n, 10)).as("a range starting at the end").isEmpty();
        assertThat(range(key, n + 5000, 10)).as("a range starting after the end").isEmpty();
        assertThat(range(key, 10, 0)).isEmpty();
    }

    @Test
    void ranged_read_of_a_missing_key_fails_with_not_found() {
        assertThatThrownBy(() -> store().getRange(base + "nothing", 0, 10))
                .isInstanceOf(ObjectNotFoundException.class);
        assertThatThrownBy(() -> store().getRange(base + "nothing", 0, 0))
                .isInstanceOf(ObjectNotFoundException.class);
    }

    // ---- stat, get, errors ---------------------------------------------------------------------------------

    @Test
    void stat_reports_the_size_and_is_empty_for_a_missing_key() {
        store().put(base + "a/b/c.txt", bytes("hello"));
        assertThat(store().stat(base + "a/b/c.txt")).contains(new ObjectInfo(base + "a/b/c.txt", 5));
        assertThat(store().stat(base + "a/b/missing.txt")).isEmpty();
        assertThat(store().stat(base + "a/b")).as("a 'directory' is not an object").isEmpty();
        assertThat(store().exists(base + "a/b/c.txt")).isTrue();
    }

    @Test
    void get_of_a_missing_key_fails_with_not_found_naming_the_key() {
        String key = base + "no/such/object";
        assertThatThrownBy(() -> store().get(key))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining(key)
                .satisfies(e -> assertThat(((StoreException) e).key()).isEqualTo(key))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void invalid_keys_are_rejected() {
        for (String bad : List.of("", "/abs", "a//b", "dir/", "../up", "a/./b", "a/../b")) {
            assertThatThrownBy(() -> store().upload(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().putIfAbsent(bad, new byte[1])).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().stat(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void unusual_characters_in_keys_round_trip() {
        List<String> keys = List.of(base + "with space/x y", base + "percent%20literal", base + "ümlaut/€uro",
                base + "plus+and=equals", base + "hash#and&amp");
        keys.forEach(k -> store().put(k, bytes(k)));
        keys.forEach(k -> assertThat(store().readAll(k)).as(k).isEqualTo(bytes(k)));
        assertThat(store().listAll(base).map(ObjectInfo::key).toList())
                .containsExactlyElementsOf(keys.stream().sorted(ObjectKeys.ORDER).toList());
    }

    // ---- listing -------------------------------------------------------------------------------------------

    @Test
    void listing_a_missing_prefix_is_empty() {
        assertThat(store().list(base + "nothing/", null, 10))
                .isEqualTo(new ListPage(List.of(), Optional.empty()));
        assertThat(store().listAll(base + "nothing").toList()).isEmpty();
    }

    @Test
    void list_children_gives_the_distinct_next_path_elements() {
        for (String k : List.of("t/topic-a/0/1.log", "t/topic-a/0/2.log", "t/topic-a/1/1.log", "t/topic-b/0/1.log",
                "t/topic.c", "t/topic-a-x/0/1.log", "u/other")) {
            store().put(base + k, bytes(k));
        }
        assertThat(store().listChildren(base + "t/"))
                .containsExactly("topic-a", "topic-a-x", "topic-b", "topic.c");
        assertThat(store().listChildren(base + "t/topic-a/")).containsExactly("0", "1");
        assertThat(store().listChildren(base + "none/")).isEmpty();
    }

    // ---- deletes -------------------------------------------------------------------------------------------

    @Test
    void delete_removes_an_object_and_ignores_a_missing_one() {
        String key = base + "d/one";
        store().put(key, bytes("x"));
        store().put(base + "d/two", bytes("y"));
        store().delete(key);
        store().delete(key);
        store().delete(base + "never/existed");
        assertThat(store().stat(key)).isEmpty();
        assertThat(store().listAll(base).map(ObjectInfo::key).toList()).containsExactly(base + "d/two");
    }

    // ---- put-if-absent -------------------------------------------------------------------------------------

    @Test
    void put_if_absent_creates_and_a_second_one_fails_leaving_the_first_content() {
        String key = base + "commits/0001.json";
        store().putIfAbsent(key, bytes("first"));
        assertThatThrownBy(() -> store().putIfAbsent(key, bytes("second")))
                .isInstanceOf(ObjectAlreadyExistsException.class)
                .hasMessageContaining(key);
        assertThat(store().readAll(key)).isEqualTo(bytes("first"));
        assertThat(store().listAll(base).toList()).hasSize(1);
    }

    @Test
    void a_race_of_8_put_if_absent_has_exactly_one_winner() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = base + "race/" + round;
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                byte[] content = bytes("writer-" + t);
                results.add(POOL.submit(() -> {
                    start.await();
                    try {
                        store().putIfAbsent(key, content);
                        return true;
                    } catch (ObjectAlreadyExistsException lost) {
                        return false;
                    }
                }));
            }
            start.countDown();
            List<Integer> winners = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                if (results.get(t).get()) { // a failure other than "already exists" fails the test here
                    winners.add(t);
                }
            }
            if (serverPutIfAbsentIsAtomic()) {
                assertThat(winners).as("round " + round).hasSize(1);
                assertThat(store().readAll(key)).isEqualTo(bytes("writer-" + winners.get(0)));
            } else {
                assertThat(winners).as("round " + round).isNotEmpty();
                assertThat(winners.stream().map(t -> bytes("writer-" + t)))
                        .anySatisfy(w -> assertThat(store().readAll(key)).isEqualTo(w));
            }
            assertThatThrownBy(() -> store().putIfAbsent(key, bytes("late")))
                    .isInstanceOf(ObjectAlreadyExistsException.class);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    protected byte[] range(String key, long offset, long length) {
        try (InputStream in = store().getRange(key, offset, length)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    protected byte[] writeGenerated(String key, long size, long seed) throws IOException {
        return StoreTestData.writeGenerated(store(), key, size, seed);
    }

    protected void putAll(Map<String, byte[]> objects) throws InterruptedException, ExecutionException {
        StoreTestData.putAll(store(), objects, POOL);
    }
}
