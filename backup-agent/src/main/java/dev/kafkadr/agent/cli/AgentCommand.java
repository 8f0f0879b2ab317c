package dev.kafkadr.agent.cli;

import dev.kafkadr.agent.AgentRuntime;
import dev.kafkadr.agent.backup.RunResult;
import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.agent.config.AgentConfigLoader;
import dev.kafkadr.cli.KdrVersion;
import dev.kafkadr.cli.Verbosity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kdr-agent}: runs scheduled backups as a service, or one backup with {@code --once}. No logic here. */
@Command(name = "kdr-agent", mixinStandardHelpOptions = true, versionProvider = KdrVersion.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Backs up Kafka topics, topic configs, consumer-group offsets and ACLs into a kafka-dr "
                + "archive (file://, s3://, hdfs://), on a Quartz cron schedule or once.",
                "Exit codes: 0 committed (--once) or clean shutdown; 2 bad configuration; 4 nothing to back up; "
                        + "5 Kafka or store unreachable; 6 access denied; 7 conflict; 130 cancelled."},
        footer = {"", "Examples:",
                "  kdr-agent --config /etc/kdr/agent.yaml",
                "  kdr-agent --config /etc/kdr/agent.yaml --continuous",
                "  kdr-agent --once --bootstrap-server kafka:9092 --store file:///var/lib/kdr/archive "
                        + "--cluster-name prod --topics 'orders.*'",
                "", "Configuration reference: docs/agent-configuration.md"})
public final class AgentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file.")
    Path config;

    @Option(names = "--once", description = "Run one backup now and exit: 0 only if the run committed. With "
            + "--continuous: back up, sharing the partitions with the agents of the group, every selected partition "
            + "up to its end offset at start; exit 0 once the archive holds all of them.")
    boolean once;

    @Option(names = "--continuous", description = "Continuous mode (same as mode: continuous): stay subscribed, "
            + "commit at least every backup.segment.max.age.ms, share partitions with the agents of agent.group-id.")
    boolean continuousMode;

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT", description = "Overrides source.bootstrap-servers.")
    String bootstrap;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Kafka client properties (TLS, SASL, …); overrides source.command-config.")
    Path commandConfig;

    @Option(names = "--store", paramLabel = "URI", description = "Overrides store.uri.")
    String store;

    @Option(names = "--topics", paramLabel = "REGEX", description = "Overrides topics.include with one regex.")
    String topics;

    @Option(names = "--cluster-name", paramLabel = "NAME", description = "Overrides source.name.")
    String clusterName;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Overrides any configuration key.")
    Map<String, String> set = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        AgentConfig cfg = AgentConfigLoader.load(config, overrides());
        try (AgentRuntime runtime = new AgentRuntime(cfg, Clock.systemUTC(), KdrVersion.get())) {
            if (once && cfg.continuous()) {
                ShutdownHooks.stopOnTerm(runtime);
                spec.commandLine().getOut().println(runtime.catchUp());
                return 0;
            }
            if (once) {
                ShutdownHooks.cancelOnTerm(runtime);
                RunResult r = runtime.runOnce();
                spec.commandLine().getOut().println(r.summary());
                return 0;
            }
            runtime.startService();
            ShutdownHooks.stopOnTerm(runtime);
            spec.commandLine().getOut().println("kdr-agent " + KdrVersion.get() + " backing up cluster "
                    + cfg.clusterName() + (cfg.continuous() ? " continuously in group '" + cfg.groupId()
                    + "' (commits at least every " + cfg.segmentMaxAge().toSeconds() + " s)"
                    : " on schedule '" + cfg.cron().orElse("") + "' (" + cfg.timezone() + ")"));
            spec.commandLine().getOut().flush();
            runtime.awaitStop();
            return 0;
        }
    }

    private Map<String, Object> overrides() {
        Map<String, Object> m = new LinkedHashMap<>(set);
        put(m, AgentConfig.SOURCE_BOOTSTRAP, bootstrap);
        put(m, AgentConfig.SOURCE_COMMAND_CONFIG, commandConfig == null ? null
                : commandConfig.toAbsolutePath().toString());
        put(m, AgentConfig.STORE_URI, store);
        if (topics != null) {
            m.put(AgentConfig.TOPICS_INCLUDE, List.of(topics));
        }
        put(m, AgentConfig.SOURCE_NAME, clusterName);
        if (continuousMode) {
            m.put(AgentConfig.MODE, "continuous");
        }
        return m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
