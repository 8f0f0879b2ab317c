package dev.kafkadr.mirror.validate;

import dev.kafkadr.mirror.plan.ClusterSpec;
import dev.kafkadr.mirror.plan.DrPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * STRIMZI_ACCESS: Strimzi does not take {@code security.*}, {@code ssl.*} or {@code sasl.*} client settings; it
 * needs {@code tls.trustedCertificates} and {@code authentication} naming Secrets. A cluster whose client settings
 * use TLS or SASL without those would make the Strimzi resource fail to connect. Stateless.
 */
public final class StrimziAccessRule implements Rule {

    @Override
    public List<Finding> check(DrPlan plan) {
        List<Finding> out = new ArrayList<>();
        TreeSet<String> used = new TreeSet<>();
        plan.flows().forEach(f -> {
            used.add(f.source());
            used.add(f.target());
        });
        for (String alias : used) {
            ClusterSpec c = plan.clusters().get(alias);
            if (c == null) {
                continue;
            }
            String protocol = c.client().getOrDefault("security.protocol", "PLAINTEXT").toUpperCase(Locale.ROOT);
            String path = "clusters." + alias + ".strimzi";
            if (protocol.contains("SSL") && c.strimzi().trustedCertificates().isEmpty()) {
                out.add(Finding.of(Code.STRIMZI_ACCESS, "cluster " + alias, path + ".tls",
                        "security.protocol is " + protocol + " but no trusted certificates are given for Strimzi",
                        "add strimzi.tls.trustedCertificates naming the cluster CA Secret"));
            }
            if (protocol.startsWith("SASL") && c.strimzi().authentication() == null) {
                out.add(Finding.of(Code.STRIMZI_ACCESS, "cluster " + alias, path + ".authentication",
                        "security.protocol is " + protocol + " but no Strimzi authentication is given",
                        "add strimzi.authentication (e.g. type: scram-sha-512 with a passwordSecret)"));
            }
        }
        return out;
    }
}
