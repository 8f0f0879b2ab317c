package dev.kafkadr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.testkit.CommandResult;
import dev.kafkadr.testkit.ClientPropertiesFile;
import dev.kafkadr.testkit.KafkaTestCluster;
import dev.kafkadr.testkit.TestTls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real broker with SASL_SSL (SCRAM-SHA-512 over TLS, certificates generated for the test) and Kafka's
 * StandardAuthorizer: the real agent backs up as a principal holding only the agent's documented read-only ACLs, and
 * the real kdr restores topics and group offsets as a principal holding only the restore ACLs, both through
 * --command-config files. A wrong password or a trust store without the broker's CA fails with one line on stderr
 * that says what to check, and writes nothing.
 */
class SaslSslIT {

    static final String BACKUP_USER = "kdr-backup";
    static final String BACKUP_PASSWORD = "backup-scram-pw";
    static final String RESTORE_USER = "kdr-restore";
    static final String RESTORE_PASSWORD = "restore-scram-pw";

    @TempDir
    static Path dir;
    static KafkaTestCluster kafka;
    static Path backupConfig;
    static Path restoreConfig;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaTestCluster.builder().saslSsl(TestTls.generate(dir.resolve("tls"), "tls-store-pw"))
                .scramUser(BACKUP_USER, BACKUP_PASSWORD).scramUser(RESTORE_USER, RESTORE_PASSWORD).start();
        kafka.createTopic("orders", 2);
        try (var producer = kafka.producer()) {
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>("orders", i % 2, ("k" + i).getBytes(), ("v" + i).getBytes()));
            }
        }
        try (Admin admin = kafka.admin()) {
            admin.alterConsumerGroupOffsets("billing", Map.of(new TopicPartition("orders", 0),
                    new OffsetAndMetadata(4))).all().get();
            admin.createAcls(acls()).all().get();
        }
        backupConfig = config("backup.properties", kafka.scramClientProperties(BACKUP_USER, BACKUP_PASSWORD));
        restoreConfig = config("restore.properties", kafka.scramClientProperties(RESTORE_USER, RESTORE_PASSWORD));
        awaitAgentAclsEffective();
        backup(backupConfig, "archive").assertSuccess(); // the agent as the least-privileged principal
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    static Path config(String name, Map<String, String> props) {
        Map<String, Object> all = new HashMap<>(props);
        all.put("default.api.timeout.ms", "20000");
        all.put("request.timeout.ms", "10000");
        return ClientPropertiesFile.write(dir.resolve(name), all);
    }

    static AclBinding allow(String user, ResourceType type, String name, PatternType pattern, AclOperation op) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user, "*", op, AclPermissionType.ALLOW));
    }

    /** docs/operations.md: the agent's read-only ACLs, and the restore's ACLs on the renamed targets. */
    static List<AclBinding> acls() {
        return List.of(
                allow(BACKUP_USER, ResourceType.TOPIC, "orders", PatternType.PREFIXED, AclOperation.READ),
                allow(BACKUP_USER, ResourceType.TOPIC, "orders", PatternType.PREFIXED, AclOperation.DESCRIBE_CONFIGS),
                allow(BACKUP_USER, ResourceType.GROUP, "*", PatternType.LITERAL, AclOperation.DESCRIBE),
                allow(BACKUP_USER, ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.DESCRIBE),
                allow(RESTORE_USER, ResourceType.TOPIC, "restored.", PatternType.PREFIXED, AclOperation.CREATE),
                allow(RESTORE_USER, ResourceType.TOPIC, "restored.", PatternType.PREFIXED, AclOperation.WRITE),
                allow(RESTORE_USER, ResourceType.TOPIC, "restored.", PatternType.PREFIXED, AclOperation.READ),
                allow(RESTORE_USER, ResourceType.TOPIC, "restored.", PatternType.PREFIXED,
                        AclOperation.DESCRIBE_CONFIGS),
                allow(RESTORE_USER, ResourceType.GROUP, "billing", PatternType.LITERAL, AclOperation.READ));
    }

    /** The broker applies ACLs asynchronously (all of one createAcls call at once): wait until the agent sees them. */
    static void awaitAgentAclsEffective() {
        Map<String, Object> props = new HashMap<>(kafka.scramClientProperties(BACKUP_USER, BACKUP_PASSWORD));
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (Admin user = Admin.create(props)) {
            Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                user.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, "orders"))).all().get();
                user.describeConsumerGroups(List.of("billing")).all().get();
                user.describeAcls(AclBindingFilter.ANY).values().get();
                return user.listTopics().names().get().contains("orders");
            });
        }
    }

    static CommandResult backup(Path config, String store) {
        return RoundTrip.AGENT.run("--once", "--bootstrap-server", kafka.bootstrapServers(), "--command-config",
                config.toString(), "--store", dir.resolve(store).toUri().toString(), "--cluster-name", "prod",
                "--topics", "orders", "--set", "metrics.port=-1");
    }

    static CommandResult restore(String what, Path config, String store, String target) {
        return RoundTrip.KDR.run("restore", what, "--store", dir.resolve(store).toUri().toString(),
                "--bootstrap-server", kafka.bootstrapServers(), "--command-config", config.toString(), "--cluster",
                "prod", "--topics", "orders", "--rename", "orders=" + target);
    }

    static List<Path> filesUnder(String store) throws Exception {
        Path root = dir.resolve(store);
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    static List<String> topics() throws Exception {
        try (Admin admin = kafka.admin()) {
            return new ArrayList<>(admin.listTopics().names().get());
        }
    }

    @Test
    void the_agent_backs_up_and_kdr_restores_topics_and_offsets_through_command_config_files() throws Exception {
        restore("topics", restoreConfig, "archive", "restored.orders").assertSuccess();
        restore("offsets", restoreConfig, "archive", "restored.orders").assertSuccess();

        var store = new LocalObjectStore(dir.resolve("archive"), StoreOptions.empty());
        Map<Integer, List<ArchivedRecord>> archived = RoundTrip.archived(store, "prod", "orders");
        assertThat(archived.values().stream().mapToInt(List::size).sum()).isEqualTo(20);
        var restored = kafka.readAll("restored.orders", "read_committed");
        archived.forEach((p, records) -> RoundTrip.assertRestored(restored.get(p), records, "restored.orders-" + p));
        try (Admin admin = kafka.admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("billing")
                    .partitionsToOffsetAndMetadata().get();
            assertThat(offsets).containsEntry(new TopicPartition("restored.orders", 0),
                    new OffsetAndMetadata(RoundTrip.translate(archived.get(0), 4)));
        }
    }

    @Test
    void a_wrong_password_fails_in_one_line_and_writes_nothing() throws Exception {
        Path wrong = config("wrong.properties", kafka.scramClientProperties(BACKUP_USER, "not-the-password"));
        CommandResult agent = backup(wrong, "wrong-password");
        assertThat(agent.exitCode()).as(agent.err()).isEqualTo(6);
        assertThat(agent.err()).hasLineCount(1).startsWith("kdr-agent: error: authentication to "
                + kafka.bootstrapServers() + " failed while trying to back up cluster prod: ")
                .contains("invalid credentials with SASL mechanism SCRAM-SHA-512")
                .contains("check the SASL mechanism, user name and password in --command-config");
        assertThat(filesUnder("wrong-password")).isEmpty();

        Path wrongRestore = config("wrong-restore.properties", kafka.scramClientProperties(RESTORE_USER, "nope"));
        CommandResult kdr = restore("topics", wrongRestore, "archive", "restored.wrong");
        assertThat(kdr.exitCode()).as(kdr.err()).isEqualTo(6);
        assertThat(kdr.err()).hasLineCount(1).startsWith("kdr: error: authentication to ")
                .contains("check the SASL mechanism, user name and password in --command-config");
        assertThat(topics()).doesNotContain("restored.wrong");
    }

    @Test
    void a_trust_store_without_the_brokers_ca_fails_in_one_line_naming_the_tls_handshake() throws Exception {
        Path untrusted = config("untrusted.properties", kafka.scramClientProperties(BACKUP_USER, BACKUP_PASSWORD,
                kafka.tls().untrustedTruststore()));
        CommandResult agent = backup(untrusted, "untrusted");
        assertThat(agent.exitCode()).as(agent.err()).isEqualTo(6);
        assertThat(agent.err()).hasLineCount(1).startsWith("kdr-agent: error: TLS handshake with "
                + kafka.bootstrapServers() + " failed while trying to back up cluster prod: ")
                .endsWith("the broker's certificate is not trusted (unable to find valid certification path to "
                        + "requested target): check that ssl.truststore.location in --command-config holds the CA "
                        + "that signed the broker's certificate (and ssl.truststore.type/password)"
                        + System.lineSeparator());
        assertThat(filesUnder("untrusted")).isEmpty();

        Path untrustedRestore = config("untrusted-restore.properties", kafka.scramClientProperties(RESTORE_USER,
                RESTORE_PASSWORD, kafka.tls().untrustedTruststore()));
        CommandResult kdr = restore("topics", untrustedRestore, "archive", "restored.untrusted");
        assertThat(kdr.exitCode()).as(kdr.err()).isEqualTo(6);
        assertThat(kdr.err()).hasLineCount(1).startsWith("kdr: error: TLS handshake with ")
                .contains("not trusted").contains("ssl.truststore");
        assertThat(topics()).doesNotContain("restored.untrusted");
    }

    @Test
    void a_wrong_trust_store_password_is_a_one_line_usage_error() throws Exception {
        Map<String, String> props = new HashMap<>(kafka.scramClientProperties(BACKUP_USER, BACKUP_PASSWORD));
        props.put("ssl.truststore.password", "not-the-store-password");
        CommandResult agent = backup(config("bad-store-password.properties", props), "bad-store-password");
        assertThat(agent.exitCode()).as(agent.err()).isEqualTo(2);
        assertThat(agent.err()).hasLineCount(1).startsWith("kdr-agent: error: cannot set up TLS to "
                + kafka.bootstrapServers() + " while trying to back up cluster prod: Failed to load SSL keystore "
                + kafka.tls().truststore() + " of type PKCS12 (keystore password was incorrect): check "
                + "ssl.truststore.* / ssl.keystore.* (location, type, password) in --command-config")
                .doesNotContain("not-the-store-password");
        assertThat(filesUnder("bad-store-password")).isEmpty();
    }
}
