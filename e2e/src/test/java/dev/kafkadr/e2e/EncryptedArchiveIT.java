package dev.kafkadr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.store.crypto.EnvelopeHeader;
import dev.kafkadr.testkit.CommandResult;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client-side encryption end to end on a real broker: kdr-agent backs up a topic into an encrypted archive; the
 * stored bytes hold neither the records nor the key; kdr verifies and restores with the key, and fails with one
 * line and exit code 6 without it or with the wrong key; a flipped byte is reported by verify.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EncryptedArchiveIT {

    private static final String TOPIC = "payroll";
    private static final String KEY_ID = "dr-key-1";
    private static final int RECORDS = 300;

    static KafkaTestCluster kafka;
    @TempDir
    static Path dir;
    static Path archive;
    static String storeUri;
    static Path keyFile;
    static Path wrongKeyFile;
    static String keyHex;
    static CommandResult backup;

    @BeforeAll
    static void backUpIntoAnEncryptedArchive() throws Exception {
        kafka = KafkaTestCluster.start();
        kafka.createTopic(TOPIC, 2);
        try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
            for (int i = 0; i < RECORDS; i++) {
                p.send(new ProducerRecord<>(TOPIC, i % 2, ("employee-" + i).getBytes(StandardCharsets.UTF_8),
                        ("salary-confidential-" + i).getBytes(StandardCharsets.UTF_8))).get();
            }
        }
        byte[] key = new byte[32];
        new Random(8).nextBytes(key);
        keyHex = HexFormat.of().formatHex(key);
        keyFile = Files.writeString(dir.resolve("archive.key"), keyHex + "\n");
        byte[] wrong = key.clone();
        wrong[0] ^= 1;
        wrongKeyFile = Files.writeString(dir.resolve("wrong.key"), HexFormat.of().formatHex(wrong));
        archive = dir.resolve("archive");
        storeUri = archive.toUri().toString();
        backup = RoundTrip.AGENT.run("--once", "--bootstrap-server", kafka.bootstrapServers(), "--store", storeUri,
                "--cluster-name", "prod", "--topics", TOPIC, "--set", "metrics.port=-1",
                "--set", "store.encryption.key-file=" + keyFile, "--set", "store.encryption.key-id=" + KEY_ID);
        backup.assertSuccess();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private static CommandResult kdr(String... args) {
        return RoundTrip.KDR.run(args);
    }

    private static void assertOneLineFailure(CommandResult r, int exitCode, String... mentions) {
        r.assertExitCode(exitCode);
        assertThat(r.err().strip()).startsWith("kdr: error: ").doesNotContain("\n").doesNotContain("\tat ")
                .contains(mentions);
    }

    @Test
    @Order(1)
    void every_stored_object_is_an_envelope_holding_neither_records_nor_key() throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(archive)) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.toString().contains(".kdr-tmp")).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6); // 2 segments, 2 commits, manifest, snapshots
        String rawKey = new String(HexFormat.of().parseHex(keyHex), StandardCharsets.ISO_8859_1);
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(EnvelopeHeader.hasMagic(bytes, bytes.length)).as(f.toString()).isTrue();
            assertThat(text).as(f.toString()).doesNotContain("salary-confidential").doesNotContain("employee-")
                    .doesNotContain(keyHex).doesNotContain(rawKey).doesNotContain("\"format\"");
            assertThat(EnvelopeHeader.peekKeyId(bytes, bytes.length)).isEqualTo(KEY_ID);
        }
        assertThat(backup.out() + backup.err()).doesNotContain(keyHex);
    }

    @Test
    @Order(2)
    void without_a_key_or_with_the_wrong_key_kdr_fails_with_one_line_and_exit_code_6() {
        assertOneLineFailure(kdr("verify", "--store", storeUri, "--deep"), 6, "manifests/",
                "is encrypted with key id '" + KEY_ID + "' but no encryption key is configured",
                "--encryption-key-file");
        assertOneLineFailure(kdr("backups", "list", "--store", storeUri), 6, "key id '" + KEY_ID + "'");
        assertOneLineFailure(kdr("verify", "--store", storeUri, "--encryption-key-file", wrongKeyFile.toString()),
                6, "not that key", wrongKeyFile.toString());
        assertOneLineFailure(kdr("restore", "topics", "--store", storeUri, "--bootstrap-server",
                kafka.bootstrapServers(), "--cluster", "prod", "--encryption-key-file", keyFile.toString(),
                "--encryption-key-id", "other-id"), 6, "key id '" + KEY_ID + "'", "'other-id'");
        assertOneLineFailure(kdr("verify", "--store", storeUri, "--encryption-key-file",
                dir.resolve("missing.key").toString()), 2, "encryption key file", "missing.key does not exist");
    }

    @Test
    @Order(3)
    void with_the_key_the_archive_verifies_deeply_and_restores_every_record() throws Exception {
        kdr("verify", "--store", storeUri, "--deep", "--encryption-key-file", keyFile.toString()).assertSuccess();
        RoundTrip.deleteTopics(kafka, List.of(TOPIC));
        kdr("restore", "topics", "--store", storeUri, "--bootstrap-server", kafka.bootstrapServers(), "--cluster",
                "prod", "--encryption-key-file", keyFile.toString(), "--encryption-key-id", KEY_ID).assertSuccess();
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> restored = kafka.readAll(TOPIC, "read_committed");
        List<String> values = new ArrayList<>();
        restored.values().forEach(list -> list.forEach(r -> values.add(new String(r.value(),
                StandardCharsets.UTF_8))));
        assertThat(values).hasSize(RECORDS).contains("salary-confidential-0", "salary-confidential-299");
        assertThat(restored.get(1).get(0).value()).asString().isEqualTo("salary-confidential-1");
    }

    @Test
    @Order(4)
    void a_flipped_byte_in_a_segment_is_reported_by_verify() throws Exception {
        Path segment;
        try (Stream<Path> walk = Files.walk(archive)) {
            segment = walk.filter(p -> p.toString().endsWith(".kseg")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(segment, bytes);
        CommandResult r = kdr("verify", "--store", storeUri, "--deep", "--encryption-key-file", keyFile.toString());
        r.assertExitCode(3);
        assertThat(r.out() + r.err()).contains(segment.getFileName().toString()).contains("failed authentication");
    }
}
