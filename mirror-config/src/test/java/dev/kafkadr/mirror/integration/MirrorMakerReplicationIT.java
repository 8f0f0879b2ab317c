package dev.kafkadr.mirror.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kafkadr.cli.Cli;
import dev.kafkadr.mirror.cli.MirrorCommand;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.CommandResult;
import dev.kafkadr.testkit.JavaProcess;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real MirrorMaker 2 (connect-mirror 4.3.1, {@code org.apache.kafka.connect.mirror.MirrorMaker} in a child JVM) runs
 * the {@code mm2.properties} that {@code mirror generate} wrote from a plan, between two real in-process KRaft
 * clusters: records and headers arrive intact on the remote topic, and a group committed on the source while MirrorMaker
 * 2 runs is synced to the target at the translated end of the log.
 */
class MirrorMakerReplicationIT {

    private static KafkaTestCluster source;
    private static KafkaTestCluster target;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        source = KafkaTestCluster.start();
        target = KafkaTestCluster.start();
    }

    @AfterAll
    static void stop() {
        if (source != null) {
            source.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @Test
    void generated_mm2_properties_replicate_records_headers_and_group_offsets() throws Exception {
        source.createTopic("orders", 2);
        Path plan = dir.resolve("plan.yaml");
        Files.writeString(plan, """
                version: 1
                name: it
                clusters:
                  src: {bootstrapServers: [%s], brokers: 1}
                  dst: {bootstrapServers: [%s], brokers: 1}
                flows:
                  - source: src
                    target: dst
                    topics: {include: ['orders']}
                    groups: {include: ['billing']}
                    rpo: 4s
                    config: {offset.lag.max: 0}
                """.formatted(source.bootstrapServers(), target.bootstrapServers()));
        CommandResult gen = new CommandContext(() -> Cli.commandLine(new MirrorCommand()))
                .run("generate", "--plan", plan.toString(), "--out", dir.resolve("out").toString(), "--format", "mm2")
                .assertSuccess();
        assertThat(gen.out()).contains("WARNING RF_NOT_ABOVE_MIN_ISR").contains("0 error(s)");
        Path mm2 = dir.resolve("out/mm2/mm2-dst.properties");

        produce(0, 20);
        try (JavaProcess mm = JavaProcess.start("org.apache.kafka.connect.mirror.MirrorMaker", List.of("-Xmx512m"),
                List.of(mm2.toString(), "--clusters", "dst"), Map.of(), dir.resolve("mm2.log"))) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> mm.isAlive() && count(target, "src.orders") == 20);
            assertThat(mm.isAlive()).as("MirrorMaker 2 still running; log: " + mm.log()).isTrue();
            assertRecordsAndHeadersIntact();

            // the group commits at the end of the log while MirrorMaker 2 runs (offset sync is lossy on backlogs)
            produce(20, 30);
            Map<TopicPartition, Long> committed = consumeAndCommit("billing", 30);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> count(target, "src.orders") == 30);
            Map<TopicPartition, Long> targetEnd = endOffsets(target, "src.orders");
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500))
                    .until(() -> groupOffsets(target, "billing").equals(targetEnd));
            Map<TopicPartition, Long> expected = new HashMap<>();
            committed.forEach((tp, off) -> expected.put(new TopicPartition("src.orders", tp.partition()), off));
            assertThat(groupOffsets(target, "billing")).isEqualTo(expected);
        }
    }

    private static void produce(int from, int to) throws Exception {
        try (KafkaProducer<byte[], byte[]> p = source.producer()) {
            for (int i = from; i < to; i++) {
                ProducerRecord<byte[], byte[]> r = new ProducerRecord<>("orders", i % 2, bytes("k" + i), bytes("v" + i));
                r.headers().add("trace-id", bytes("t" + i)).add("origin", bytes("it"));
                p.send(r).get();
            }
        }
    }

    private static void assertRecordsAndHeadersIntact() {
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> src = source.readAll("orders", "read_committed");
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> dst = target.readAll("src.orders", "read_committed");
        assertThat(dst.keySet()).isEqualTo(src.keySet());
        src.forEach((partition, records) -> {
            List<ConsumerRecord<byte[], byte[]>> copies = dst.get(partition);
            assertThat(copies).hasSize(records.size());
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<byte[], byte[]> a = records.get(i);
                ConsumerRecord<byte[], byte[]> b = copies.get(i);
                assertThat(b.key()).isEqualTo(a.key());
                assertThat(b.value()).isEqualTo(a.value());
                assertThat(b.timestamp()).isEqualTo(a.timestamp());
                assertThat(headers(b)).isEqualTo(headers(a)).hasSize(2);
            }
        });
    }

    private static List<String> headers(ConsumerRecord<byte[], byte[]> r) {
        List<String> out = new ArrayList<>();
        for (Header h : r.headers()) {
            out.add(h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Map<TopicPartition, Long> consumeAndCommit(String group, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, source.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<TopicPartition, Long> next = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props)) {
            c.subscribe(List.of("orders"));
            int seen = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (seen < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    seen++;
                    next.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
                }
            }
            assertThat(seen).isEqualTo(expected);
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            next.forEach((tp, o) -> commit.put(tp, new OffsetAndMetadata(o)));
            c.commitSync(commit);
        }
        return next;
    }

    private static long count(KafkaTestCluster cluster, String topic) throws Exception {
        try (Admin admin = cluster.admin()) {
            if (!admin.listTopics().names().get().contains(topic)) {
                return -1;
            }
        }
        return endOffsets(cluster, topic).values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<TopicPartition, Long> endOffsets(KafkaTestCluster cluster, String topic) throws Exception {
        try (Admin admin = cluster.admin()) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        }
    }

    private static Map<TopicPartition, Long> groupOffsets(KafkaTestCluster cluster, String group) throws Exception {
        try (Admin admin = cluster.admin()) {
            Map<TopicPartition, Long> out = new HashMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .forEach((tp, om) -> out.put(tp, om == null ? -1 : om.offset()));
            return out;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
