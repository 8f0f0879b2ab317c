package dev.kafkadr.agent.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.agent.cli.AgentCommand;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import dev.kafkadr.cli.Cli;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.CommandResult;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kdr-agent command line against a real SASL cluster: one-off runs and every kind of bad input. */
class AgentCliIT {

    static KafkaTestCluster kafka;
    @TempDir
    static Path dir;
    static Path adminProps;

    final CommandContext cli = new CommandContext(() -> Cli.commandLine(new AgentCommand()));

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaTestCluster.builder().saslPlain().start();
        kafka.createTopic("orders", 3);
        try (var p = kafka.producer()) {
            for (int i = 0; i < 30; i++) {
                p.send(new org.apache.kafka.clients.producer.ProducerRecord<>("orders", i % 3, null,
                        ("v" + i).getBytes()));
            }
        }
        adminProps = properties("admin.properties", KafkaTestCluster.saslPlainClientProperties(
                KafkaTestCluster.SASL_ADMIN_USER, KafkaTestCluster.SASL_ADMIN_PASSWORD));
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    static Path properties(String name, Map<String, ?> props) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, props.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")) + "\ndefault.api.timeout.ms=5000\nrequest.timeout.ms=3000\n");
        return f;
    }

    private static long manifests(Path store) throws Exception {
        Path m = store.resolve("clusters/prod/manifests");
        if (!Files.isDirectory(m)) {
            return 0;
        }
        try (var s = Files.list(m)) {
            return s.count();
        }
    }

    @Test
    void a_one_off_run_needs_no_config_file_and_exits_0_once_committed() throws Exception {
        Path store = dir.resolve("archive-ok");
        CommandResult r = cli.run("--once", "--bootstrap-server", kafka.bootstrapServers(), "--command-config",
                adminProps.toString(), "--store", store.toUri().toString(), "--topics", "ord.*", "--cluster-name",
                "prod", "--set", "metrics.port=-1");
        r.assertSuccess();
        assertThat(r.out()).contains("committed: 1 topics, 3 partitions (3 changed), 30 records");
        assertThat(manifests(store)).isEqualTo(1);
        assertThat(Files.readString(store.resolve("clusters/prod/manifests").toFile().listFiles()[0].toPath()))
                .doesNotContain(KafkaTestCluster.SASL_ADMIN_PASSWORD);
    }

    @Test
    void wrong_sasl_credentials_are_one_line_exit_6_and_no_commit() throws Exception {
        Path store = dir.resolve("archive-badauth");
        Path wrong = properties("wrong.properties", KafkaTestCluster.saslPlainClientProperties(
                KafkaTestCluster.SASL_ADMIN_USER, "not-the-password"));
        CommandResult r = cli.run("--once", "--bootstrap-server", kafka.bootstrapServers(), "--command-config",
                wrong.toString(), "--store", store.toUri().toString(), "--cluster-name", "prod");
        assertThat(r.exitCode()).isEqualTo(6);
        assertThat(r.err()).hasLineCount(1).contains("kdr-agent: error: authentication to "
                + kafka.bootstrapServers() + " failed").doesNotContain("not-the-password");
        assertThat(manifests(store)).isZero();
    }

    @Test
    void an_unreachable_broker_is_one_line_exit_5() throws Exception {
        Path plain = properties("plain.properties", Map.of());
        CommandResult r = cli.run("--once", "--bootstrap-server", "127.0.0.1:1", "--command-config",
                plain.toString(), "--store", dir.resolve("archive-down").toUri().toString());
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).hasLineCount(1).contains("Kafka at 127.0.0.1:1 did not answer");
        assertThat(manifests(dir.resolve("archive-down"))).isZero();
    }

    @Test
    void a_topic_pattern_matching_nothing_fails_without_committing_an_empty_run() throws Exception {
        Path store = dir.resolve("archive-nothing");
        CommandResult r = cli.run("--once", "--bootstrap-server", kafka.bootstrapServers(), "--command-config",
                adminProps.toString(), "--store", store.toUri().toString(), "--topics", "ordrs.*",
                "--cluster-name", "prod");
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).hasLineCount(1).contains("topics.include [ordrs.*]").contains("matches no topic");
        assertThat(manifests(store)).isZero();
    }

    @Test
    void an_unwritable_store_fails_and_writes_no_commit() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        CommandResult r = cli.run("--once", "--bootstrap-server", kafka.bootstrapServers(), "--command-config",
                adminProps.toString(), "--store", file.resolve("archive").toUri().toString(), "--cluster-name",
                "prod");
        assertThat(r.exitCode()).isIn(5, 6);
        assertThat(r.err()).hasLineCount(1).contains(file.resolve("archive").toUri().toString());
        assertThat(new LocalObjectStore(file.getParent(), StoreOptions.empty()).exists("not-a-directory")).isTrue();
    }

    @Test
    void a_bad_config_file_is_exit_2_naming_the_key() throws Exception {
        Path yaml = Files.writeString(dir.resolve("bad.yaml"), "source:\n  bootstrap-servers: h:1\nstore:\n"
                + "  uri: file:///tmp/x\nschedule:\n  cron: '0 0 2 * *'\n");
        CommandResult r = cli.run("--config", yaml.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).hasLineCount(1).contains("schedule.cron");
    }

    @Test
    void service_mode_without_a_schedule_is_a_usage_error() throws Exception {
        CommandResult r = cli.run("--bootstrap-server", kafka.bootstrapServers(), "--store",
                dir.resolve("archive-noschedule").toUri().toString(), "--set", "metrics.port=-1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("schedule.cron is not set");
    }
}
