package dev.kafkadr.mirror.validate;

import static dev.kafkadr.mirror.validate.RuleTesting.flow;
import static dev.kafkadr.mirror.validate.RuleTesting.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.mirror.Examples;
import org.junit.jupiter.api.Test;

class SecretRuleTest {

    private final Rule rule = new SecretRule();

    @Test
    void clear_text_jaas_config_on_a_cluster_is_an_error_that_does_not_repeat_it() {
        String yaml = Examples.minimal("").replace("    brokers: 3\n    minInsyncReplicas: 2\n  b:",
                "    brokers: 3\n    minInsyncReplicas: 2\n    client:\n      sasl.jaas.config: 'org.apache.kafka.common."
                        + "security.scram.ScramLoginModule required username=\"u\" password=\"hunter2\";'\n  b:");
        assertThat(lines(rule, yaml)).containsExactly("ERROR CLEAR_TEXT_SECRET [cluster a] "
                + "clusters.a.client.sasl.jaas.config: 'sasl.jaas.config' holds a secret in clear text (value not "
                + "shown); fix: move it to the file in clusters.a.secrets.file and list 'sasl.jaas.config' in "
                + "secrets.fileKeys, or name an environment variable under secrets.env")
                .noneMatch(l -> l.contains("hunter2"));
    }

    @Test
    void password_keys_anywhere_are_found_by_mm2_types_and_names() {
        String yaml = Examples.minimal("config: {source.cluster.ssl.key.password: changeit}")
                + "mirrorMaker:\n  worker:\n    some.plugin.api.token: abc\n";
        assertThat(lines(rule, yaml)).containsExactly(
                "ERROR CLEAR_TEXT_SECRET [flow a->b] flows[0].config.source.cluster.ssl.key.password: "
                        + "'source.cluster.ssl.key.password' holds a secret in clear text (value not shown); fix: "
                        + "replace the value with a ${file:PATH:KEY} or ${env:VAR} reference",
                "ERROR CLEAR_TEXT_SECRET [mirrorMaker] mirrorMaker.worker.some.plugin.api.token: "
                        + "'some.plugin.api.token' holds a secret in clear text (value not shown); fix: replace the "
                        + "value with a ${file:PATH:KEY} or ${env:VAR} reference");
    }

    @Test
    void provider_references_are_fine() {
        assertThat(flow(rule, "config: {source.cluster.ssl.key.password: '${file:/etc/kdr/a.properties:ssl.key.password}', "
                + "target.cluster.sasl.jaas.config: '${env:B_JAAS}'}")).isEmpty();
    }
}
