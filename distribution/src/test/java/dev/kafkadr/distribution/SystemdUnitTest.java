package dev.kafkadr.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.agent.cli.AgentCommand;
import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.agent.config.AgentConfigLoader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * deploy/systemd/kdr-agent.service and its EnvironmentFile example, parsed. {@code systemd-analyze verify} runs in
 * DistributionIT against the unpacked distribution (it needs ExecStart's program to exist).
 */
class SystemdUnitTest {

    static final String UNIT = "deploy/systemd/kdr-agent.service";
    static final String ENV = "deploy/systemd/kdr-agent.env";
    static final String INSTALL_DIR = "/opt/kafka-dr/";

    final SystemdUnit unit = SystemdUnit.parse(RepoFiles.read(UNIT));

    @Test
    void it_is_a_simple_service_of_a_dedicated_user_restarted_on_failure() {
        assertThat(unit.get("Service", "Type")).isEqualTo("simple");
        assertThat(unit.get("Service", "User")).isNotBlank().isNotEqualTo("root");
        assertThat(unit.get("Service", "Group")).isNotBlank().isNotEqualTo("root");
        assertThat(unit.get("Service", "Restart")).isEqualTo("on-failure");
        assertThat(unit.get("Service", "RestartPreventExitStatus")).as("no restart loop on bad config (exit 2)")
                .isEqualTo("2");
        assertThat(unit.get("Install", "WantedBy")).isEqualTo("multi-user.target");
        assertThat(unit.get("Unit", "After")).contains("network-online.target");
    }

    @Test
    void it_stops_with_sigterm_and_gives_a_run_time_to_be_abandoned() {
        assertThat(unit.get("Service", "KillSignal")).isEqualTo("SIGTERM");
        // the partition workers of a cancelled run get up to 60 s (PartitionExecutor)
        assertThat(seconds(unit.get("Service", "TimeoutStopSec"))).isGreaterThanOrEqualTo(90);
        assertThat(unit.get("Service", "SuccessExitStatus")).contains("143");
    }

    @Test
    void it_is_hardened_and_may_write_only_where_the_example_archive_lives() throws Exception {
        assertThat(unit.get("Service", "NoNewPrivileges")).isEqualTo("yes");
        assertThat(unit.get("Service", "ProtectSystem")).isEqualTo("strict");
        assertThat(unit.get("Service", "PrivateTmp")).isEqualTo("yes");
        assertThat(unit.get("Service", "ProtectHome")).isEqualTo("yes");
        assertThat(unit.get("Service", "MemoryDenyWriteExecute")).as("breaks the JVM's JIT").isNull();
        List<String> writable = unit.all("Service", "ReadWritePaths").stream()
                .flatMap(v -> Arrays.stream(v.split("\\s+"))).toList();
        AgentConfig example = AgentConfigLoader.load(RepoFiles.path("distribution/src/main/dist/conf/agent.yaml"),
                Map.of(), name -> null);
        Path archive = Path.of(URI.create(example.storeUri()));
        assertThat(writable).as("ReadWritePaths cover the example's file:// archive %s", archive)
                .anyMatch(w -> archive.startsWith(w.replaceFirst("^-", "")));
    }

    @Test
    void exec_start_runs_the_distributions_launcher_with_a_config_file() {
        String execStart = unit.get("Service", "ExecStart");
        String[] words = execStart.split("\\s+");
        assertThat(words[0]).startsWith(INSTALL_DIR);
        Path launcher = RepoFiles.path("distribution/src/main/dist/" + words[0].substring(INSTALL_DIR.length()));
        assertThat(launcher).as("ExecStart's program is the distribution's").endsWith(Path.of("bin", "kdr-agent"));
        assertThat(Files.isExecutable(launcher)).isTrue();
        String[] args = Arrays.copyOfRange(words, 1, words.length);
        assertThat(args).containsExactly("--config", "/etc/kdr/agent.yaml");
        CommandLine.ParseResult parsed = new CommandLine(new AgentCommand()).parseArgs(args);
        assertThat(parsed.hasMatchedOption("--once")).as("service mode").isFalse();
    }

    @Test
    void the_environment_file_example_sets_only_what_the_launcher_reads() {
        String launcher = RepoFiles.read("distribution/src/main/dist/bin/kdr-agent");
        assertThat(unit.get("Service", "EnvironmentFile")).isEqualTo("-/etc/default/kdr-agent");
        Set<String> passedThrough = Set.of("AWS_REGION", "AWS_PROFILE", "AWS_ENDPOINT_URL");
        long active = 0;
        for (String line : RepoFiles.read(ENV).split("\n")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            String assignment = l.startsWith("#") ? l.substring(1) : l;
            if (!assignment.matches("[A-Z_][A-Z0-9_]*=.*")) {
                assertThat(l).as("comment").startsWith("#");
                continue;
            }
            String key = assignment.substring(0, assignment.indexOf('='));
            assertThat(passedThrough.contains(key) || launcher.contains("${" + key))
                    .as("%s is read by bin/kdr-agent or by the AWS SDK", key).isTrue();
            active += l.startsWith("#") ? 0 : 1;
        }
        assertThat(active).as("KDR_OPTS is set").isPositive();
    }

    static long seconds(String span) {
        if (span.matches("\\d+")) {
            return Long.parseLong(span);
        }
        if (span.matches("\\d+s")) {
            return Long.parseLong(span.substring(0, span.length() - 1));
        }
        if (span.matches("\\d+min")) {
            return 60 * Long.parseLong(span.substring(0, span.length() - 3));
        }
        throw new AssertionError("unsupported time span " + span);
    }
}
