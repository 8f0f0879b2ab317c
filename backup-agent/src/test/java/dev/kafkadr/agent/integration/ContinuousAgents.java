package dev.kafkadr.agent.integration;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.manifest.PartitionCommit;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.testkit.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.TimeUnit;

/** Helpers for continuous-mode tests: agents as child JVMs, signals, and where the archive stands. */
final class ContinuousAgents {

    private ContinuousAgents() {
    }

    /** A continuous agent named {@code writer} (writer id and client id), with a short consumer session. */
    static JavaProcess start(Path dir, String bootstrap, Path store, String topics, String writer, long maxAgeMs) {
        Path clientProps = dir.resolve("client-" + writer + ".properties");
        try {
            Files.writeString(clientProps, "session.timeout.ms=5000\nheartbeat.interval.ms=1000\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path logs = Path.of("target", "agent-logs");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int n = 0;
        Path log;
        do {
            log = logs.resolve(dir.getFileName() + "-" + writer + "-" + n++ + ".log");
        } while (Files.exists(log));
        return JavaProcess.start("dev.kafkadr.agent.cli.Main",
                List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                List.of("--continuous", "--bootstrap-server", bootstrap, "--store", store.toUri().toString(),
                        "--cluster-name", "prod", "--topics", topics, "--command-config", clientProps.toString(),
                        "--set", "agent.writer-id=" + writer,
                        "--set", "backup.segment.max.age.ms=" + maxAgeMs,
                        "--set", "backup.snapshot.interval.ms=60000",
                        "--set", "backup.segment.block.bytes=65536",
                        "--set", "metrics.port=-1"),
                Map.of(), log);
    }

    /** Sends a signal if the process is still there (clean-up paths). */
    static void signalIfAlive(JavaProcess p, String signal) {
        if (p.isAlive()) {
            try {
                signal(p, signal);
            } catch (RuntimeException ignored) {
                // it exited meanwhile
            }
        }
    }

    /** Sends a signal (STOP, CONT, TERM) to a child agent. */
    static void signal(JavaProcess p, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + p.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Per partition of {@code topic}: the committed head (as readers resolve it), absent if none yet. */
    static Map<Integer, PartitionCommit> heads(ObjectStore store, String topic, int partitions) {
        ArchiveCatalog c = new ArchiveCatalog(store);
        NavigableSet<String> runs = c.committedRunIds("prod");
        Map<Integer, PartitionCommit> out = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            c.head("prod", topic, p, runs, null).ifPresent(h -> out.put(h.partition(), h));
        }
        return out;
    }

    /** Every commit record on the committed chains of {@code topic}, oldest first per partition. */
    static List<PartitionCommit> chains(ObjectStore store, String topic) {
        ArchiveCatalog c = new ArchiveCatalog(store);
        NavigableSet<String> runs = c.committedRunIds("prod");
        List<PartitionCommit> out = new ArrayList<>();
        for (int p : c.partitions("prod", topic)) {
            out.addAll(c.history("prod", topic, p, runs, null).chain());
        }
        return out;
    }

    static String log(JavaProcess p) {
        try {
            return Files.readString(p.log());
        } catch (IOException e) {
            return "";
        }
    }
}
