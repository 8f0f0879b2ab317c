package dev.kafkadr.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Apache Kafka KRaft cluster running in this JVM through Kafka's own {@link KafkaClusterTestKit}:
 * one combined node by default, or N brokers with one separate controller; PLAINTEXT by default, or SASL_PLAINTEXT
 * with the PLAIN mechanism ({@link Builder#saslPlain()}). Thread-safe; close exactly once.
 */
public final class KafkaTestCluster implements AutoCloseable {

    /** The SASL/PLAIN super user Kafka's test kit configures ({@code JaasUtils.KAFKA_PLAIN_ADMIN}). */
    public static final String SASL_ADMIN_USER = JaasUtils.KAFKA_PLAIN_ADMIN;
    public static final String SASL_ADMIN_PASSWORD = JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD;

    private final KafkaClusterTestKit kit;
    private final Map<String, Object> clientSecurity;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaTestCluster(KafkaClusterTestKit kit, Map<String, Object> clientSecurity) {
        this.kit = kit;
        this.clientSecurity = Map.copyOf(clientSecurity);
    }

    /**
     * Client settings to reach a SASL/PLAIN broker as {@code user} with {@code password} (security.protocol,
     * sasl.mechanism, sasl.jaas.config).
     */
    public static Map<String, String> saslPlainClientProperties(String user, String password) {
        return Map.of("security.protocol", SecurityProtocol.SASL_PLAINTEXT.name, "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";");
    }

    /** The security settings this cluster's own clients use (empty for PLAINTEXT). */
    public Map<String, Object> clientSecurity() {
        return clientSecurity;
    }

    /** Starts a single combined broker+controller node. */
    public static KafkaTestCluster start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String bootstrapServers() {
        return kit.bootstrapServers();
    }

    public int brokerCount() {
        return kit.brokers().size();
    }

    /** A new admin client; the caller closes it. */
    public Admin admin() {
        Map<String, Object> props = new HashMap<>(clientSecurity);
        props.put("bootstrap.servers", bootstrapServers());
        return Admin.create(props);
    }

    /** Creates a topic and waits until every broker's metadata knows it. */
    public void createTopic(String name, int partitions, int replicationFactor, Map<String, String> configs) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) replicationFactor).configs(configs)))
                    .all().get();
            awaitTopic(admin, name, partitions);
        } catch (Exception e) {
            throw new IllegalStateException("could not create topic " + name, e);
        }
    }

    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, 1, Map.of());
    }

    private static void awaitTopic(Admin admin, String name, int partitions) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try {
                TopicDescription d = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
                if (d.partitions().size() == partitions
                        && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (Exception retry) {
                // metadata not yet propagated
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("topic " + name + " not ready after 30 s");
            }
            Thread.sleep(50);
        }
    }

    /** A producer with acks=all and idempotence; extra settings override. The caller closes it. */
    public KafkaProducer<byte[], byte[]> producer(Map<String, Object> overrides) {
        Map<String, Object> props = new HashMap<>(clientSecurity);
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.putAll(overrides);
        return new KafkaProducer<>(props);
    }

    public KafkaProducer<byte[], byte[]> producer() {
        return producer(Map.of());
    }

    /**
     * Reads every record of the topic from the log start to the end offsets observed at the call, per partition
     * in offset order, with the given isolation level ("read_committed" or "read_uncommitted").
     */
    public Map<Integer, List<ConsumerRecord<byte[], byte[]>>> readAll(String topic, String isolationLevel) {
        Properties props = new Properties();
        props.putAll(clientSecurity);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> tps = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> tps.add(new TopicPartition(topic, p.partition())));
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> end = consumer.endOffsets(tps, Duration.ofSeconds(30));
            Map<Integer, List<ConsumerRecord<byte[], byte[]>>> out = new LinkedHashMap<>();
            tps.forEach(tp -> out.put(tp.partition(), new ArrayList<>()));
            Instant deadline = Instant.now().plusSeconds(120);
            while (tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end offsets " + end);
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(topic, r.partition()))) {
                        out.get(r.partition()).add(r);
                    }
                }
            }
            return out;
        }
    }

    /** Stops every node and deletes the data directories; safe to call more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                kit.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the Kafka test cluster", e);
            }
        }
    }

    /** Builder for {@link KafkaTestCluster}; not thread-safe. */
    public static final class Builder {
        private int brokers = 1;
        private SecurityProtocol protocol = SecurityProtocol.PLAINTEXT;
        private Path baseDirectory;
        private final Map<String, Object> configs = new LinkedHashMap<>();

        private Builder() {
            configs.put("offsets.topic.replication.factor", "1");
            configs.put("transaction.state.log.replication.factor", "1");
            configs.put("transaction.state.log.min.isr", "1");
            configs.put("share.coordinator.state.topic.replication.factor", "1");
            configs.put("share.coordinator.state.topic.min.isr", "1");
            configs.put("group.initial.rebalance.delay.ms", "0");
        }

        /** Number of brokers; more than one runs a separate controller (combined mode with 3 voters is unstable). */
        public Builder brokers(int count) {
            this.brokers = count;
            return this;
        }

        /** A broker (and controller) setting, e.g. "authorizer.class.name". */
        public Builder config(String key, Object value) {
            configs.put(key, value);
            return this;
        }

        /**
         * Broker and controller listeners use SASL_PLAINTEXT with the PLAIN mechanism. Kafka's test kit then writes
         * the server JAAS file (users {@code plain-admin}, the super user, and {@code plain-user1}), enables
         * {@code StandardAuthorizer} and sets the JVM-wide {@code java.security.auth.login.config} to that file.
         * Clients need {@link #saslPlainClientProperties}.
         */
        public Builder saslPlain() {
            this.protocol = SecurityProtocol.SASL_PLAINTEXT;
            return this;
        }

        public Builder baseDirectory(Path dir) {
            this.baseDirectory = dir;
            return this;
        }

        public KafkaTestCluster start() {
            TestKitNodes.Builder nodes = new TestKitNodes.Builder()
                    .setCombined(brokers == 1)
                    .setNumControllerNodes(1)
                    .setNumBrokerNodes(brokers)
                    .setBrokerSecurityProtocol(protocol)
                    .setControllerSecurityProtocol(protocol);
            if (baseDirectory != null) {
                nodes.setBaseDirectory(baseDirectory);
            }
            KafkaClusterTestKit kit = null;
            try {
                KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes.build());
                configs.forEach(builder::setConfigProp);
                kit = builder.build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                Map<String, Object> security = new HashMap<>();
                if (protocol == SecurityProtocol.SASL_PLAINTEXT) {
                    security.putAll(saslPlainClientProperties(SASL_ADMIN_USER, SASL_ADMIN_PASSWORD));
                }
                return new KafkaTestCluster(kit, security);
            } catch (Exception e) {
                if (kit != null) {
                    try {
                        kit.close();
                    } catch (Exception suppressed) {
                        e.addSuppressed(suppressed);
                    }
                }
                throw new IllegalStateException("could not start a Kafka test cluster", e);
            }
        }
    }
}
