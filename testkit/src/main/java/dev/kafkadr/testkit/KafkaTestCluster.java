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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Apache Kafka KRaft cluster running in this JVM through Kafka's own {@link KafkaClusterTestKit}:
 * one combined node by default, or N brokers with one separate controller. Thread-safe; close exactly once.
 */
public final class KafkaTestCluster implements AutoCloseable {

    /** SASL/PLAIN users the Kafka test kit creates when the cluster is built with {@link Builder#saslPlain()}. */
    public static final String SASL_ADMIN_USER = "plain-admin";
    public static final String SASL_ADMIN_PASSWORD = "plain-admin-secret";
    public static final String SASL_USER = "plain-user1";
    public static final String SASL_USER_PASSWORD = "plain-user1-secret";

    /** The super user of a {@link Builder#saslSsl(TestTls)} cluster (SCRAM-SHA-512), used by {@link #admin()}. */
    public static final String SCRAM_ADMIN_USER = "kdr-test-admin";
    public static final String SCRAM_ADMIN_PASSWORD = "kdr-test-admin-pw";

    private final KafkaClusterTestKit kit;
    private final Map<String, Object> clientProperties;
    private final TestTls tls;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaTestCluster(KafkaClusterTestKit kit, Map<String, Object> clientProperties, TestTls tls) {
        this.kit = kit;
        this.clientProperties = Map.copyOf(clientProperties);
        this.tls = tls;
    }

    /**
     * Client settings (besides bootstrap.servers) every client of this cluster needs: empty for PLAINTEXT, the
     * SASL/PLAIN admin credentials for a SASL cluster, the SCRAM admin and the trust store for a SASL_SSL cluster.
     */
    public Map<String, Object> clientProperties() {
        return clientProperties;
    }

