package dev.kafkadr.restore.cli;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.restore.RestoreOptions;
import dev.kafkadr.restore.RestoreRequest;
import dev.kafkadr.restore.TargetCluster;
import dev.kafkadr.restore.drill.DrillReport;
import dev.kafkadr.restore.drill.DrillReportWriter;
import dev.kafkadr.restore.drill.DrillRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kdr drill}: restore the newest backup into a drill cluster under a prefix, check it, report RPO/RTO. */
@Command(name = "drill", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"DR drill: restore the newest committed run into a (staging) drill cluster under a topic"
                + " prefix, restore the consumer-group offsets, compare every restored partition with the archive"
                + " (record count and content SHA-256), and write drill-report.md and drill-report.json with the"
                + " measured RPO and RTO.",
                "Exit codes: 0 every topic passed, 3 a partition differs from the archive, others as for restore."})
public final class DrillCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Mixin
    TargetOptions target;

    @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = "drill-",
            description = "Drill topics are PREFIX + the archived name (default: ${DEFAULT-VALUE}).")
    String prefix;

    @Option(names = "--topics", paramLabel = "REGEX", description = "Archived topics to drill (default: all).")
    String topics;

    @Option(names = "--replication-factor", paramLabel = "N",
            description = "Replication factor of the drill topics (default: the archived one).")
    Integer replicationFactor;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "drill-report",
            description = "Where drill-report.md and drill-report.json go (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RestoreRequest selection = new RestoreRequest(archive.cluster(), topics, Map.of(), null, null, false, null,
                prefix);
        RestoreOptions options = new RestoreOptions(replicationFactor, false, false, "none", 0, 4,
                Duration.ofMillis(500));
        try (ObjectStore store = archive.open(); TargetCluster cluster = target.connect()) {
            ProgressPrinter progress = new ProgressPrinter(out, spec.commandLine().getErr(), false,
                    System.console() != null, Duration.ofSeconds(5));
            DrillReport report = new DrillRunner(archive.catalog(store), cluster, progress, Clock.systemUTC())
                    .run(selection, options);
            DrillReportWriter.write(report, reportDir);
            out.print(DrillReportWriter.markdown(report));
            out.println("report: " + reportDir.resolve(DrillReportWriter.MARKDOWN) + ", "
                    + reportDir.resolve(DrillReportWriter.JSON));
            out.flush();
            return report.passed() ? 0 : FailureKind.VERIFICATION_FAILED.exitCode();
        }
    }
}
