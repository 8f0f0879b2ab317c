package dev.kafkadr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.store.ObjectInfo;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectStores;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.testkit.JavaProcess;
import dev.kafkadr.testkit.ClientPropertiesFile;
import dev.kafkadr.testkit.KafkaTestCluster;
import dev.kafkadr.testkit.S3MockServer;
import dev.kafkadr.testkit.TestTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets the test configures (a SCRAM password, a wrong SCRAM password, the key/trust store password, an S3 secret
 * access key) never appear in anything kafka-dr writes or serves: the real agent (service mode and a failing --once,
 * with -v and every logger at DEBUG) and the real kdr (backups list, verify, restore topics/offsets, a failing
 * restore, mirror validate with a live preview, mirror generate), each a child JVM; their stdout, stderr and log
 * files, every object of the S3 archive (written uncompressed so bytes can be searched), the agent's /metrics and
 * /health, and every generated MirrorMaker 2 file.
 */
class SecretsNeverLeakIT {

    static final String SASL_SECRET = "SASLpw-7f3c91d2e8";
    static final String WRONG_SASL_SECRET = "WRONGpw-42b6a0c9f1";
    static final String STORE_SECRET = "STOREpw-9d1e5a7b3c";
    static final String S3_SECRET = "S3SECRET-c0ffee8a1b2d";
    static final List<String> SECRETS = List.of(SASL_SECRET, WRONG_SASL_SECRET, STORE_SECRET, S3_SECRET);
    static final String USER = "kdr-agent";

    @TempDir
    static Path dir;
    static KafkaTestCluster kafka;
    static S3MockServer s3;
    static String bucket;
    static Path clientProperties;
    static Path wrongProperties;
    static final List<DebugChild.Outcome> runs = new ArrayList<>();
    static String metrics;
    static String health;

    @BeforeAll
    static void runEverythingWithSecrets() throws Exception {
        TestTls tls = TestTls.generate(dir.resolve("tls"), STORE_SECRET);
        kafka = KafkaTestCluster.builder().saslSsl(tls).scramUser(USER, SASL_SECRET).start();
        s3 = S3MockServer.shared();
        bucket = s3.createBucket("kdr-secrets");
        kafka.createTopic("ledger", 2);
        try (var producer = kafka.producer()) {
            for (int i = 0; i < 30; i++) {
                producer.send(new ProducerRecord<>("ledger", i % 2, ("k" + i).getBytes(), ("v" + i).getBytes()));
            }
        }
        try (Admin admin = kafka.admin()) {
            admin.alterConsumerGroupOffsets("ledger-app", Map.of(new TopicPartition("ledger", 0),
                    new OffsetAndMetadata(5))).all().get();
            admin.createAcls(List.of(allow(ResourceType.TOPIC, AclOperation.ALL), allow(ResourceType.GROUP,
                    AclOperation.ALL), new AclBinding(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster",
                    PatternType.LITERAL), new AccessControlEntry("User:" + USER, "*", AclOperation.DESCRIBE,
                    AclPermissionType.ALLOW)))).all().get();
        }
        clientProperties = clientFile("client.properties", SASL_SECRET, tls);
        wrongProperties = clientFile("wrong.properties", WRONG_SASL_SECRET, tls);
        awaitAclsEffective();

        DebugChild child = new DebugChild(dir.resolve("runs"));
        runAgentService(child);
        // the rest is independent of each other except restore topics -> offsets: two lanes
        var restores = java.util.concurrent.CompletableFuture.supplyAsync(() -> restoreLane(child));
        List<DebugChild.Outcome> others = otherLane(child);
        runs.addAll(restores.join());
        runs.addAll(others);
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    static AclBinding allow(ResourceType type, AclOperation op) {
        return new AclBinding(new ResourcePattern(type, "*", PatternType.LITERAL),
                new AccessControlEntry("User:" + USER, "*", op, AclPermissionType.ALLOW));
    }

