package dev.kafkadr.restore.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.format.ArchivedHeader;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.format.TimestampType;
import dev.kafkadr.archive.manifest.TopicMetadata;
import dev.kafkadr.restore.testing.TestArchive;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher as an operator runs it: scripts/kdr restores a topic, kcat reads it back. */
class KdrScriptIT {

    @TempDir
    static Path dir;
    static TestArchive archive;
    static KafkaTestCluster kafka;
    static final List<ArchivedRecord> records = new ArrayList<>();
    static final Path root = Path.of(System.getProperty("kdr.repo.root", "..")).toAbsolutePath().normalize();

    @BeforeAll
    static void start() {
        archive = new TestArchive(dir.resolve("archive"), "prod").segmentRecords(4);
        Instant cut = Instant.now().minusSeconds(60);
        long ts = cut.toEpochMilli() - 600_000;
        records.add(rec(0, ts, null, "null key", List.of()));
        records.add(rec(1, ts + 1, "", "empty key", List.of(h("h", null))));
        records.add(rec(2, ts + 2, "k2", null, List.of(h("h", ""), h("h", "dup"))));
        records.add(rec(5, ts - 5000, "k5", "", List.of(h("trace", "abc"), h("n", null))));
        records.add(rec(6, ts + 6, "k6", "after a compaction gap", List.of()));
        for (int i = 7; i < 20; i++) {
            records.add(rec(i, ts + i, "k" + i, "value " + i, List.of(h("i", Integer.toString(i)))));
        }
        archive.run(cut).topic(TopicMetadata.of("script", "id", 1, 1, Map.of(), "CreateTime"))
                .partition("script", 0, 0, 21, records).commit();
        kafka = KafkaTestCluster.start();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static ArchivedRecord rec(long offset, long ts, String key, String value, List<ArchivedHeader> headers) {
        return new ArchivedRecord(offset, ts, TimestampType.CREATE_TIME, TestArchive.bytes(key),
                TestArchive.bytes(value), headers);
    }

    private static ArchivedHeader h(String key, String value) {
        return new ArchivedHeader(key, TestArchive.bytes(value));
    }

    /**
     * What kcat prints for a record with the format below: key and value lengths (-1 for null, so null and empty
     * differ), text, timestamp, headers with NULL for a null value.
     */
    private static String kcatLine(long targetOffset, ArchivedRecord r) {
        StringBuilder headers = new StringBuilder();
        for (ArchivedHeader h : r.headers()) {
            headers.append(headers.length() == 0 ? "" : ",").append(h.key()).append('=')
                    .append(h.value() == null ? "NULL" : new String(h.value(), StandardCharsets.UTF_8));
        }
        return "o=" + targetOffset + "|K=" + len(r.key()) + "|k=" + text(r.key()) + "|S=" + len(r.value()) + "|s="
                + text(r.value()) + "|ts=" + r.timestamp() + "|h=" + headers;
    }

    private static int len(byte[] b) {
        return b == null ? -1 : b.length;
    }

    private static String text(byte[] b) {
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }

    private static Result run(Path log, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new Result(p.exitValue(), out, Files.readString(log));
    }

    record Result(int exitCode, String out, String err) {
    }

    @Test
    void the_launcher_restores_a_topic_that_kcat_reads_back_with_keys_headers_and_timestamps() throws Exception {
        Result restore = run(dir.resolve("kdr.err"), root.resolve("scripts/kdr").toString(), "restore", "topics",
                "--store", archive.uri(), "--bootstrap-server", kafka.bootstrapServers());
        assertThat(restore.exitCode()).as("kdr: %s %s", restore.out(), restore.err()).isZero();
        assertThat(restore.out()).contains("restored 18 records");
        assertThat(restore.err().lines().toList()).as("no log noise on stderr, only the final progress line")
                .singleElement().asString().startsWith("progress: 18 of 18 records (100%)");

        Result kcat = run(dir.resolve("kcat.err"), "kcat", "-C", "-b", kafka.bootstrapServers(), "-t", "script",
                "-p", "0", "-e", "-q", "-f", "o=%o|K=%K|k=%k|S=%S|s=%s|ts=%T|h=%h\\n");
        assertThat(kcat.exitCode()).as("kcat: %s", kcat.err()).isZero();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            expected.add(kcatLine(i, records.get(i)));
        }
        assertThat(kcat.out().lines().toList()).containsExactlyElementsOf(expected);
    }

    @Test
    void the_launcher_says_how_to_build_when_the_build_is_missing() throws Exception {
        Path fake = dir.resolve("checkout");
        Files.createDirectories(fake.resolve("scripts/lib"));
        Files.copy(root.resolve("scripts/kdr"), fake.resolve("scripts/kdr"));
        Files.copy(root.resolve("scripts/lib/dev-launcher.sh"), fake.resolve("scripts/lib/dev-launcher.sh"));
        fake.resolve("scripts/kdr").toFile().setExecutable(true);
        Result r = run(dir.resolve("fake.err"), fake.resolve("scripts/kdr").toString(), "--help");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("kdr: error: restore-cli is not built")
                .contains("run 'mvn -B -pl restore-cli -am package -DskipTests' in " + fake);
    }
}
