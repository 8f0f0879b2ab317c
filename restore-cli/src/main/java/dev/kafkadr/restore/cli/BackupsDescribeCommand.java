package dev.kafkadr.restore.cli;

import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.restore.BackupLister;
import dev.kafkadr.restore.TopicSummary;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kdr backups describe}: per partition the offset and time ranges a topic's backup holds. Not thread-safe. */
@Command(name = "describe", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Describe what the archive holds for a topic: per partition the offset range, log start"
                + " offset, records, time range, commits and gaps.")
public final class BackupsDescribeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The archived topic.")
    String topic;

    @Option(names = "--run", paramLabel = "RUN-ID", description = "As of this committed run (default: the newest).")
    String run;

    @Option(names = "--json", description = "Print JSON (keys sorted) for scripts.")
    boolean json;

    @Override
    public Integer call() {
        try (ObjectStore store = archive.open()) {
            TopicSummary s = new BackupLister(archive.catalog(store)).describe(archive.cluster(), topic, run);
            spec.commandLine().getOut().print(json ? BackupsFormat.describeJson(s) : BackupsFormat.describeText(s));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
