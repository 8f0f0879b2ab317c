package dev.kafkadr.benchmarks.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A single-node Kafka 4.3.1 broker in its own JVM, started and stopped with {@code scripts/kafka-local.sh} on free
 * ports, plus Kafka's tools run against it. Not thread-safe.
 */
public final class Broker implements AutoCloseable {

    private static final String NAME = "kdr-bench";

    private final Path repo;
    private final Path work;
    private final Map<String, String> env;
    private String bootstrap;

    public Broker(Path repo, Path work) {
        this.repo = repo;
        this.work = work;
        this.env = Map.of("KDR_WORK", work.toString());
    }

    public String start() {
        int port = freePort();
        int controller = freePort();
        List<String> cmd = List.of(script(), "start", "--name", NAME, "--port", String.valueOf(port),
                "--controller-port", String.valueOf(controller), "--set", "log.segment.delete.delay.ms=1000",
                "--set", "auto.create.topics.enable=false");
        Map<String, String> e = new java.util.HashMap<>(env);
        e.put("KAFKA_HEAP_OPTS", "-Xms1g -Xmx1g");
        Proc.Result r = Proc.run(cmd, e, work.resolve("broker-start.txt"), Duration.ofMinutes(5));
        if (!r.ok()) {
            throw new IllegalStateException("broker did not start: " + r.tail());
        }
        bootstrap = "127.0.0.1:" + port;
        return bootstrap;
    }

    public String bootstrap() {
        return bootstrap;
    }

    /** Runs a Kafka tool class (e.g. org.apache.kafka.tools.ConsumerPerformance) with a 1 GiB heap. */
    public Proc.Result tool(String mainClass, List<String> args, Path out, Duration timeout) {
        List<String> cmd = new ArrayList<>(List.of(script(), "tool", mainClass));
        cmd.addAll(args);
        Map<String, String> e = new java.util.HashMap<>(env);
        e.put("KAFKA_HEAP_OPTS", "-Xmx1g");
        return Proc.run(cmd, e, out, timeout);
    }

    public void createTopic(String topic, int partitions) {
        Proc.Result r = tool("org.apache.kafka.tools.TopicCommand", List.of("--bootstrap-server", bootstrap,
                "--create", "--topic", topic, "--partitions", String.valueOf(partitions), "--replication-factor", "1"),
                work.resolve("topic-create.txt"), Duration.ofMinutes(2));
        if (!r.ok()) {
            throw new IllegalStateException("creating topic " + topic + " failed: " + r.tail());
        }
    }

    public void deleteTopic(String topic) {
        tool("org.apache.kafka.tools.TopicCommand", List.of("--bootstrap-server", bootstrap, "--delete",
                "--if-exists", "--topic", topic), work.resolve("topic-delete.txt"), Duration.ofMinutes(2));
    }

    /** Bytes of the topic's log segments (.log files) in the broker's log dir; index files are preallocated. */
    public long topicLogBytes(String topic) {
        Path data = work.resolve("kafka").resolve(NAME).resolve("data");
        try (Stream<Path> dirs = Files.list(data)) {
            return dirs.filter(d -> d.getFileName().toString().matches(java.util.regex.Pattern.quote(topic) + "-\\d+"))
                    .mapToLong(Broker::logBytes).sum();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + data, e);
        }
    }

    private static long logBytes(Path partitionDir) {
        try (Stream<Path> files = Files.list(partitionDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log")).mapToLong(Broker::size).sum();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + partitionDir, e);
        }
    }

    static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        Proc.run(List.of(script(), "stop", "--name", NAME, "--purge"), env, work.resolve("broker-stop.txt"),
                Duration.ofMinutes(2));
    }

    private String script() {
        return repo.resolve("scripts/kafka-local.sh").toString();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
