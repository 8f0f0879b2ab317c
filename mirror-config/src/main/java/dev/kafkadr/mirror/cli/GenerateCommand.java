package dev.kafkadr.mirror.cli;

import dev.kafkadr.mirror.MirrorPlanner;
import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.render.Format;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mirror generate}: validates the plan, then writes the selected outputs (nothing is written when validation
 * fails). Not thread-safe (picocli fills it in).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Validate a DR plan and write MirrorMaker 2 configs, connector JSON, Strimzi resources, "
                + "the runbook and backup-agent configs.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "The DR plan (YAML).")
    Path plan;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
    Path out;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT", defaultValue = "all",
            description = "What to write: ${COMPLETION-CANDIDATES} (comma-separated or repeated; default: all).")
    List<Format> formats;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        DrPlan p = MirrorPlanner.load(plan);
        MirrorPlanner.Generated g = MirrorPlanner.generate(p, EnumSet.copyOf(formats), out, strict,
                report -> Reporting.print(o, plan.toString(), report));
        g.written().forEach(f -> o.println("wrote " + f));
        o.flush();
        return 0;
    }
}