    /** SASL/PLAIN client settings for a user and password (right or wrong). */
    public static Map<String, String> saslPlainClientProperties(String user, String password) {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN", "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                        + "\" password=\"" + password + "\";");
    }

    /**
     * SASL_SSL client settings (SCRAM-SHA-512) for a user and password (right or wrong) of a
     * {@link Builder#saslSsl(TestTls)} cluster, trusting the CA that signed the broker's certificate.
     */
    public Map<String, String> scramClientProperties(String user, String password) {
        return scramClientProperties(user, password, tls().truststore());
    }

    /** As {@link #scramClientProperties(String, String)} with another trust store (e.g. one without the CA). */
    public Map<String, String> scramClientProperties(String user, String password, Path truststore) {
        return SaslSslSetup.clientProperties(user, password, truststore, tls().password());
    }

    /** The TLS material of a {@link Builder#saslSsl(TestTls)} cluster. */
    public TestTls tls() {
        if (tls == null) {
            throw new IllegalStateException("this cluster was not built with saslSsl(...)");
        }
        return tls;
    }

    /** Creates (or changes the password of) a SCRAM-SHA-512 user, as the admin; returns once the broker knows it. */
    public void createScramUser(String user, String password) {
        try (Admin admin = admin()) {
            SaslSslSetup.upsertUser(admin, user, password);
        }
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

    /** Shuts one broker down in an orderly way (its log directory stays); {@link #startBroker} brings it back. */
    public void stopBroker(int id) {
        var broker = kit.brokers().get(id);
        if (broker == null) {
            throw new IllegalArgumentException("no broker " + id + "; brokers: " + kit.brokers().keySet());
        }
        broker.shutdown();
        broker.awaitShutdown();
    }

    /** Starts a broker stopped by {@link #stopBroker} again (on a new port) and waits until it has caught up. */
    public void startBroker(int id) {
        var broker = kit.brokers().get(id);
        if (broker == null) {
            throw new IllegalArgumentException("no broker " + id + "; brokers: " + kit.brokers().keySet());
        }
        broker.startup();
        try {
            kit.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("broker " + id + " did not become ready after a restart", e);
        }
    }

    /** A new admin client; the caller closes it. */
    public Admin admin() {
        Map<String, Object> props = new HashMap<>(clientProperties);
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
        Map<String, Object> props = new HashMap<>(clientProperties);
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
        props.putAll(clientProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> tps = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> tps.add(new TopicPartition(topic, p.partition())));
            tps.sort((a, b) -> Integer.compare(a.partition(), b.partition()));
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(tps, Duration.ofSeconds(30));
            Map<TopicPartition, Long> end = consumer.endOffsets(tps, Duration.ofSeconds(30));
            Map<Integer, List<ConsumerRecord<byte[], byte[]>>> out = new LinkedHashMap<>();
            Instant deadline = Instant.now().plusSeconds(120);
            for (TopicPartition tp : tps) {
                List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
                consumer.assign(List.of(tp));
                consumer.seek(tp, begin.get(tp));
                long limit = end.get(tp);
                while (consumer.position(tp) < limit) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("could not read " + tp + " to its end offset " + limit);
                    }
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200)).records(tp)) {
                        if (r.offset() < limit) {
                            records.add(r);
                        }
                    }
                }
                out.put(tp.partition(), records);
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

    /**
     * Hadoop (a MiniDFSCluster started earlier in the same JVM) registers its own SASL PLAIN server JVM-wide, ahead of
     * Kafka's; the broker's PLAIN listeners would then reject every login. Removes Hadoop's so Kafka's is used.
     */
    private static void preferKafkasPlainServer() {
        for (java.security.Provider p : java.security.Security.getProviders()) {
            if (p.getClass().getName().startsWith("org.apache.hadoop")
                    && p.getService("SaslServerFactory", "PLAIN") != null) {
                java.security.Security.removeProvider(p.getName());
            }
        }
    }

    /** Builder for {@link KafkaTestCluster}; not thread-safe. */
    public static final class Builder {
        private int brokers = 1;
        private boolean sasl;
        private TestTls tls;
        private final Map<String, String> scramUsers = new LinkedHashMap<>();
        private Path baseDirectory;
        private final Map<String, Object> configs = new LinkedHashMap<>();

        private Builder() {
            configs.put("offsets.topic.replication.factor", "1");
            configs.put("transaction.state.log.replication.factor", "1");
            configs.put("transaction.state.log.min.isr", "1");
            configs.put("share.coordinator.state.topic.replication.factor", "1");
            configs.put("share.coordinator.state.topic.min.isr", "1");
            configs.put("group.initial.rebalance.delay.ms", "0");
            configs.put("log.cleaner.backoff.ms", "250");
            configs.put("log.retention.check.interval.ms", "500");
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

        /** Broker listener with SASL_PLAINTEXT/PLAIN; users {@link #SASL_ADMIN_USER} and {@link #SASL_USER}. */
        public Builder saslPlain() {
            this.sasl = true;
            return this;
        }

        /**
         * Broker listener with SASL_SSL/SCRAM-SHA-512 using {@code tls}'s broker certificate, and Kafka's
         * StandardAuthorizer (no ACL means denied) with {@link #SCRAM_ADMIN_USER} as super user.
         */
        public Builder saslSsl(TestTls tls) {
            this.tls = tls;
            scramUsers.put(SCRAM_ADMIN_USER, SCRAM_ADMIN_PASSWORD);
            return this;
        }

        /** A SCRAM-SHA-512 user created with the cluster (bootstrap metadata); needs {@link #saslSsl(TestTls)}. */
        public Builder scramUser(String user, String password) {
            scramUsers.put(user, password);
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
                    .setNumBrokerNodes(brokers);
            if (baseDirectory != null) {
                nodes.setBaseDirectory(baseDirectory);
            }
            // SASL clusters (saslPlain, and saslSsl whose controller listener uses PLAIN) need Kafka's PLAIN server
            preferKafkasPlainServer();
            if (sasl) {
                nodes.setBrokerSecurityProtocol(org.apache.kafka.common.security.auth.SecurityProtocol.SASL_PLAINTEXT);
                nodes.setControllerSecurityProtocol(org.apache.kafka.common.security.auth.SecurityProtocol.SASL_PLAINTEXT);
            }
            if (tls != null && sasl) {
                throw new IllegalStateException("choose saslPlain() or saslSsl(...), not both");
            }
            if (tls == null && !scramUsers.isEmpty()) {
                throw new IllegalStateException("scramUser(...) needs saslSsl(...)");
            }
            KafkaClusterTestKit kit = null;
            try {
                Map<String, Object> all = new LinkedHashMap<>();
                if (tls != null) {
                    nodes.setBootstrapMetadata(SaslSslSetup.bootstrapWithUsers(scramUsers));
                    all.putAll(SaslSslSetup.brokerConfigs(tls, SCRAM_ADMIN_USER));
                }
                TestKitNodes built = nodes.build();
                all.putAll(configs);
                KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(built);
                all.forEach(builder::setConfigProp);
                kit = builder.build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                Map<String, Object> client = new HashMap<>();
                if (sasl) {
                    client.putAll(saslPlainClientProperties(SASL_ADMIN_USER, SASL_ADMIN_PASSWORD));
                } else if (tls != null) {
                    client.putAll(SaslSslSetup.clientProperties(SCRAM_ADMIN_USER, SCRAM_ADMIN_PASSWORD,
                            tls.truststore(), tls.password()));
                }
                return new KafkaTestCluster(kit, client, tls);
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
