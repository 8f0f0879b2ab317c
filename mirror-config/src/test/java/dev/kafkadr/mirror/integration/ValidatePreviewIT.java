package dev.kafkadr.mirror.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.cli.Cli;
import dev.kafkadr.mirror.cli.MirrorCommand;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.CommandResult;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mirror validate --bootstrap} lists, per flow, the existing topics and groups of a real cluster it would mirror. */
class ValidatePreviewIT {

    private static KafkaTestCluster kafka;

    private final CommandContext cli = new CommandContext(() -> Cli.commandLine(new MirrorCommand()));

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.start();
        for (String t : List.of("orders.eu", "orders.us", "payments", "b.orders.eu")) {
            kafka.createTopic(t, 1);
        }
        for (String group : List.of("billing", "console-consumer-42", "audit")) {
            commit(group, "orders.eu");
        }
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private Path plan(int brokers) throws Exception {
        Path p = dir.resolve("plan.yaml");
        Files.writeString(p, """
                version: 1
                name: preview
                clusters:
                  a: {bootstrapServers: ['declared-a:9092'], brokers: %d}
                  b: {bootstrapServers: ['declared-b:9092'], brokers: 1}
                flows:
                  - source: a
                    target: b
                    topics: {include: ['orders\\..*'], exclude: ['.*\\.us']}
                    groups: {include: ['.*'], exclude: ['audit']}
                    rpo: 5m
                """.formatted(brokers));
        return p;
    }

    @Test
    void preview_lists_matching_topics_with_remote_names_and_groups_using_mm2_filters() throws Exception {
        CommandResult r = cli.run("validate", "--plan", plan(1).toString(), "--bootstrap",
                "a=" + kafka.bootstrapServers()).assertSuccess();
        // b.orders.eu is a remote topic from b: MM2 would not mirror it back (cycle); console-consumer-* is excluded by
        // MM2's default groups.exclude, audit by the plan
        assertThat(r.out()).contains("preview a->b: 1 topic(s) {orders.eu=a.orders.eu}, 1 group(s) [billing]");
        assertThat(r.out()).contains("0 error(s)");
    }

    @Test
    void preview_warns_when_the_live_broker_count_differs_and_when_a_cluster_is_unreachable() throws Exception {
        Path p = plan(3).getParent().resolve("plan.yaml");
        Files.writeString(p, Files.readString(p).replace("flows:", "  c: {bootstrapServers: ['c:9092'], brokers: 1}\n"
                + "flows:").replace("include: ['orders\\..*']", "include: ['nothing-.*']")
                + "  - {source: c, target: b, rpo: 5m}\n");
        CommandResult r = cli.run("validate", "--plan", p.toString(), "--bootstrap", "a=" + kafka.bootstrapServers(),
                "--bootstrap", "c=127.0.0.1:1", "--preview-timeout", "3").assertSuccess();
        assertThat(r.out()).contains("WARNING PREVIEW_BROKERS [cluster a] clusters.a.brokers: the plan says 3 broker(s) "
                + "but " + kafka.bootstrapServers() + " has 1; fix: set brokers to 1")
                .contains("WARNING PREVIEW_UNREACHABLE [cluster c] clusters.c.bootstrapServers: could not list topics "
                        + "and groups at 127.0.0.1:1")
                .contains("WARNING PREVIEW_NO_MATCH [flow a->b] flows[0].topics: no existing topic on 'a' matches "
                        + "[nothing-.*]; fix: check the patterns (Java regex, matched against the whole topic name)");
        assertThat(cli.run("validate", "--plan", p.toString(), "--bootstrap", "a=" + kafka.bootstrapServers(),
                "--strict").exitCode()).isEqualTo(2);
    }

    private static void commit(String group, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props)) {
            c.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0)));
        }
    }
}
