package dev.kafkadr.restore.cli;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.restore.BackupLister;
import dev.kafkadr.restore.RunSummary;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kdr backups list}: committed runs with time, topics, partitions, records, bytes and gaps; exits 3 (with the
 * listing still printed) when a committed run's manifest cannot be read. Not thread-safe.
 */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List committed backup runs: time, topics, partitions, records, bytes and retention gaps.")
public final class BackupsListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--json", description = "Print JSON (keys and runs sorted) for scripts.")
    boolean json;

    @Override
    public Integer call() {
        try (ObjectStore store = archive.open()) {
            List<RunSummary> runs = new BackupLister(archive.catalog(store)).runs(archive.cluster());
            spec.commandLine().getOut().print(json ? BackupsFormat.listJson(runs) : BackupsFormat.listText(runs));
            spec.commandLine().getOut().flush();
            List<RunSummary> unreadable = runs.stream().filter(r -> r.problem() != null).toList();
            if (!unreadable.isEmpty()) {
                RunSummary first = unreadable.get(0);
                spec.commandLine().getErr().println("kdr: error: " + unreadable.size() + " of " + runs.size()
                        + " committed runs cannot be read (first: run " + first.runId() + " of cluster "
                        + first.cluster() + "): run 'kdr verify --cluster "
                        + first.cluster() + "' to see every problem");
                return FailureKind.VERIFICATION_FAILED.exitCode();
            }
        }
        return 0;
    }
}
