package dev.kafkadr.restore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.cli.Cli;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.CommandResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KdrMirrorTest {

    private final CommandContext kdr = new CommandContext(() -> Cli.commandLine(new KdrCommand()));
    private static final Path EXAMPLE = Path.of("../mirror-config/examples/active-passive.yaml");

    @Test
    void kdr_mirror_validate_runs_the_mirror_config_rules() {
        CommandResult r = kdr.run("mirror", "validate", "--plan", EXAMPLE.toString());
        r.assertSuccess();
    }

    @Test
    void kdr_mirror_generate_writes_the_outputs(@TempDir Path out) throws Exception {
        kdr.run("mirror", "generate", "--plan", EXAMPLE.toString(), "--out", out.toString(), "--format", "mm2")
                .assertSuccess();
        try (var files = Files.walk(out)) {
            assertThat(files.filter(p -> p.toString().endsWith(".properties")).count()).isPositive();
        }
    }

    @Test
    void verbose_is_inherited_by_the_mounted_mirror_commands() {
        CommandResult r = kdr.run("mirror", "validate", "-v", "--plan", "does-not-exist.yaml");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("does-not-exist.yaml").contains("\tat ");
    }

    @Test
    void version_names_the_release_and_the_archive_format() {
        assertThat(kdr.run("--version").out()).contains("kafka-dr ").contains("archive format 1");
    }
}
