package dev.kafkadr.testkit;

import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.metadata.UserScramCredentialRecord;
import org.apache.kafka.common.security.scram.ScramCredential;
import org.apache.kafka.common.security.scram.internals.ScramFormatter;
import org.apache.kafka.common.security.scram.internals.ScramMechanism;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.ApiMessageAndVersion;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Broker settings and bootstrap metadata for a SASL_SSL (SCRAM-SHA-512 over TLS) client listener with Kafka's
 * StandardAuthorizer. The client listener (the test kit's {@code EXTERNAL}) is SASL_SSL; the controller listener is
 * SASL_PLAINTEXT/PLAIN (KRaft cannot use SCRAM there: credentials live in the metadata log the controller serves).
 * SCRAM users, including the broker's own inter-broker user, are written into the bootstrap metadata, as
 * {@code kafka-storage format --add-scram} does. Stateless helpers.
 */
final class SaslSslSetup {

    static final String MECHANISM = "SCRAM-SHA-512";
    static final String BROKER_USER = "kdr-test-broker";
    static final String CONTROLLER_USER = "kdr-test-controller";
    private static final String BROKER_PASSWORD = "kdr-test-broker-pw";
    private static final String CONTROLLER_PASSWORD = "kdr-test-controller-pw";

    private SaslSslSetup() {
    }

    /** Broker (and controller) settings; {@code superUser} is the test's admin. */
    static Map<String, Object> brokerConfigs(TestTls tls, String superUser) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("listener.security.protocol.map", "EXTERNAL:SASL_SSL,CONTROLLER:SASL_PLAINTEXT");
        c.put("sasl.enabled.mechanisms", MECHANISM);
        c.put("listener.name.external.sasl.enabled.mechanisms", MECHANISM);
        c.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        c.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        c.put("sasl.mechanism.controller.protocol", "PLAIN");
        c.put("listener.name.external.scram-sha-512.sasl.jaas.config",
                scramJaas(BROKER_USER, BROKER_PASSWORD));
        c.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + CONTROLLER_USER
                        + "\" password=\"" + CONTROLLER_PASSWORD + "\" user_" + CONTROLLER_USER + "=\""
                        + CONTROLLER_PASSWORD + "\";");
        c.put("ssl.keystore.location", tls.brokerKeystore().toString());
        c.put("ssl.keystore.password", tls.password());
        c.put("ssl.key.password", tls.password());
        c.put("ssl.keystore.type", TestTls.TYPE);
        c.put("ssl.truststore.location", tls.truststore().toString());
        c.put("ssl.truststore.password", tls.password());
        c.put("ssl.truststore.type", TestTls.TYPE);
        c.put("ssl.client.auth", "none");
        c.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        c.put("allow.everyone.if.no.acl.found", "false");
        c.put("super.users", "User:" + superUser + ";User:" + BROKER_USER + ";User:" + CONTROLLER_USER);
        return c;
    }

    /**
     * The test kit's default bootstrap metadata (latest testing metadata version, every production feature at its
     * default level) plus a SCRAM-SHA-512 credential per user (the broker's own included).
     */
    static BootstrapMetadata bootstrapWithUsers(Map<String, String> users) {
        MetadataVersion mv = MetadataVersion.latestTesting();
        Map<String, Short> features = new java.util.TreeMap<>();
        Feature.PRODUCTION_FEATURES.forEach(f -> features.put(f.featureName(), f.defaultLevel(mv)));
        List<ApiMessageAndVersion> records = new ArrayList<>(
                BootstrapMetadata.fromVersions(mv, features, "testkit").records());
        Map<String, String> all = new LinkedHashMap<>(users);
        all.put(BROKER_USER, BROKER_PASSWORD);
        all.forEach((user, password) -> records.add(new ApiMessageAndVersion(scramRecord(user, password), (short) 0)));
        return BootstrapMetadata.fromRecords(records, "kdr testkit with SCRAM users");
    }

    static UserScramCredentialRecord scramRecord(String user, String password) {
        try {
            ScramCredential c = new ScramFormatter(ScramMechanism.SCRAM_SHA_512).generateCredential(password, 4096);
            return new UserScramCredentialRecord().setName(user).setMechanism(ScramMechanism.SCRAM_SHA_512.type())
                    .setSalt(c.salt()).setStoredKey(c.storedKey()).setServerKey(c.serverKey())
                    .setIterations(c.iterations());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Client settings for SCRAM-SHA-512 over TLS as {@code user}, trusting the CAs in {@code truststore}. */
    static Map<String, String> clientProperties(String user, String password, java.nio.file.Path truststore,
            String truststorePassword) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("security.protocol", "SASL_SSL");
        m.put("sasl.mechanism", MECHANISM);
        m.put("sasl.jaas.config", scramJaas(user, password));
        m.put("ssl.truststore.location", truststore.toString());
        m.put("ssl.truststore.password", truststorePassword);
        m.put("ssl.truststore.type", TestTls.TYPE);
        return m;
    }

    /** Creates or updates a SCRAM-SHA-512 user through {@code admin} and waits until the broker describes it. */
    static void upsertUser(Admin admin, String user, String password) {
        try {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512, 4096),
                    password))).all().get();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (admin.describeUserScramCredentials(List.of(user)).all().get().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("SCRAM user " + user + " not visible after 30 s");
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating SCRAM user " + user, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not create SCRAM user " + user, e.getCause());
        }
    }
}
