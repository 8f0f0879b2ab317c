package dev.kafkadr.restore.integration;

import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.restore.cli.Main;
import dev.kafkadr.restore.testing.ArchivedCorpus;
import dev.kafkadr.restore.testing.TargetAssert;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.CommandResult;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target cluster with SASL_PLAINTEXT/PLAIN and an authorizer: --command-config with the right credentials
 * restores. Wrong credentials and a principal without ACLs are cases K19/K20 of the bad-input catalogue
 * ({@code KdrBadInputCatalogIT}).
 */
class SaslTargetIT {

    @TempDir
    static Path dir;
    static ArchivedCorpus corpus;
    static KafkaTestCluster kafka;
    final CommandContext kdr = new CommandContext(Main::commandLine);

    @BeforeAll
    static void start() {
        corpus = ArchivedCorpus.writeTo(dir.resolve("archive"));
        kafka = KafkaTestCluster.builder().saslPlain().start();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Path commandConfig(String name, String user, String password) throws IOException {
        Map<String, String> props = KafkaTestCluster.saslPlainClientProperties(user, password);
        String text = props.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().replace("\\", "\\\\"))
                .collect(Collectors.joining("\n")) + "\ndefault.api.timeout.ms=10000\nrequest.timeout.ms=5000\n";
        return Files.writeString(dir.resolve(name), text);
    }

    private CommandResult restore(Path config, String... more) {
        String[] base = {"restore", "topics", "--store", corpus.storeUri(), "--bootstrap-server",
                kafka.bootstrapServers(), "--command-config", config.toString(), "--topics", "txn"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return kdr.run(all);
    }

    @Test
    void the_right_credentials_in_command_config_restore() throws Exception {
        restore(commandConfig("admin.properties", KafkaTestCluster.SASL_ADMIN_USER,
                KafkaTestCluster.SASL_ADMIN_PASSWORD), "--rename", "txn=txn-sasl").assertSuccess();
        Map<Integer, java.util.List<ArchivedRecord>> expected = Map.of(0, corpus.expected("txn", 0));
        TargetAssert.topicHolds(kafka, "txn-sasl", expected);
    }
}
