package dev.kafkadr.mirror.cli;

import dev.kafkadr.mirror.MirrorPlanner;
import dev.kafkadr.mirror.PlanInvalidException;
import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.validate.TopicPreview;
import dev.kafkadr.mirror.validate.ValidationReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mirror validate}: runs every rule on the plan and prints one line per finding; with {@code --bootstrap} or
 * {@code --use-plan-bootstrap} also previews which existing topics and groups each flow would mirror. Not
 * thread-safe (picocli fills it in).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a DR plan: keys against MirrorMaker 2's own definitions, topology, replication factors, "
                + "offset sync, exactly-once, regexes, RPO, secrets.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--plan", required = true, paramLabel = "FILE", description = "The DR plan (YAML).")
    Path plan;

    @Option(names = "--bootstrap", paramLabel = "ALIAS=HOST:PORT",
            description = "Preview matching topics and groups on this cluster (repeatable).")
    Map<String, String> bootstrap = new LinkedHashMap<>();

    @Option(names = "--use-plan-bootstrap",
            description = "Preview against every cluster at the bootstrap servers the plan names.")
    boolean usePlanBootstrap;

    @Option(names = "--preview-timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "How long to wait for each cluster in the preview (default: ${DEFAULT-VALUE}).")
    int previewTimeoutSeconds;

    @Option(names = "--strict", description = "Treat warnings as errors.")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DrPlan p = MirrorPlanner.load(plan);
        ValidationReport report = MirrorPlanner.validate(p);
        Map<String, String> servers = servers(p);
        if (!servers.isEmpty() && report.errors() == 0) {
            TopicPreview.Result preview = new TopicPreview(p, servers,
                    Duration.ofSeconds(previewTimeoutSeconds)).run();
            preview.flows().forEach(f -> out.println("preview " + f.flow() + ": " + f.topicsToRemote().size()
                    + " topic(s) " + f.topicsToRemote() + ", " + f.groups().size() + " group(s) " + f.groups()));
            report = report.plus(preview.findings());
        }
        Reporting.print(out, plan.toString(), report);
        if (!report.passes(strict)) {
            throw new PlanInvalidException(plan.toString(), report, strict, "see the findings above");
        }
        return 0;
    }

    private Map<String, String> servers(DrPlan p) {
        Map<String, String> servers = new TreeMap<>();
        if (usePlanBootstrap) {
            p.clusters().values().forEach(c -> servers.put(c.alias(), c.bootstrap()));
        }
        bootstrap.forEach((alias, hostPort) -> {
            if (!p.clusters().containsKey(alias)) {
                throw new ParameterException(spec.commandLine(), "--bootstrap names cluster '" + alias
                        + "', which the plan does not define (defined: " + String.join(", ", p.clusters().keySet()) + ")");
            }
            servers.put(alias, hostPort);
        });
        return servers;
    }
}
