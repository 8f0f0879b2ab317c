package dev.kafkadr.restore.cli;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.restore.ArchiveSegmentSource;
import dev.kafkadr.restore.RestoreOptions;
import dev.kafkadr.restore.RestorePlan;
import dev.kafkadr.restore.RestorePlanner;
import dev.kafkadr.restore.RestoreResult;
import dev.kafkadr.restore.TargetCluster;
import dev.kafkadr.restore.TopicRestorer;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kdr restore topics}: restores archived topics into a Kafka cluster. Not thread-safe. */
@Command(name = "topics", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Restore archived topics into a Kafka cluster: same partitions, keys, values, headers and"
                + " timestamps, in offset order.",
                "Missing target topics are created from the archived metadata; a target that already holds records"
                        + " is refused unless it holds the start of this very restore (an interrupted run: it is"
                        + " resumed) or --append is given. Run it again with the same arguments after any failure."})
public final class RestoreTopicsCommand implements Callable<Integer> {

    /** Producer compression codecs. Immutable. */
    enum Compression { none, gzip, snappy, lz4, zstd }

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Mixin
    TargetOptions target;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--replication-factor", paramLabel = "N",
            description = "Replication factor of created topics (default: the archived one);"
                    + " min.insync.replicas is lowered to fit.")
    Integer replicationFactor;

    @Option(names = "--append", description = "Add the records to target topics that already hold other records.")
    boolean append;

    @Option(names = "--dry-run",
            description = "Print the plan (topics, configs, records per partition); change nothing.")
    boolean dryRun;

    @Option(names = "--compression", paramLabel = "CODEC", defaultValue = "none",
            description = "Producer compression: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Compression compression;

    @Option(names = "--max-bytes-per-second", paramLabel = "BYTES", defaultValue = "0",
            description = "Limit the payload bytes written per second, to protect a live cluster (default: no limit).")
    long maxBytesPerSecond;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "4",
            description = "Partitions written at the same time, each strictly in order (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--progress-interval-ms", hidden = true, defaultValue = "5000",
            description = "How often a plain progress line is printed when not on a terminal.")
    long progressIntervalMs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RestoreOptions opts = new RestoreOptions(replicationFactor, append, dryRun,
                compression.name().toLowerCase(Locale.ROOT), maxBytesPerSecond, parallelism,
                Duration.ofMillis(Math.min(500, progressIntervalMs)));
        try (ObjectStore store = archive.open()) {
            ArchiveCatalog catalog = archive.catalog(store);
            RestorePlan plan = new RestorePlanner(catalog).plan(selection.request(archive.cluster()));
            ProgressPrinter progress = new ProgressPrinter(out, spec.commandLine().getErr(), dryRun,
                    System.console() != null, Duration.ofMillis(progressIntervalMs));
            try (TargetCluster cluster = target.connect()) {
                RestoreResult r = new TopicRestorer(cluster, new ArchiveSegmentSource(catalog), progress,
                        Clock.systemUTC())
                        .restore(plan, opts);
                out.print(dryRun ? RestoreFormat.plan(plan, r.actions()) : RestoreFormat.summary(r));
                out.flush();
            }
        }
        return 0;
    }
}
