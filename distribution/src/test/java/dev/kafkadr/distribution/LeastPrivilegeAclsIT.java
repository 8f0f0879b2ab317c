package dev.kafkadr.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkadr.agent.cli.AgentCommand;
import dev.kafkadr.cli.Cli;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.CommandResult;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka ACLs docs/operations.md lists, on a real cluster with Kafka's StandardAuthorizer: the agent backs up with
 * exactly those (and fails, committing nothing, without any one of them), and the Kafka operations a restore makes
 * (create topics with configs, idempotent acks=all produce, commit group offsets) work with the restore's list.
 */
class LeastPrivilegeAclsIT {

    static final String USER = "User:" + KafkaTestCluster.SASL_USER;

    static KafkaTestCluster kafka;
    @TempDir
    static Path dir;
    static Path userProperties;

    final CommandContext cli = new CommandContext(() -> Cli.commandLine(new AgentCommand()));

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaTestCluster.builder().saslPlain()
                .config("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .config("super.users", "User:" + KafkaTestCluster.SASL_ADMIN_USER).start();
        kafka.createTopic("orders", 2);
        try (var p = kafka.producer()) {
            for (int i = 0; i < 10; i++) {
                p.send(new ProducerRecord<>("orders", i % 2, null, ("v" + i).getBytes()));
            }
        }
        try (Admin admin = kafka.admin()) {
            admin.alterConsumerGroupOffsets("billing", Map.of(new TopicPartition("orders", 0),
                    new OffsetAndMetadata(3))).all().get();
        }
        Map<String, Object> props = new HashMap<>(KafkaTestCluster.saslPlainClientProperties(KafkaTestCluster.SASL_USER,
                KafkaTestCluster.SASL_USER_PASSWORD));
        props.put("default.api.timeout.ms", "10000");
        props.put("request.timeout.ms", "5000");
        userProperties = Files.writeString(dir.resolve("user.properties"), props.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")) + "\n");
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    static AclBinding allow(ResourceType type, String name, PatternType pattern, AclOperation op) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(USER, "*", op, AclPermissionType.ALLOW));
    }

    /** The agent's ACLs as docs/operations.md lists them (topics and groups by prefix, as an operator would). */
    static final List<AclBinding> AGENT = List.of(
            allow(ResourceType.TOPIC, "ord", PatternType.PREFIXED, AclOperation.READ),
            allow(ResourceType.TOPIC, "ord", PatternType.PREFIXED, AclOperation.DESCRIBE_CONFIGS),
            allow(ResourceType.GROUP, "*", PatternType.LITERAL, AclOperation.DESCRIBE),
            allow(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.DESCRIBE));

    static void grant(List<AclBinding> acls) throws Exception {
        try (Admin admin = kafka.admin()) {
            admin.createAcls(acls).all().get();
        }
        awaitEffective(acls, true);
    }

    static void revoke(List<AclBinding> acls) throws Exception {
        try (Admin admin = kafka.admin()) {
            admin.deleteAcls(acls.stream().map(AclBinding::toFilter).toList()).all().get();
        }
        awaitEffective(acls, false);
    }

