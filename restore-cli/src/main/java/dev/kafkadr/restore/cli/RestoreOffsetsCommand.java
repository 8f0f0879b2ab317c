package dev.kafkadr.restore.cli;

import dev.kafkadr.archive.catalog.ArchiveCatalog;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.restore.ArchiveSegmentSource;
import dev.kafkadr.restore.OffsetRestoreRequest;
import dev.kafkadr.restore.OffsetRestoreResult;
import dev.kafkadr.restore.OffsetRestorer;
import dev.kafkadr.restore.RestorePlanner;
import dev.kafkadr.restore.TargetCluster;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kdr restore offsets}: commits translated consumer-group offsets on restored topics. Not thread-safe. */
@Command(name = "offsets", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Restore archived consumer-group offsets onto topics restored with 'kdr restore topics'.",
                "Each committed offset C becomes the new offset of the first restored record whose original offset"
                        + " is >= C (or the partition's end). Give the same --run/--to-time/--from-earliest/"
                        + "--partitions/--rename as for 'restore topics'. Groups with active members are refused and"
                        + " left unchanged."})
public final class RestoreOffsetsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Mixin
    TargetOptions target;

    @Mixin
    SelectionOptions selection;

    @Option(names = "--groups", paramLabel = "REGEX",
            description = "Consumer groups to restore: a regular expression the whole group id must match"
                    + " (default: every archived group).")
    String groups;

    @Option(names = "--dry-run", description = "Print group, topic, partition, archived offset -> new offset;"
            + " commit nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        try (ObjectStore store = archive.open()) {
            ArchiveCatalog catalog = archive.catalog(store);
            RestorePlanner planner = new RestorePlanner(catalog);
            try (TargetCluster cluster = target.connect()) {
                OffsetRestoreResult r = new OffsetRestorer(planner, cluster, new ArchiveSegmentSource(catalog))
                        .restore(new OffsetRestoreRequest(selection.request(archive.cluster()), groups, dryRun));
                spec.commandLine().getOut().print(OffsetsFormat.render(r));
                spec.commandLine().getOut().flush();
                r.failure().ifPresent(e -> {
                    throw e;
                });
            }
        }
        return 0;
    }
}
