package dev.kafkadr.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.distribution.Processes.Result;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/kafka-local.sh for real: a named Kafka 4.3.1 cluster (its own JVM, from Maven artifacts) on free ports,
 * status, idempotent start and stop, data kept across a restart, records through kcat (KDR_REQUIRE_KCAT=1 makes a
 * missing kcat a failure) and Kafka's own perf tool, and the one-line errors.
 */
class KafkaLocalScriptIT {

    static final Duration TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    static Path work;

    static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("KDR_WORK", work.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KDR_MVN", System.getProperty("kdr.mvn", "mvn"));
        env.put("KDR_MVN_OPTS", "-Dmaven.repo.local=" + System.getProperty("kdr.maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository"));
        env.put("KDR_KAFKA_PROBE", null);
        env.put("KAFKA_HEAP_OPTS", "-Xms128m -Xmx384m");
        return env;
    }

    static Result script(Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(List.of(RepoFiles.path("scripts/kafka-local.sh").toString()));
        cmd.addAll(List.of(args));
        return Processes.run(cmd, env, TIMEOUT);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void a_named_cluster_starts_answers_keeps_its_data_across_a_restart_and_stops() throws Exception {
        int port = freePort();
        int controller = freePort();
        String bootstrap = "127.0.0.1:" + port;
        Result start = script(env(), "start", "--name", "it", "--port", "" + port, "--controller-port", "" + controller);
        start.assertSuccess();
        assertThat(start.out()).isEqualTo(bootstrap + "\n");
        assertThat(start.err()).contains("cluster 'it' is up");

        Result status = script(env(), "status", "--name", "it").assertSuccess();
        assertThat(status.out()).startsWith("it running pid=").contains("bootstrap=" + bootstrap);
        long pid = Long.parseLong(status.out().replaceAll("(?s).*pid=(\\d+).*", "$1"));
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        Result again = script(env(), "start", "--name", "it").assertSuccess();
        assertThat(again.out()).isEqualTo(bootstrap + "\n");
        assertThat(again.err()).contains("already running");
        assertThat(script(env(), "bootstrap", "--name", "it").assertSuccess().out()).isEqualTo(bootstrap + "\n");

        Result clash = script(env(), "start", "--name", "other", "--port", "" + port);
        assertThat(clash.exitCode()).isEqualTo(1);
        assertThat(clash.err()).isEqualTo("kafka-local: error: port " + port
                + " is already in use; pick another with --port\n");

        roundTripThroughKcat(bootstrap);
        Result perf = script(env(), "tool", "org.apache.kafka.tools.ProducerPerformance", "--topic", "perf",
                "--num-records", "500", "--record-size", "100", "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + bootstrap, "acks=all").assertSuccess();
        assertThat(perf.out()).contains("500 records sent");
        assertThat(records(bootstrap, "perf")).isEqualTo(500);

        Result stop = script(env(), "stop", "--name", "it").assertSuccess();
        assertThat(stop.err()).contains("stopped cluster 'it' (pid " + pid + ")");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isIn(Optional.empty(), Optional.of(false));
        Result stopped = script(env(), "status", "--name", "it");
        assertThat(stopped.exitCode()).isEqualTo(3);
        assertThat(stopped.out()).startsWith("it stopped port=" + port);
        assertThat(script(env(), "stop", "--name", "it").assertSuccess().err()).contains("is not running");

        // restart on the remembered ports, readiness checked with Kafka's own tool instead of kcat
        Map<String, String> javaProbe = env();
        javaProbe.put("KDR_KAFKA_PROBE", "java");
        assertThat(script(javaProbe, "start", "--name", "it").assertSuccess().out()).isEqualTo(bootstrap + "\n");
        assertThat(records(bootstrap, "perf")).as("records kept across the restart").isEqualTo(500);

        script(env(), "stop", "--all", "--purge").assertSuccess();
        assertThat(work.resolve("kafka/it")).doesNotExist();
    }

    static void roundTripThroughKcat(String bootstrap) throws IOException {
        Optional<Path> kcat = ExternalTool.find("kcat");
        if (kcat.isEmpty()) {
            assertThat(ExternalTool.required("kcat")).as("kcat is required (KDR_REQUIRE_KCAT=1) but not on PATH")
                    .isFalse();
            return;
        }
        Path input = Files.writeString(work.resolve("kcat-in.txt"), "k1\tv1\nk2\tv2\nk3\tv3\n");
        Processes.run(List.of("/bin/sh", "-c", kcat.get() + " -P -b " + bootstrap + " -t kcat -K '\t' < " + input),
                Map.of(), TIMEOUT).assertSuccess();
        Result consumed = Processes.run(List.of(kcat.get().toString(), "-C", "-b", bootstrap, "-t", "kcat", "-e",
                "-q", "-f", "%k=%s\n"), Map.of(), TIMEOUT).assertSuccess();
        assertThat(consumed.out()).isEqualTo("k1=v1\nk2=v2\nk3=v3\n");
    }

    static long records(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> tps = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            return c.endOffsets(tps, Duration.ofSeconds(30)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    @Test
    void bad_input_and_missing_java_or_maven_are_one_clear_line() throws IOException {
        Result badPort = script(env(), "start", "--port", "abc");
        assertThat(badPort.exitCode()).isEqualTo(2);
        assertThat(badPort.err()).isEqualTo("kafka-local: error: --port 'abc' is not a port number (1-65535) "
                + "(see 'scripts/kafka-local.sh --help')\n");
        Result unknown = script(env(), "launch");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command 'launch'");

        Map<String, String> noJdk = env();
        noJdk.put("JAVA_HOME", work.resolve("no-jdk").toString());
        Result badJava = script(noJdk, "start", "--name", "x", "--port", "" + freePort());
        assertThat(badJava.exitCode()).isEqualTo(1);
        assertThat(badJava.err()).isEqualTo("kafka-local: error: JAVA_HOME is " + work.resolve("no-jdk") + " but "
                + work.resolve("no-jdk/bin/java") + " is not an executable: point JAVA_HOME at a Java 17+ "
                + "installation\n");

        Path bin = Files.createDirectories(work.resolve("bin-without-java"));
        for (String tool : List.of("readlink", "dirname", "sed", "tail")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
        }
        Map<String, String> noJava = env();
        noJava.put("JAVA_HOME", null);
        noJava.put("PATH", bin.toString());
        Result missingJava = Processes.run(List.of("/bin/bash", RepoFiles.path("scripts/kafka-local.sh").toString(),
                "start", "--name", "y", "--port", "" + freePort()), noJava, TIMEOUT);
        assertThat(missingJava.exitCode()).isEqualTo(1);
        assertThat(missingJava.err()).isEqualTo("kafka-local: error: java not found: install Java 17 or newer, "
                + "or set JAVA_HOME\n");

        Map<String, String> noMaven = env();
        noMaven.put("KDR_WORK", work.resolve("fresh").toString());
        noMaven.put("KDR_MVN", "/nonexistent/mvn");
        Result missingMaven = script(noMaven, "classpath");
        assertThat(missingMaven.exitCode()).isEqualTo(1);
        assertThat(missingMaven.err()).startsWith("kafka-local: error: Maven (/nonexistent/mvn) not found");

        Result unknownCluster = script(env(), "bootstrap", "--name", "never-started");
        assertThat(unknownCluster.exitCode()).isEqualTo(3);
        assertThat(unknownCluster.err()).isEqualTo("kafka-local: error: cluster 'never-started' is not running\n");
    }

    @Test
    void the_classpath_holds_kafkas_broker_and_tools_with_slf4j_2_and_no_test_jars() {
        String cp = script(env(), "classpath").assertSuccess().out().strip();
        List<String> jars = List.of(cp.split(":")).stream().map(j -> Path.of(j).getFileName().toString()).toList();
        assertThat(jars).contains("kafka_2.13-4.3.1.jar", "kafka-tools-4.3.1.jar", "slf4j-api-2.0.17.jar",
                "log4j-slf4j2-impl-2.25.4.jar", "log4j-core-2.25.4.jar");
        assertThat(jars).noneMatch(j -> j.startsWith("junit") || j.startsWith("assertj") || j.startsWith("slf4j-api-1."));
    }

    @AfterAll
    static void stop_everything() {
        script(env(), "stop", "--all", "--purge");
    }
}
