package dev.kafkadr.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.mirror.cli.MirrorCommand;
import dev.kafkadr.cli.Cli;
import dev.kafkadr.testkit.CommandContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed outputs under {@code examples/generated/} are exactly what {@code kdr mirror generate} writes for
 * the example plans today (golden files for every renderer). Regenerate them with
 * {@code mvn -pl mirror-config test -Dtest=ExamplesTest -Dkdr.updateExamples=true}.
 */
class ExamplesTest {

    private final CommandContext cli = new CommandContext(() -> Cli.commandLine(new MirrorCommand()));

    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"active-passive", "active-active"})
    void committed_generated_files_match_a_fresh_generate_byte_for_byte(String example) throws IOException {
        Path committed = Examples.DIR.resolve("generated").resolve(example);
        Path plan = Examples.DIR.resolve(example + ".yaml");
        if (Boolean.getBoolean("kdr.updateExamples")) {
            deleteTree(committed);
            cli.run("generate", "--plan", plan.toString(), "--out", committed.toString()).assertSuccess();
        }
        cli.run("generate", "--plan", plan.toString(), "--out", out.toString()).assertSuccess();
        assertThat(tree(out)).as("regenerate with -Dkdr.updateExamples=true and review the diff")
                .isEqualTo(tree(committed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"active-passive", "active-active"})
    void generating_twice_gives_identical_files(String example) throws IOException {
        Path plan = Examples.DIR.resolve(example + ".yaml");
        cli.run("generate", "--plan", plan.toString(), "--out", out.resolve("1").toString()).assertSuccess();
        cli.run("generate", "--plan", plan.toString(), "--out", out.resolve("2").toString()).assertSuccess();
        assertThat(tree(out.resolve("1"))).isNotEmpty().isEqualTo(tree(out.resolve("2")));
    }

    static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
