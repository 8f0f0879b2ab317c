package dev.kafkadr.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkadr.archive.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientConfigTest {

    @TempDir
    Path dir;

    @Test
    void command_config_settings_pass_through_with_kafkas_own_names() throws Exception {
        Path f = dir.resolve("client.properties");
        Files.writeString(f, "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"u\" password=\"s3cret\";\n");
        KafkaClientConfig c = KafkaClientConfig.load("h1:9092,h2:9092", f);
        assertThat(c.consumer("x", Map.of())).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("bootstrap.servers", "h1:9092,h2:9092")
                .containsEntry("enable.auto.commit", "false").containsEntry("isolation.level", "read_committed");
        assertThat(c.producer("x", Map.of())).containsEntry("acks", "all").containsEntry("enable.idempotence", "true");
        assertThat(c.toString()).doesNotContain("s3cret").contains("[hidden]");
    }

    @Test
    void unsafe_overrides_are_refused_naming_the_setting() throws Exception {
        Path f = dir.resolve("c.properties");
        Files.writeString(f, "acks=1\n");
        KafkaClientConfig c = KafkaClientConfig.load("h:1", f);
        assertThatThrownBy(() -> c.producer("x", Map.of())).isInstanceOf(UsageException.class)
                .hasMessageContaining("acks=1 in " + f + " is not allowed");
        Files.writeString(f, "enable.auto.commit=true\n");
        assertThatThrownBy(() -> KafkaClientConfig.load("h:1", f).consumer("x", Map.of()))
                .hasMessageContaining("enable.auto.commit=true");
    }

    @Test
    void missing_file_and_bad_bootstrap_are_usage_errors() {
        assertThatThrownBy(() -> KafkaClientConfig.load("h:1", dir.resolve("nope.properties")))
                .isInstanceOf(UsageException.class).hasMessageContaining("nope.properties does not exist");
        assertThatThrownBy(() -> KafkaClientConfig.load("localhost", null))
                .hasMessage("bootstrap server 'localhost' must be HOST:PORT");
        assertThatThrownBy(() -> KafkaClientConfig.load(null, null)).hasMessageContaining("no bootstrap servers");
    }
}
