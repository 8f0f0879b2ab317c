package dev.kafkadr.benchmarks.harness;

import dev.kafkadr.benchmarks.harness.RowSpec.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the rows of a scenario one after another on one broker: generates each row's topic with ProducerPerformance
 * (reused by the next row if it has the same data), then the row's steps. A failed step is recorded in the row
 * and the next step still runs. Not thread-safe.
 */
public final class RowRunner {

    /** The default heap of every agent and restore JVM: the bound. */
    public static final String HEAP = "256m";
    private static final Duration LONG = Duration.ofMinutes(60);

    private final Path repo;
    private final Path work;
    private final Broker broker;
    private final S3Mocks s3;
    private final boolean profile;
    private final String heap;
    private String dataKey;
    private String topic;
    private long topicLogBytes;
    private PerfOutput.ProducerPerf generated;
    private int seq;

    /** Lazily started S3Mock shared by the S3 rows. */
    public interface S3Mocks {
        S3Mock get() throws IOException, InterruptedException;
    }

    public RowRunner(Path repo, Path work, Broker broker, S3Mocks s3, boolean profile, String heap) {
        this.heap = heap;
        this.repo = repo;
        this.work = work;
        this.broker = broker;
        this.s3 = s3;
        this.profile = profile;
    }

    public RowResult run(RowSpec spec) {
        RowResult r = new RowResult(spec);
        r.loadStart = MachineFacts.load1();
        int n = ++seq;
        Path dir = mkdirs(work.resolve("row-" + n));
        try {
            ensureData(spec, dir);
            r.topicLogBytes = topicLogBytes;
            r.generate = generated;
            String store = null;
            for (Step step : Step.values()) {
                if (!spec.has(step)) {
                    continue;
                }
                if ((step == Step.RESTORE) && store == null) {
                    r.errors.add("restore: skipped, no archive");
                    continue;
                }
                log(spec.label() + ": " + step.name().toLowerCase().replace('_', ' '));
                try {
                    switch (step) {
                        case CONSUMER_PERF -> r.consumerPerf = consumerPerf(spec, r, dir);
                        case KCAT_ZSTD -> r.kcatZstd = kcatZstd(r, dir);
                        case BACKUP -> store = backup(spec, r, dir, n);
                        case PRODUCER_PERF -> r.producerPerf = producerPerf(spec, r, dir, n);
                        case RESTORE -> r.restore = restore(store, r, dir, n);
                        default -> throw new IllegalStateException(step.name());
                    }
                } catch (RuntimeException | IOException e) {
                    r.errors.add(step.name().toLowerCase() + ": " + e.getMessage());
                    log(spec.label() + ": " + step + " failed: " + e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            r.errors.add("data: " + e.getMessage());
        }
        deleteTree(dir.resolve("archive"));
        r.loadEnd = MachineFacts.load1();
        return r;
    }

    private void ensureData(RowSpec spec, Path dir) {
        if (spec.dataKey().equals(dataKey)) {
            return;
        }
        if (topic != null) {
            broker.deleteTopic(topic);
        }
        dataKey = spec.dataKey();
        topic = "src-" + dataKey;
        broker.createTopic(topic, spec.partitions());
        log(spec.label() + ": producing " + spec.records() + " records of " + spec.recordBytes() + " B into " + topic);
        Proc.Result p = broker.tool("org.apache.kafka.tools.ProducerPerformance", List.of("--topic", topic,
                "--num-records", String.valueOf(spec.records()), "--record-size", String.valueOf(spec.recordBytes()),
                "--throughput", "-1", "--reporting-interval", "600000", "--command-property",
                "bootstrap.servers=" + broker.bootstrap(), "acks=all", "linger.ms=20", "batch.size=262144"),
                dir.resolve("generate.txt"), LONG);
        generated = PerfOutput.producerPerf(p.output()).orElseThrow(() -> new IllegalStateException(
                "ProducerPerformance printed no summary: " + p.tail()));
        topicLogBytes = broker.topicLogBytes(topic);
    }

    private PerfOutput.ConsumerPerf consumerPerf(RowSpec spec, RowResult r, Path dir) {
        Proc.Result p = broker.tool("org.apache.kafka.tools.ConsumerPerformance", List.of("--bootstrap-server",
                broker.bootstrap(), "--topic", topic, "--num-records", String.valueOf(spec.records()),
                "--timeout", "120000"), dir.resolve("consumer-perf.txt"), LONG);
        r.cpuSeconds.put("consumerPerf", p.cpuSeconds());
        return PerfOutput.consumerPerf(p.output()).orElseThrow(() -> new IllegalStateException(
                "ConsumerPerformance printed no result: " + p.tail()));
    }

    private RowResult.Kcat kcatZstd(RowResult r, Path dir) throws IOException {
        Path file = dir.resolve("kcat.zst");
        String pipeline = "set -o pipefail; kcat -C -q -e -o beginning -b " + broker.bootstrap() + " -t " + topic
                + " -f '%p %o %T %k %s\\n' | zstd -q -f -o " + file;
        Proc.Result p = Proc.run(List.of("bash", "-c", pipeline), Map.of(), dir.resolve("kcat.txt"), LONG);
        if (!p.ok()) {
            throw new IllegalStateException("kcat | zstd exited " + p.exit() + ": " + p.tail());
        }
        r.cpuSeconds.put("kcatZstd", p.cpuSeconds());
        long bytes = Files.size(file);
        Files.delete(file);
        return new RowResult.Kcat(p.wallSeconds(), bytes);
    }

    /** Backs up into a fresh archive; returns its store URI. */
    private String backup(RowSpec spec, RowResult r, Path dir, int n) throws IOException {
        String store;
        long before = 0;
        Map<String, String> env = jvmEnv(dir, "agent");
        if (spec.store() == RowSpec.Store.S3) {
            S3Mock mock = s3Mock();
            String bucket = "bench-" + n;
            mock.createBucket(bucket);
            store = mock.storeUri(bucket);
            before = mock.storedBytes();
            env.putAll(s3Env());
        } else {
            store = dir.resolve("archive").toUri().toString();
        }
        Proc.Result p = Proc.run(List.of(repo.resolve("scripts/kdr-agent").toString(), "--once",
                "--bootstrap-server", broker.bootstrap(), "--store", store, "--cluster-name", "bench",
                "--topics", topic, "--set", "metrics.port=-1", "--set", "backup.compression=" + spec.codec()),
                env, dir.resolve("agent.txt"), LONG);
        PerfOutput.AgentRun run = PerfOutput.agentRun(p.output()).filter(x -> p.ok()).orElseThrow(() ->
                new IllegalStateException("kdr-agent exited " + p.exit() + ": " + p.tail()));
        r.cpuSeconds.put("backup", p.cpuSeconds());
        r.backup = new RowResult.Run(p.wallSeconds(), run.seconds(), run.records(), p.peakRssMib(),
                GcLog.parse(Proc.read(dir.resolve("agent-gc.log"))));
        r.archiveBytes = spec.store() == RowSpec.Store.S3 ? s3Mock().storedBytes() - before
                : treeBytes(dir.resolve("archive"));
        if (run.records() != spec.records()) {
            r.errors.add("backup: archived " + run.records() + " records, expected " + spec.records());
        }
        return store;
    }

    private PerfOutput.ProducerPerf producerPerf(RowSpec spec, RowResult r, Path dir, int n) {
        String target = "pp-" + n;
        broker.createTopic(target, spec.partitions());
        try {
            Proc.Result p = broker.tool("org.apache.kafka.tools.ProducerPerformance", List.of("--topic", target,
                    "--num-records", String.valueOf(spec.records()), "--record-size",
                    String.valueOf(spec.recordBytes()), "--throughput", "-1", "--reporting-interval", "600000",
                    "--command-property", "bootstrap.servers=" + broker.bootstrap(), "acks=all",
                    "enable.idempotence=true", "compression.type=none", "linger.ms=10", "batch.size=262144",
                    "max.request.size=10485760", "buffer.memory=33554432",
                    "max.in.flight.requests.per.connection=5"), dir.resolve("producer-perf.txt"), LONG);
            r.cpuSeconds.put("producerPerf", p.cpuSeconds());
            return PerfOutput.producerPerf(p.output()).orElseThrow(() -> new IllegalStateException(
                    "ProducerPerformance printed no summary: " + p.tail()));
        } finally {
            broker.deleteTopic(target);
        }
    }

    private RowResult.Run restore(String store, RowResult r, Path dir, int n) throws IOException {
        String target = "restored-" + n;
        Map<String, String> env = jvmEnv(dir, "restore");
        env.putAll(s3Env());
        try {
            Proc.Result p = Proc.run(List.of(repo.resolve("scripts/kdr").toString(), "restore", "topics",
                    "--store", store, "--bootstrap-server", broker.bootstrap(), "--topics", topic, "--rename",
                    topic + "=" + target), env, dir.resolve("restore.txt"), LONG);
            PerfOutput.RestoreRun run = PerfOutput.restoreRun(p.output()).filter(x -> p.ok()).orElseThrow(() ->
                    new IllegalStateException("kdr restore exited " + p.exit() + ": " + p.tail()));
            r.cpuSeconds.put("restore", p.cpuSeconds());
            return new RowResult.Run(p.wallSeconds(), run.seconds(), run.records(), p.peakRssMib(),
                    GcLog.parse(Proc.read(dir.resolve("restore-gc.log"))));
        } finally {
            broker.deleteTopic(target);
        }
    }

    private Map<String, String> jvmEnv(Path dir, String name) {
        String opts = "-Xmx" + heap + " -Xlog:gc,gc+heap+exit:file=" + dir.resolve(name + "-gc.log");
        if (profile) {
            opts += " -XX:StartFlightRecording=filename=" + dir.resolve(name + ".jfr") + ",settings=profile";
        }
        Map<String, String> env = new HashMap<>();
        env.put("KDR_OPTS", opts);
        return env;
    }

    /** S3Mock accepts any credentials; they go in the environment, never in the store URI. */
    private static Map<String, String> s3Env() {
        return Map.of("AWS_ACCESS_KEY_ID", "bench", "AWS_SECRET_ACCESS_KEY", "bench", "AWS_REGION", "us-east-1");
    }

    private S3Mock s3Mock() throws IOException {
        try {
            return s3.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting S3Mock", e);
        }
    }

    /** Deletes the last data topic (end of the scenario). */
    public void cleanUp() {
        if (topic != null) {
            broker.deleteTopic(topic);
            topic = null;
            dataKey = null;
        }
    }

    static long treeBytes(Path root) throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(Broker::size).sum();
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> all = new ArrayList<>(files.toList());
            java.util.Collections.reverse(all);
            for (Path f : all) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            log("could not delete " + root + ": " + e.getMessage());
        }
    }

    private static Path mkdirs(Path d) {
        try {
            return Files.createDirectories(d);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + d, e);
        }
    }

    static void log(String msg) {
        System.err.println("bench: " + msg);
    }
}
