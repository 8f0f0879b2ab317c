package dev.kafkadr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.format.ArchivedRecord;
import dev.kafkadr.archive.manifest.PartitionEntry;
import dev.kafkadr.archive.manifest.RunManifest;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.kafka.RecordConversions;
import dev.kafkadr.testkit.CommandResult;
import dev.kafkadr.testkit.KafkaTestCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the fault-injection tests share: the seeded random (printed, replayable with {@code -Dkdr.faults.seed}), the
 * iteration count ({@code -Dkdr.faults.iterations}), and the two invariants every fault test checks: every committed
 * record restorable exactly once, and no commit of a partial run. Not thread-safe.
 */
final class Faults {

    static final String EXACTLY_ONCE = "invariant: every record a read_committed consumer sees in the source is in "
            + "the archive exactly once, field by field, in offset order";
    static final String NO_PARTIAL_COMMIT = "invariant: no commit of a partial run (every committed run manifest "
            + "covers every partition of the topic and the archive verifies)";

    private Faults() {
    }

    /** The test's random: seeded from {@code kdr.faults.seed} if given, else from the clock; the seed is printed. */
    /**
     * {@code kdr-agent --once} of cluster "prod" as a child JVM (-Xmx256m, serial GC) with 1 MiB segments, two
     * workers and no metrics endpoint, plus {@code extraSettings} ("key=value", each passed as {@code --set}).
     */
    static dev.kafkadr.testkit.JavaProcess agentOnce(String bootstrap, java.nio.file.Path store, String topic,
                                                     java.nio.file.Path log, String... extraSettings) {
        List<String> args = new ArrayList<>(List.of("--once", "--bootstrap-server", bootstrap, "--store",
                store.toUri().toString(), "--cluster-name", "prod", "--topics", topic,
                "--set", "backup.segment.max.bytes=1048576", "--set", "backup.parallelism=2",
                "--set", "metrics.port=-1"));
        for (String s : extraSettings) {
            args.addAll(List.of("--set", s));
        }
        return dev.kafkadr.testkit.JavaProcess.start("dev.kafkadr.agent.cli.Main",
                List.of("-Xmx256m", "-XX:+UseSerialGC"), args, Map.of(), log);
    }

    static Random random(String test) {
        long seed = Long.getLong("kdr.faults.seed", System.nanoTime());
        System.out.println("[faults] " + test + ": seed " + seed + " (replay with -Dkdr.faults.seed=" + seed + ")");
        return new Random(seed);
    }

    /** {@code kdr.faults.iterations} if given, else the CI default. */
    static int iterations(int ciDefault) {
        return Integer.getInteger("kdr.faults.iterations", ciDefault);
    }

    /** Asserts the archive holds exactly what a read_committed read of the source holds now. */
    static void assertArchiveExact(KafkaTestCluster kafka, ObjectStore store, String cluster, String topic,
                                   String context) {
        Map<Integer, List<ConsumerRecord<byte[], byte[]>>> source = kafka.readAll(topic, "read_committed");
        Map<Integer, List<ArchivedRecord>> archive = RoundTrip.archived(store, cluster, topic);
        assertThat(archive.keySet()).as("%s; partitions of %s; %s", EXACTLY_ONCE, topic, context)
                .containsExactlyInAnyOrderElementsOf(source.keySet());
        for (int p : source.keySet()) {
            List<ArchivedRecord> expected = source.get(p).stream().map(RecordConversions::toArchived).toList();
            List<ArchivedRecord> actual = archive.get(p);
            assertThat(actual).as("%s; %s-%d holds %d archived records, the source %d; %s", EXACTLY_ONCE, topic, p,
                    actual.size(), expected.size(), context).containsExactlyElementsOf(expected);
        }
    }

    /** Asserts every committed run covers every partition of the topic (a run commits all or nothing). */
    static void assertNoPartialRun(ObjectStore store, String cluster, String topic, int partitions, String context) {
        ArchiveCatalog catalog = new ArchiveCatalog(store);
        for (RunManifest m : catalog.manifests(cluster)) {
            List<Integer> covered = new ArrayList<>();
            for (PartitionEntry e : m.partitions()) {
                if (e.topic().equals(topic)) {
                    covered.add(e.partition());
                }
            }
            assertThat(covered).as("%s; run %s; %s", NO_PARTIAL_COMMIT, m.runId(), context)
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, partitions).boxed()
                            .toList());
        }
    }

    /** Runs {@code kdr verify} (with {@code --deep} if asked) and asserts it passes. */
    static void assertVerifies(boolean deep, String context, String... storeArgs) {
        List<String> args = new ArrayList<>(List.of("verify"));
        args.addAll(List.of(storeArgs));
        if (deep) {
            args.add("--deep");
        }
        CommandResult r = RoundTrip.KDR.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as("%s; kdr %s; %s%nout: %s%nerr: %s", NO_PARTIAL_COMMIT, args, context, r.out(),
                r.err()).isZero();
    }
}
