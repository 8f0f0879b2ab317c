package dev.kafkadr.archive.store.hdfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkadr.archive.store.ObjectAlreadyExistsException;
import dev.kafkadr.archive.store.ObjectInfo;
import dev.kafkadr.archive.store.ObjectKeys;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectUpload;
import dev.kafkadr.archive.store.StoreAccessDeniedException;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.StoreUnavailableException;
import dev.kafkadr.testkit.MiniHdfs;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.security.UserGroupInformation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HDFS-specific behaviour on a MiniDFSCluster: races between clients, failures, the hidden temp directory. */
class HdfsObjectStoreIT {

    @TempDir
    static Path dir;
    private static MiniHdfs hdfs;
    private static FileSystem raw;

    @BeforeAll
    static void start() throws IOException {
        hdfs = MiniHdfs.start(dir);
        raw = FileSystem.newInstance(hdfs.uri(), hdfs.configuration());
    }

    @AfterAll
    static void stop() throws IOException {
        if (raw != null) {
            raw.close();
        }
        if (hdfs != null) {
            hdfs.close();
        }
    }

    private static URI root(String name) {
        return URI.create(hdfs.uri() + "/it/" + name);
    }

    private static ObjectStore open(String name) {
        return HdfsObjectStore.open(root(name), HdfsTestSupport.options());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void put_if_absent_racing_from_8_separate_clients_has_exactly_one_winner() throws Exception {
        List<ObjectStore> clients = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 8; i++) {
                clients.add(open("race"));
            }
            for (int round = 0; round < 10; round++) {
                String key = "commits/" + round + ".json";
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    ObjectStore client = clients.get(t);
                    byte[] content = bytes("client-" + t);
                    results.add(pool.submit(() -> {
                        go.await();
                        try {
                            client.putIfAbsent(key, content);
                            return true;
                        } catch (ObjectAlreadyExistsException lost) {
                            return false;
                        }
                    }));
                }
                go.countDown();
                List<Integer> winners = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    if (results.get(t).get()) {
                        winners.add(t);
                    }
                }
                assertThat(winners).as("round " + round).hasSize(1);
                assertThat(clients.get(3).readAll(key)).isEqualTo(bytes("client-" + winners.get(0)));
            }
            assertThat(raw.listStatus(new org.apache.hadoop.fs.Path(root("race").getPath(), ObjectKeys.TMP_DIR)))
                    .as("temporary files left by the losers").isEmpty();
        } finally {
            pool.shutdownNow();
            clients.forEach(ObjectStore::close);
        }
    }

    @Test
    void an_unreachable_namenode_fails_quickly_as_unavailable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        StoreOptions fast = HdfsTestSupport.options(Map.of(
                "hdfs.conf.ipc.client.connect.max.retries", "0",
                "hdfs.conf.ipc.client.connect.max.retries.on.timeouts", "0",
                "hdfs.conf.ipc.client.connect.timeout", "1000"));
        long start = System.nanoTime();
        try (ObjectStore store = HdfsObjectStore.open(URI.create("hdfs://127.0.0.1:" + closedPort + "/kdr"), fast)) {
            List<ThrowingCallable> calls = List.of(() -> store.get("k/1"), () -> store.stat("k/1"),
                    () -> store.put("k/1", new byte[3]), () -> store.putIfAbsent("k/1", new byte[3]),
                    () -> store.list("k/", null, 10), () -> store.delete("k/1"));
            for (ThrowingCallable call : calls) {
                assertThatThrownBy(call).isInstanceOf(StoreUnavailableException.class)
                        .hasMessageStartingWith("hdfs://127.0.0.1:" + closedPort + "/kdr/k/")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void permission_denied_is_access_denied() throws Exception {
        org.apache.hadoop.fs.Path locked = new org.apache.hadoop.fs.Path(root("locked").getPath());
        raw.mkdirs(new org.apache.hadoop.fs.Path(locked, "private"));
        try (var out = raw.create(new org.apache.hadoop.fs.Path(locked, "private/secret"))) {
            out.write(1);
        }
        raw.setPermission(locked, new FsPermission((short) 0755));
        raw.setPermission(new org.apache.hadoop.fs.Path(locked, "private"), new FsPermission((short) 0700));
        UserGroupInformation mallory = UserGroupInformation.createRemoteUser("mallory");
        ObjectStore store = mallory.doAs((PrivilegedExceptionAction<ObjectStore>) () -> open("locked"));
        try {
            assertThatThrownBy(() -> store.put("new", new byte[1])).isInstanceOf(StoreAccessDeniedException.class)
                    .hasMessageContaining(root("locked") + "/new").hasMessageContaining("mallory");
            assertThatThrownBy(() -> store.putIfAbsent("new", new byte[1]))
                    .isInstanceOf(StoreAccessDeniedException.class);
            assertThatThrownBy(() -> store.get("private/secret")).isInstanceOf(StoreAccessDeniedException.class);
            assertThatThrownBy(() -> store.list("private/", null, 10)).isInstanceOf(StoreAccessDeniedException.class);
        } finally {
            store.close();
        }
    }

    @Test
    void keys_with_a_colon_are_rejected_because_hdfs_cannot_store_them() {
        try (ObjectStore store = open("colon")) {
            assertThatThrownBy(() -> store.put("a:b", new byte[1])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a:b");
        }
    }

    @Test
    void the_temporary_directory_is_hidden_from_listings() throws IOException {
        try (ObjectStore store = open("hidden")) {
            store.put("visible", new byte[1]);
            try (ObjectUpload pending = store.upload("pending")) {
                pending.write(new byte[100]);
                assertThat(raw.listStatus(new org.apache.hadoop.fs.Path(root("hidden").getPath(),
                        ObjectKeys.TMP_DIR))).as("the pending upload's temporary file").hasSize(1);
                assertThat(store.listAll("").map(ObjectInfo::key).toList()).containsExactly("visible");
                assertThat(store.listAll(".").toList()).isEmpty();
                assertThat(store.listAll(ObjectKeys.TMP_DIR + "/").toList()).isEmpty();
                assertThat(store.listChildren("")).containsExactly("visible");
                assertThat(store.listChildren(ObjectKeys.TMP_DIR + "/")).isEmpty();
            }
        }
    }

    @Test
    void empty_directories_are_not_children_and_deletes_prune_them() throws IOException {
        try (ObjectStore store = open("dirs")) {
            raw.mkdirs(new org.apache.hadoop.fs.Path(root("dirs").getPath(), "left/over/by/a/crash"));
            store.put("t/p/0/segment", new byte[1]);
            store.put("t/p/1/segment", new byte[1]);
            assertThat(store.listChildren("")).containsExactly("t");
            store.delete("t/p/0/segment");
            assertThat(raw.exists(new org.apache.hadoop.fs.Path(root("dirs").getPath(), "t/p/0"))).isFalse();
            assertThat(raw.exists(new org.apache.hadoop.fs.Path(root("dirs").getPath(), "t/p/1"))).isTrue();
            store.delete("t/p/1/segment");
            assertThat(raw.exists(new org.apache.hadoop.fs.Path(root("dirs").getPath(), "t"))).isFalse();
            assertThat(raw.exists(new org.apache.hadoop.fs.Path(root("dirs").getPath()))).as("the root stays").isTrue();
        }
    }

    @Test
    void objects_spanning_many_blocks_read_back_exactly_also_in_ranges_across_blocks() throws IOException {
        int block = 1024 * 1024;
        byte[] data = new byte[5 * block + 333];
        new Random(9).nextBytes(data);
        try (ObjectStore store = HdfsObjectStore.open(root("blocks"),
                HdfsTestSupport.options(Map.of("hdfs.conf.dfs.blocksize", String.valueOf(block))))) {
            store.put("multi-block", data);
            assertThat(raw.getFileStatus(new org.apache.hadoop.fs.Path(root("blocks").getPath(), "multi-block"))
                    .getBlockSize()).isEqualTo(block);
            assertThat(store.readAll("multi-block")).isEqualTo(data);
            try (InputStream in = store.getRange("multi-block", block - 7, 2L * block + 14)) {
                assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, block - 7, 3 * block + 7));
            }
        }
    }
}