    /**
     * The broker's authorizer applies ACL changes asynchronously: wait until the principal itself sees each change
     * (through the Kafka call the ACL governs), so the next run is deterministic.
     */
    static void awaitEffective(List<AclBinding> acls, boolean granted) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        try (Admin user = Admin.create(userClient())) {
            for (AclBinding acl : acls) {
                while (allowed(user, acl) != granted) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("ACL change not effective after 30 s: " + acl + " granted=" + granted);
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    static boolean allowed(Admin user, AclBinding acl) throws InterruptedException {
        if (!AGENT.contains(acl)) {
            return granted(acl); // the restore test's ACLs: its own operations retry until they are effective
        }
        try {
            switch (acl.entry().operation()) {
                case READ -> {
                    return user.listTopics().names().get().contains("orders");
                }
                case DESCRIBE_CONFIGS -> user.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC,
                        "orders"))).all().get();
                case DESCRIBE -> {
                    if (acl.pattern().resourceType() == ResourceType.GROUP) {
                        user.describeConsumerGroups(List.of("billing")).all().get();
                    } else {
                        user.describeAcls(AclBindingFilter.ANY).values().get();
                    }
                }
                default -> throw new IllegalArgumentException(acl.toString());
            }
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthorizationException) {
                return false;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Whether the controller has the binding (for ACLs whose effect the test's own calls wait for). */
    static boolean granted(AclBinding acl) throws InterruptedException {
        try (Admin admin = kafka.admin()) {
            return !admin.describeAcls(acl.toFilter()).values().get().isEmpty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    static Map<String, Object> userClient() {
        Map<String, Object> props = new HashMap<>(KafkaTestCluster.saslPlainClientProperties(KafkaTestCluster.SASL_USER,
                KafkaTestCluster.SASL_USER_PASSWORD));
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("default.api.timeout.ms", "10000");
        props.put("request.timeout.ms", "5000");
        return props;
    }

    CommandResult backup(String store, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--once", "--bootstrap-server", kafka.bootstrapServers(),
                "--command-config", userProperties.toString(), "--store", dir.resolve(store).toUri().toString(),
                "--cluster-name", "prod", "--topics", "orders", "--set", "metrics.port=-1"));
        args.addAll(List.of(extra));
        return cli.run(args.toArray(String[]::new));
    }

    static long committedRuns(String store) throws Exception {
        Path manifests = dir.resolve(store).resolve("clusters/prod/manifests");
        if (!Files.isDirectory(manifests)) {
            return 0;
        }
        try (var s = Files.list(manifests)) {
            return s.count();
        }
    }

    static String runFile(String store, String name) throws Exception {
        try (var s = Files.walk(dir.resolve(store).resolve("clusters/prod/runs"))) {
            return Files.readString(s.filter(f -> f.getFileName().toString().equals(name)).findFirst().orElseThrow());
        }
    }

    @Test
    void the_agent_needs_exactly_read_and_describe_configs_on_topics_describe_on_groups_and_on_the_cluster()
            throws Exception {
        grant(AGENT);
        try {
            CommandResult ok = backup("all-acls");
            ok.assertSuccess();
            assertThat(runFile("all-acls", "groups.json")).contains("\"group\":\"billing\"");
            assertThat(runFile("all-acls", "acls.json")).contains("\"authorizer\":true").contains(USER);

            for (AclBinding missing : AGENT) {
                revoke(List.of(missing));
                String store = "without-" + missing.pattern().resourceType() + "-" + missing.entry().operation();
                CommandResult r = backup(store);
                if (missing.entry().operation() == AclOperation.READ) {
                    // READ implies DESCRIBE: without it the topics are invisible, not forbidden
                    assertThat(r.exitCode()).as("exit code without %s", missing).isEqualTo(4);
                    assertThat(r.err()).startsWith("kdr-agent: error: topics.include [orders] (exclude []) matches "
                            + "no topic of cluster prod at " + kafka.bootstrapServers() + " (0 topics exist)");
                } else {
                    assertThat(r.exitCode()).as("exit code without %s", missing).isEqualTo(6);
                    assertThat(r.err()).as("without %s", missing).startsWith("kdr-agent: error: not authorized to "
                            + "back up cluster prod");
                }
                assertThat(r.err()).hasLineCount(1);
                assertThat(committedRuns(store)).isZero();
                grant(List.of(missing));
            }
        } finally {
            revoke(AGENT);
        }
    }

    @Test
    void without_the_acl_snapshot_the_cluster_describe_acl_is_not_needed() throws Exception {
        List<AclBinding> acls = AGENT.subList(0, 3);
        grant(acls);
        try {
            backup("no-acl-snapshot", "--set", "backup.acls.enabled=false").assertSuccess();
            assertThat(runFile("no-acl-snapshot", "groups.json")).contains("\"group\":\"billing\"");
        } finally {
            revoke(acls);
        }
    }

    @Test
    void kdr_restore_of_topics_and_offsets_runs_with_the_documented_restore_acls() throws Exception {
        Path adminProps = Files.writeString(dir.resolve("admin.properties"), KafkaTestCluster
                .saslPlainClientProperties(KafkaTestCluster.SASL_ADMIN_USER, KafkaTestCluster.SASL_ADMIN_PASSWORD)
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")));
        String store = dir.resolve("for-restore").toUri().toString();
        cli.run("--once", "--bootstrap-server", kafka.bootstrapServers(), "--command-config", adminProps.toString(),
                "--store", store, "--cluster-name", "prod", "--topics", "orders", "--set", "metrics.port=-1")
                .assertSuccess();
        CommandContext kdr = new CommandContext(() -> Cli.commandLine(new dev.kafkadr.restore.cli.KdrCommand()));
        String[] common = {"--store", store, "--bootstrap-server", kafka.bootstrapServers(), "--command-config",
                userProperties.toString(), "--rename", "orders=kdr.orders"};
        List<AclBinding> restore = List.of(
                allow(ResourceType.TOPIC, "kdr.", PatternType.PREFIXED, AclOperation.CREATE),
                allow(ResourceType.TOPIC, "kdr.", PatternType.PREFIXED, AclOperation.WRITE),
                allow(ResourceType.TOPIC, "kdr.", PatternType.PREFIXED, AclOperation.READ),
                allow(ResourceType.TOPIC, "kdr.", PatternType.PREFIXED, AclOperation.DESCRIBE_CONFIGS),
                allow(ResourceType.GROUP, "billing", PatternType.LITERAL, AclOperation.READ));
        CommandResult denied = kdr.run(concat(new String[] {"restore", "topics"}, common));
        assertThat(denied.exitCode()).as(denied.err()).isEqualTo(6);
        assertThat(denied.err()).hasLineCount(1).startsWith("kdr: error: not authorized");
        grant(restore);
        try {
            CommandResult topics = retryWhileDenied(() -> kdr.run(concat(new String[] {"restore", "topics"}, common)));
            topics.assertSuccess();
            CommandResult offsets = kdr.run(concat(new String[] {"restore", "offsets"}, common));
            offsets.assertSuccess();
            try (Admin admin = kafka.admin()) {
                assertThat(admin.listConsumerGroupOffsets("billing").partitionsToOffsetAndMetadata().get())
                        .containsKey(new TopicPartition("kdr.orders", 0));
            }
        } finally {
            revoke(restore);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** ACLs reach the broker's authorizer asynchronously: retry a denied command for a few seconds. */
    private static CommandResult retryWhileDenied(java.util.function.Supplier<CommandResult> command)
            throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        CommandResult r = command.get();
        while (r.exitCode() == 6 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            r = command.get();
        }
        return r;
    }

    @Test
    void restore_operations_work_with_create_write_and_read_on_topics_and_read_on_groups() throws Exception {
        List<AclBinding> restore = List.of(
                allow(ResourceType.TOPIC, "restored.", PatternType.PREFIXED, AclOperation.CREATE),
                allow(ResourceType.TOPIC, "restored.", PatternType.PREFIXED, AclOperation.WRITE),
                allow(ResourceType.TOPIC, "restored.", PatternType.PREFIXED, AclOperation.READ),
                allow(ResourceType.GROUP, "restored.", PatternType.PREFIXED, AclOperation.READ));
        Map<String, Object> props = userClient();
        try (Admin user = Admin.create(props)) {
            assertThatThrownBy(() -> user.createTopics(List.of(new NewTopic("restored.orders", 2, (short) 1)))
                    .all().get()).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            grant(restore);
            NewTopic topic = new NewTopic("restored.orders", 2, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact", "retention.ms", "604800000"));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (true) { // the broker applies the new ACLs asynchronously (all four in one metadata batch)
                try {
                    user.createTopics(List.of(topic)).all().get();
                    break;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicAuthorizationException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(50);
                }
            }

            Map<String, Object> producerProps = new HashMap<>(props);
            producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
            producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producerProps.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps)) {
                // idempotent producer without IDEMPOTENT_WRITE on the cluster: WRITE on a topic is enough in Kafka 4
                producer.send(new ProducerRecord<>("restored.orders", 0, "k".getBytes(), "v".getBytes())).get();
            }
            user.alterConsumerGroupOffsets("restored.billing", Map.of(new TopicPartition("restored.orders", 0),
                    new OffsetAndMetadata(1))).all().get();
            assertThat(user.listConsumerGroupOffsets("restored.billing").partitionsToOffsetAndMetadata().get())
                    .containsEntry(new TopicPartition("restored.orders", 0), new OffsetAndMetadata(1));
        } finally {
            revoke(restore);
        }
    }
}