    /** A client file with a SCRAM password and a key store and trust store, both with the store password. */
    static Path clientFile(String name, String saslPassword, TestTls tls) {
        Map<String, Object> props = new LinkedHashMap<>(kafka.scramClientProperties(USER, saslPassword));
        props.put("ssl.keystore.location", tls.brokerKeystore().toString());
        props.put("ssl.keystore.password", STORE_SECRET);
        props.put("ssl.key.password", STORE_SECRET);
        props.put("ssl.keystore.type", TestTls.TYPE);
        props.put("default.api.timeout.ms", "30000");
        return ClientPropertiesFile.write(dir.resolve(name), props);
    }

    static void awaitAclsEffective() {
        Map<String, Object> props = new HashMap<>(kafka.scramClientProperties(USER, SASL_SECRET));
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (Admin user = Admin.create(props)) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                user.describeConsumerGroups(List.of("ledger-app")).all().get();
                return user.listTopics().names().get().contains("ledger");
            });
        }
    }

    /**
     * agent.yaml; the service's (metrics on a random port) takes the S3 secret from the environment
     * ({@code ${env:…}}), the other holds it in clear text (metrics off).
     */
    static Path agentYaml(boolean service) throws Exception {
        String s3Secret = service ? "'${env:KDR_TEST_S3_SECRET}'" : S3_SECRET;
        return Files.writeString(dir.resolve("agent-" + service + ".yaml"), String.join("\n",
                "source: {name: prod, bootstrap-servers: '" + kafka.bootstrapServers() + "', command-config: '"
                        + clientProperties + "'}",
                "topics: {include: [ledger]}",
                "store: {uri: 's3://" + bucket + "/kdr', s3.endpoint: '" + s3.endpoint() + "', s3.region: "
                        + S3MockServer.REGION + ", s3.path-style-access: true, s3.access-key-id: kdr-test-key-id, "
                        + "s3.secret-access-key: " + s3Secret + "}",
                "schedule: {cron: '0 0 2 * * ?'}",
                "backup: {compression: none}",
                "metrics: {port: " + (service ? 0 : -1) + ", host: 127.0.0.1}", ""));
    }

    /** Service mode: the missed nightly run runs at start-up; scrape /metrics and /health, then SIGTERM. */
    static void runAgentService(DebugChild child) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Path yaml = agentYaml(true);
        try (JavaProcess agent = child.start("agent-service", DebugChild.AGENT, List.of("-v", "--config",
                yaml.toString()), Map.of("KDR_TEST_S3_SECRET", S3_SECRET))) {
            Pattern listening = Pattern.compile("metrics on http://127\\.0\\.0\\.1:([0-9]+)/metrics");
            String port = Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> {
                assertThat(agent.isAlive()).as("agent alive; see %s", agent.log()).isTrue();
                Matcher m = listening.matcher(child.outcome("agent-service", -1).log());
                return m.find() ? m.group(1) : null;
            }, java.util.Objects::nonNull);
            URI base = URI.create("http://127.0.0.1:" + port);
            Awaitility.await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> {
                assertThat(agent.isAlive()).as("agent alive; see %s", agent.log()).isTrue();
                return get(http, base.resolve("/health")).contains("\"lastRun\":\"success\"");
            });
            metrics = get(http, base.resolve("/metrics"));
            health = get(http, base.resolve("/health"));
            agent.terminate();
            runs.add(child.outcome("agent-service", agent.waitFor(60, TimeUnit.SECONDS)));
        }
        assertThat(metrics).contains("kdr_backup_records_total{cluster=\"prod\",topic=\"ledger\"} 30.0");
    }

    static String get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static List<String> store(String... head) {
        List<String> all = new ArrayList<>(List.of(head));
        all.addAll(List.of("-v", "--store", "s3://" + bucket + "/kdr", "--store-option", "s3.endpoint=" + s3.endpoint(),
                "--store-option", "s3.region=" + S3MockServer.REGION, "--store-option", "s3.path-style-access=true",
                "--store-option", "s3.access-key-id=kdr-test-key-id", "--store-option",
                "s3.secret-access-key=" + S3_SECRET));
        return all;
    }

    static List<String> restore(String what, Path config) {
        List<String> all = store("restore", what);
        all.addAll(List.of("--bootstrap-server", kafka.bootstrapServers(), "--command-config", config.toString(),
                "--topics", "ledger", "--rename", "ledger=restored.ledger"));
        return all;
    }

    static List<DebugChild.Outcome> restoreLane(DebugChild child) {
        return List.of(
                expect(child.run("kdr-restore-wrong-password", DebugChild.KDR, restore("topics", wrongProperties),
                        Map.of()), 6),
                expect(child.run("kdr-restore-topics", DebugChild.KDR, restore("topics", clientProperties), Map.of()),
                        0),
                expect(child.run("kdr-restore-offsets", DebugChild.KDR, restore("offsets", clientProperties),
                        Map.of()), 0));
    }

    static List<DebugChild.Outcome> otherLane(DebugChild child) throws Exception {
        List<DebugChild.Outcome> out = new ArrayList<>();
        out.add(expect(child.run("agent-once-wrong-password", DebugChild.AGENT, List.of("--once", "-v", "--config",
                agentYaml(false).toString(), "--command-config", wrongProperties.toString(), "--store",
                "s3://" + bucket + "/wrong"), Map.of()), 6));
        out.add(expect(child.run("kdr-verify", DebugChild.KDR, store("verify", "--deep"), Map.of()), 0));
        Path plan = Files.writeString(dir.resolve("plan.yaml"), plan(false));
        Map<String, String> env = Map.of("KDR_TEST_KEYSTORE_PASSWORD", STORE_SECRET);
        out.add(expect(child.run("kdr-mirror-validate", DebugChild.KDR, List.of("mirror", "validate", "-v", "--plan",
                plan.toString(), "--bootstrap", "primary=" + kafka.bootstrapServers()), env), 0));
        out.add(expect(child.run("kdr-mirror-generate", DebugChild.KDR, List.of("mirror", "generate", "-v", "--plan",
                plan.toString(), "--out", dir.resolve("generated").toString()), env), 0));
        Path clearText = Files.writeString(dir.resolve("clear-text-plan.yaml"), plan(true));
        out.add(expect(child.run("kdr-mirror-generate-clear-text", DebugChild.KDR, List.of("mirror", "generate", "-v",
                "--plan", clearText.toString(), "--out", dir.resolve("generated-clear-text").toString()), env), 2));
        return out;
    }

    static DebugChild.Outcome expect(DebugChild.Outcome o, int exitCode) {
        assertThat(o.exitCode()).as("%s exit code; output:%n%s", o.name(), o.output()).isEqualTo(exitCode);
        return o;
    }

    /** A DR plan whose secrets are references to the client file and an environment variable (or, wrongly, a value). */
    static String plan(boolean clearTextSecret) {
        return String.join("\n",
                "version: 1",
                "name: secrets-dr",
                "kafkaVersion: 4.3.1",
                "clusters:",
                "  primary:",
                "    bootstrapServers: ['" + kafka.bootstrapServers() + "']",
                "    brokers: 1",
                "    minInsyncReplicas: 1",
                "    topicReplicationFactor: 1",
                "    client:",
                "      security.protocol: SASL_SSL",
                "      sasl.mechanism: SCRAM-SHA-512",
                "      ssl.truststore.location: " + kafka.tls().truststore(),
                "      ssl.truststore.type: PKCS12",
                clearTextSecret ? "      ssl.truststore.password: " + STORE_SECRET : "",
                "    secrets:",
                "      file: " + clientProperties,
                "      fileKeys: [sasl.jaas.config" + (clearTextSecret ? "" : ", ssl.truststore.password") + "]",
                "      env: {ssl.keystore.password: KDR_TEST_KEYSTORE_PASSWORD}",
                "    agent:",
                "      storeUri: s3://" + bucket + "/kdr",
                "      schedule: \"0 0 2 * * ?\"",
                "  dr:",
                "    bootstrapServers: ['dr-kafka-0.example.com:9093']",
                "    brokers: 1",
                "    minInsyncReplicas: 1",
                "    topicReplicationFactor: 1",
                "flows:",
                "  - source: primary",
                "    target: dr",
                "    mode: active-passive",
                "    rpo: 5m",
                "    topics: {include: ['ledger']}",
                "    groups: {include: ['.*']}",
                "");
    }

    static void assertNoSecret(String where, String text) {
        for (String secret : SECRETS) {
            int at = text.indexOf(secret);
            assertThat(at).as("secret %s found in %s: ...%s...", secret, where,
                    at < 0 ? "" : text.substring(Math.max(0, at - 120), Math.min(text.length(), at + 60)))
                    .isEqualTo(-1);
        }
    }

    @Test
    void the_search_finds_the_secrets_where_they_are_configured() throws Exception {
        String client = Files.readString(clientProperties) + Files.readString(wrongProperties);
        for (String secret : List.of(SASL_SECRET, WRONG_SASL_SECRET, STORE_SECRET)) {
            assertThat(client).contains(secret);
        }
        assertThat(Files.readString(agentYaml(false))).contains(S3_SECRET);
    }

    @Test
    void no_secret_in_the_stdout_stderr_or_debug_logs_of_any_agent_or_kdr_run() {
        assertThat(runs).hasSize(9);
        for (DebugChild.Outcome run : runs) {
            assertThat(run.log()).as("%s wrote a DEBUG log", run.name()).contains(" DEBUG ");
            assertNoSecret(run.name() + " stdout/stderr " + run.outputFile(), run.output());
            assertNoSecret(run.name() + " log " + run.logFile(), run.log());
        }
        DebugChild.Outcome service = runs.stream().filter(r -> r.name().equals("agent-service")).findFirst()
                .orElseThrow();
        assertThat(service.log()).as("the search covers Kafka's client config dump, where the secrets are hidden")
                .contains("sasl.jaas.config = [hidden]").contains("ssl.truststore.password = [hidden]")
                .contains("ssl.keystore.password = [hidden]");
        assertThat(runs.stream().filter(r -> r.name().contains("wrong"))).allSatisfy(r ->
                assertThat(r.output()).as("%s printed its stack trace (-v)", r.name()).contains("\tat "));
    }

    @Test
    void no_secret_in_any_object_of_the_archive() throws Exception {
        StoreOptions options = StoreOptions.of(Map.of("s3.endpoint", s3.endpoint().toString(), "s3.region",
                S3MockServer.REGION, "s3.path-style-access", "true", "s3.access-key-id", "kdr-test-key-id",
                "s3.secret-access-key", S3_SECRET));
        try (ObjectStore store = ObjectStores.open("s3://" + bucket + "/", options)) {
            List<ObjectInfo> objects;
            try (Stream<ObjectInfo> s = store.listAll("")) {
                objects = s.toList();
            }
            assertThat(objects).extracting(ObjectInfo::key).anyMatch(k -> k.contains("/manifests/"))
                    .anyMatch(k -> k.contains("/topics/"));
            String all = new String(objects.stream().map(o -> store.readAll(o.key())).reduce(new byte[0],
                    SecretsNeverLeakIT::concat), StandardCharsets.ISO_8859_1);
            assertThat(all).as("records are stored uncompressed, so the search sees their bytes").contains("v29");
            for (ObjectInfo o : objects) {
                assertNoSecret("archive object " + o.key(),
                        new String(store.readAll(o.key()), StandardCharsets.ISO_8859_1));
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void no_secret_in_the_agents_metrics_or_health() {
        assertThat(metrics).contains("kdr_backup_runs_total");
        assertNoSecret("/metrics", metrics);
        assertNoSecret("/health", health);
    }

    @Test
    void no_secret_in_generated_mirror_maker_files_which_reference_them_instead() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir.resolve("generated"))) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty();
        StringBuilder all = new StringBuilder();
        for (Path f : files) {
            String text = Files.readString(f);
            assertNoSecret("generated " + f, text);
            all.append(text);
        }
        assertThat(all).contains("${file:" + clientProperties + ":sasl.jaas.config}")
                .contains("${env:KDR_TEST_KEYSTORE_PASSWORD}");
        if (Files.exists(dir.resolve("generated-clear-text"))) {
            try (Stream<Path> s = Files.walk(dir.resolve("generated-clear-text"))) {
                assertThat(s.filter(Files::isRegularFile).toList()).as("a plan with a clear-text secret "
                        + "generates nothing").isEmpty();
            }
        }
    }
}
