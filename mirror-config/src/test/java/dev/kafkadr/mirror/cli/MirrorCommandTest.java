package dev.kafkadr.mirror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.cli.Cli;
import dev.kafkadr.mirror.Examples;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorCommandTest {

    private final CommandContext cli = new CommandContext(() -> Cli.commandLine(new MirrorCommand()));

    @TempDir
    Path dir;

    private Path plan(String yaml) throws IOException {
        Path p = dir.resolve("plan.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    @Test
    void validate_of_a_good_plan_exits_0_with_a_summary() {
        CommandResult r = cli.run("validate", "--plan", "examples/active-passive.yaml").assertSuccess();
        assertThat(r.out()).isEqualTo("plan examples/active-passive.yaml: 0 error(s), 0 warning(s)\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void validate_of_a_broken_plan_lists_findings_and_exits_2_with_one_error_line() throws IOException {
        Path p = plan(Examples.minimal("config: {refresh.topics.interval.second: 30}\nreplicationFactor: 5"));
        CommandResult r = cli.run("validate", "--plan", p.toString()).assertExitCode(2);
        assertThat(r.out()).contains("ERROR UNKNOWN_KEY [flow a->b] flows[0].config.refresh.topics.interval.second:")
                .contains("ERROR RF_EXCEEDS_BROKERS [flow a->b] flows[0].replicationFactor:")
                .endsWith("plan " + p + ": 2 error(s), 0 warning(s)\n");
        assertThat(r.err().strip()).isEqualTo("mirror: error: plan " + p + " has 2 error(s) and 0 warning(s); see the "
                + "findings above: fix each finding listed above (its 'fix:' part says how), then run 'kdr mirror "
                + "validate' again");
    }

    @Test
    void warnings_pass_unless_strict() throws IOException {
        Path p = plan(Examples.minimal("config: {refresh.topics.interval.seconds: 600}"));
        assertThat(cli.run("validate", "--plan", p.toString()).assertSuccess().out())
                .contains("WARNING RPO_REFRESH").contains("0 error(s), 1 warning(s)");
        assertThat(cli.run("validate", "--plan", p.toString(), "--strict").assertExitCode(2).err())
                .contains("has 0 error(s) and 1 warning(s) (--strict fails on warnings)");
    }

    @Test
    void generate_writes_nothing_when_the_plan_is_invalid() throws IOException {
        Path p = plan(Examples.minimal("mode: active-active"));
        Path out = dir.resolve("out");
        cli.run("generate", "--plan", p.toString(), "--out", out.toString()).assertExitCode(2);
        assertThat(out).doesNotExist();
    }

    @Test
    void generate_writes_only_the_selected_formats() throws IOException {
        Path out = dir.resolve("out");
        CommandResult r = cli.run("generate", "--plan", "examples/active-active.yaml", "--out", out.toString(),
                "--format", "mm2,strimzi").assertSuccess();
        try (Stream<Path> s = Files.walk(out)) {
            assertThat(s.filter(Files::isRegularFile).map(f -> out.relativize(f).toString()).sorted().toList())
                    .containsExactly("mm2/mm2-east.properties", "mm2/mm2-west.properties",
                            "strimzi/kafkamirrormaker2-east.yaml", "strimzi/kafkamirrormaker2-west.yaml");
        }
        assertThat(r.out()).contains("wrote " + out.resolve("mm2/mm2-east.properties"));
    }

    @Test
    void a_malformed_plan_is_a_usage_error_naming_the_key() throws IOException {
        Path p = plan(Examples.minimal("topic: {include: [x]}"));
        CommandResult r = cli.run("validate", "--plan", p.toString()).assertExitCode(2);
        assertThat(r.err()).startsWith("mirror: error: " + p + ": flows[0].topic: unknown key (did you mean 'topics'?)");
    }

    @Test
    void missing_plan_file_and_unknown_format_are_usage_errors() {
        assertThat(cli.run("validate", "--plan", dir.resolve("nope.yaml").toString()).assertExitCode(2).err())
                .contains("cannot read plan");
        assertThat(cli.run("generate", "--plan", "x", "--out", "y", "--format", "helm").assertExitCode(2).err())
                .contains("Invalid value for option '--format'");
    }

    @Test
    void bootstrap_for_an_undefined_alias_is_a_usage_error() {
        CommandResult r = cli.run("validate", "--plan", "examples/active-passive.yaml", "--bootstrap", "prod=x:1");
        assertThat(r.assertExitCode(2).err()).contains("--bootstrap names cluster 'prod', which the plan does not "
                + "define (defined: dr, primary)");
    }
}
