package dev.kafkadr.restore.cli;

import dev.kafkadr.kafka.KafkaClientConfig;
import dev.kafkadr.restore.TargetCluster;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The target cluster options: {@code --bootstrap-server} and {@code --command-config} (a Kafka client properties
 * file passed through: TLS, SASL, timeouts). Mixin; not thread-safe.
 */
public final class TargetOptions {

    @Option(names = "--bootstrap-server", required = true, paramLabel = "HOST:PORT",
            description = "Kafka cluster to restore into (HOST:PORT[,HOST:PORT...]).")
    String bootstrap;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Kafka client properties for the target (security.protocol, sasl.*, ssl.*, timeouts)."
                    + " acks, idempotence and auto-commit cannot be changed.")
    Path commandConfig;

    /** Connects an admin client; the caller closes it. */
    public TargetCluster connect() {
        return new TargetCluster(KafkaClientConfig.load(bootstrap, commandConfig));
    }
}
