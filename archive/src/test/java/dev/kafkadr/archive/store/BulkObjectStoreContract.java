package dev.kafkadr.archive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.kafkadr.archive.store.StoreTestData.bytes;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The store contract plus its two bulk tests (a 1,500-object listing, a 1,005-object batch delete), run for every
 * store implementation. A decorator that passes listing and deletion through unchanged extends
 * {@link ObjectStoreContract} alone on a slow backend, when this class runs it on another store.
 */
public abstract class BulkObjectStoreContract extends ObjectStoreContract {

    @Test
    void listing_1500_objects_pages_in_exact_lexical_order() throws Exception {
        // '-' and '.' sort before '/', '0' after it; no key is also a "directory" of another (files cannot be)
        Set<String> names = new LinkedHashSet<>(List.of("a-b", "a.b", "a/b", "a/-", "a0", "ab", "a/b-c", "a/b.c",
                "a/b0", "b", "b-", "c/d.e/f", "c/d-e/f", "c/d/e/f", "c/d0"));
        String[] seps = {"-", ".", "/", "0", "_", "/x/"};
        for (int i = 0; names.size() < 1500; i++) {
            names.add("k" + (i % 9) + seps[i % seps.length] + (i % 40) + seps[(i / 7) % seps.length] + i);
        }
        for (String n : names) {
            assertThat(names).as("test data: no key may be a directory of another")
                    .noneMatch(other -> other.startsWith(n + "/"));
        }
        Map<String, byte[]> objects = new TreeMap<>(ObjectKeys.ORDER);
        names.forEach(n -> objects.put(base + "list/" + n, bytes(n)));
        assertThat(objects).hasSize(1500);
        putAll(objects);
        List<String> expected = new ArrayList<>(objects.keySet());

        for (int pageSize : new int[] {1000, 7}) {
            List<String> seen = new ArrayList<>();
            String continuation = null;
            do {
                ListPage page = store().list(base + "list/", continuation, pageSize);
                assertThat(page.objects().size()).isLessThanOrEqualTo(pageSize);
                page.objects().forEach(o -> assertThat(o.size()).isEqualTo(objects.get(o.key()).length));
                page.objects().forEach(o -> seen.add(o.key()));
                continuation = page.nextContinuation().orElse(null);
            } while (continuation != null);
            assertThat(seen).as("page size " + pageSize).containsExactlyElementsOf(expected);
        }
        assertThat(store().listAll(base + "list/a").map(ObjectInfo::key).toList())
                .as("a prefix that ends inside a name")
                .containsExactlyElementsOf(expected.stream().filter(k -> k.startsWith(base + "list/a")).toList());
        assertThat(store().listAll(base + "list/a/b").map(ObjectInfo::key).toList())
                .containsExactly(base + "list/a/b", base + "list/a/b-c", base + "list/a/b.c", base + "list/a/b0");
    }

    @Test
    void delete_all_removes_more_than_one_batch_and_ignores_missing_keys() throws Exception {
        Map<String, byte[]> objects = new TreeMap<>();
        IntStream.range(0, 1005).forEach(i -> objects.put(base + "del/" + (i % 3) + "/" + i, new byte[] {(byte) i}));
        store().put(base + "keep", bytes("kept"));
        putAll(objects);
        List<String> keys = new ArrayList<>(objects.keySet());
        keys.add(base + "del/missing-1");
        keys.add(base + "never/there");
        store().deleteAll(keys);
        assertThat(store().listAll(base).map(ObjectInfo::key).toList()).containsExactly(base + "keep");
        store().deleteAll(List.of());
    }
}
