package dev.kafkadr.mirror.validate;

import static dev.kafkadr.mirror.validate.RuleTesting.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.mirror.Examples;
import org.junit.jupiter.api.Test;

class StrimziAccessRuleTest {

    @Test
    void sasl_ssl_cluster_without_strimzi_access_is_two_warnings() {
        String yaml = Examples.minimal("").replace("    brokers: 3\n    minInsyncReplicas: 2\n  b:",
                "    brokers: 3\n    minInsyncReplicas: 2\n    client: {security.protocol: SASL_SSL}\n  b:");
        assertThat(lines(new StrimziAccessRule(), yaml)).containsExactly(
                "WARNING STRIMZI_ACCESS [cluster a] clusters.a.strimzi.tls: security.protocol is SASL_SSL but no "
                        + "trusted certificates are given for Strimzi; fix: add strimzi.tls.trustedCertificates naming "
                        + "the cluster CA Secret",
                "WARNING STRIMZI_ACCESS [cluster a] clusters.a.strimzi.authentication: security.protocol is SASL_SSL "
                        + "but no Strimzi authentication is given; fix: add strimzi.authentication (e.g. type: "
                        + "scram-sha-512 with a passwordSecret)");
    }
}
