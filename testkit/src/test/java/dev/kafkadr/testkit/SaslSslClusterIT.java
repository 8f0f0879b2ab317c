package dev.kafkadr.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test kit's SASL_SSL cluster is really SCRAM-SHA-512 over TLS with an authorizer that denies by default. */
class SaslSslClusterIT {

    @TempDir
    static Path dir;
    static KafkaTestCluster kafka;

    @BeforeAll
    static void start() {
        kafka = KafkaTestCluster.builder().saslSsl(TestTls.generate(dir.resolve("tls"), "kit-store-pw"))
                .scramUser("alice", "alice-pw").start();
    }

    @AfterAll
    static void stop() {
        kafka.close();
    }

    private Admin admin(Map<String, String> props) {
        Map<String, Object> m = new HashMap<>(props);
        m.put("bootstrap.servers", kafka.bootstrapServers());
        m.put("default.api.timeout.ms", "10000");
        m.put("request.timeout.ms", "5000");
        return Admin.create(m);
    }

    @Test
    void the_admin_creates_produces_and_reads_over_sasl_ssl() {
        kafka.createTopic("t", 1);
        try (var p = kafka.producer()) {
            p.send(new ProducerRecord<>("t", "v".getBytes())).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertEquals(1, kafka.readAll("t", "read_committed").get(0).size());
    }

    @Test
    void a_bootstrapped_user_without_acls_authenticates_but_is_denied() {
        try (Admin alice = admin(kafka.scramClientProperties("alice", "alice-pw"))) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> alice.createTopics(
                    List.of(new org.apache.kafka.clients.admin.NewTopic("alice-t", 1, (short) 1))).all().get());
            assertInstanceOf(TopicAuthorizationException.class, e.getCause());
        }
    }

    @Test
    void a_wrong_password_and_an_untrusted_certificate_are_rejected() {
        try (Admin wrong = admin(kafka.scramClientProperties("alice", "not-alices-pw"))) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> wrong.listTopics().names().get());
            assertInstanceOf(SaslAuthenticationException.class, e.getCause());
        }
        try (Admin untrusted = admin(kafka.scramClientProperties("alice", "alice-pw",
                kafka.tls().untrustedTruststore()))) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> untrusted.listTopics().names().get());
            assertInstanceOf(SslAuthenticationException.class, e.getCause());
        }
    }

    @Test
    void a_user_created_at_runtime_can_log_in() throws Exception {
        kafka.createScramUser("bob", "bob-pw");
        try (Admin bob = admin(kafka.scramClientProperties("bob", "bob-pw"))) {
            bob.listTopics().names().get(); // authenticated; sees no topic without ACLs
        }
    }
}
