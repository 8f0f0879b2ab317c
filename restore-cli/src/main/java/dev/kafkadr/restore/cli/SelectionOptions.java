package dev.kafkadr.restore.cli;

import dev.kafkadr.restore.RestoreRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * What to restore, shared by {@code restore topics} and {@code restore offsets} so both see the same records:
 * topics, renames, run or point in time, from-earliest, partitions. Mixin; not thread-safe.
 */
public final class SelectionOptions {

    @Option(names = "--topics", paramLabel = "REGEX",
            description = "Archived topics to restore: a regular expression the whole name must match (default: all).")
    String topics;

    @Option(names = "--rename", paramLabel = "OLD=NEW",
            description = "Restore archived topic OLD into topic NEW (repeatable).")
    Map<String, String> renames = new LinkedHashMap<>();

    @Option(names = "--rename-prefix", paramLabel = "PREFIX", defaultValue = "",
            description = "Restore every topic not named by --rename into PREFIX + its name (e.g. drill-).")
    String renamePrefix;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    When when = new When();

    @Option(names = "--from-earliest",
            description = "Restore everything the archive holds, also records below the log start offset at the"
                    + " run's cut (older data kept from earlier runs).")
    boolean fromEarliest;

    @Option(names = "--partitions", paramLabel = "LIST", converter = PartitionListConverter.class,
            description = "Partitions to restore, e.g. 0,3,5-7 (default: all).")
    PartitionListConverter.PartitionList partitions;

    /** --run and --to-time, which exclude each other. Not thread-safe (picocli fills it in). */
    static final class When {
        @Option(names = "--run", paramLabel = "RUN-ID",
                description = "Restore as of this committed run (default: the newest). See 'kdr backups list'.")
        String run;

        @Option(names = "--to-time", paramLabel = "ISO-8601", converter = InstantConverter.class,
                description = "Point in time: only records with timestamp <= this time (e.g. 2026-11-27T02:00:00Z),"
                        + " from the newest run, starting at what Kafka held at that time.")
        Instant toTime;
    }

    public RestoreRequest request(String cluster) {
        if (!renamePrefix.isEmpty()) {
            dev.kafkadr.archive.catalog.ArchiveLayout.checkName("--rename-prefix", renamePrefix);
        }
        return new RestoreRequest(cluster, topics, renames, when.run, when.toTime, fromEarliest,
                partitions == null ? null : partitions.partitions(), renamePrefix);
    }
}
