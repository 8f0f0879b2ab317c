package dev.kafkadr.restore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.restore.testing.ArchivedCorpus;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-only commands against a real file:// archive, help everywhere, and shell completion. */
class KdrCommandsTest {

    @TempDir
    static Path dir;
    static ArchivedCorpus corpus;
    final CommandContext kdr = new CommandContext(Main::commandLine);

    @BeforeAll
    static void write() {
        corpus = ArchivedCorpus.writeTo(dir.resolve("archive"));
    }

    @Test
    void help_works_on_every_command() {
        String[][] commands = {{}, {"backups"}, {"backups", "list"}, {"backups", "describe"}, {"verify"},
                {"restore"}, {"restore", "topics"}, {"restore", "offsets"}, {"generate-completion"}};
        for (String[] c : commands) {
            String[] args = Stream.concat(Stream.of(c), Stream.of("--help")).toArray(String[]::new);
            CommandResult r = kdr.run(args).assertSuccess();
            assertThat(r.out()).as(String.join(" ", args)).startsWith("Usage: kdr");
        }
        assertThat(kdr.run("restore").assertExitCode(2).err()).contains("topics").contains("offsets");
    }

    @Test
    void a_completion_script_is_generated() {
        assertThat(kdr.run("generate-completion").assertSuccess().out())
                .contains("complete -F").contains("restore").contains("--to-time");
    }

    @Test
    void backups_list_shows_both_runs_and_the_retention_gap() {
        CommandResult r = kdr.run("backups", "list", "--store", corpus.storeUri()).assertSuccess();
        assertThat(r.out()).contains(corpus.run1).contains(corpus.run2)
                .contains("run " + corpus.run2 + ": gap retained-0 [20, 30) RETENTION");
        String json = kdr.run("backups", "list", "--store", corpus.storeUri(), "--cluster", "prod", "--json")
                .assertSuccess().out();
        assertThat(json.indexOf(corpus.run1)).isLessThan(json.indexOf(corpus.run2));
        assertThat(kdr.run("backups", "list", "--store", corpus.storeUri(), "--json").out()).isEqualTo(json);
    }

    @Test
    void backups_list_prints_an_unreadable_run_and_exits_3_with_one_error_line(@TempDir Path copyDir)
            throws IOException {
        ArchivedCorpus damaged = ArchivedCorpus.writeTo(copyDir);
        deleteTree(copyDir.resolve("clusters/prod/indexes")); // runs an index covers are listed from the index
        Path manifest = copyDir.resolve("clusters/prod/manifests/" + damaged.run1 + ".json");
        byte[] bytes = Files.readAllBytes(manifest);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(manifest, bytes);

        CommandResult r = kdr.run("backups", "list", "--store", damaged.storeUri());

        r.assertExitCode(3);
        assertThat(r.out()).contains(damaged.run2).contains("UNREADABLE").contains("run " + damaged.run1 + ": ");
        assertThat(r.err().lines().toList()).containsExactly("kdr: error: 1 of 2 committed runs cannot be read "
                + "(first: run " + damaged.run1 + " of cluster prod): run 'kdr verify --cluster prod' to see every "
                + "problem");
    }

    @Test
    void backups_describe_shows_each_partition_as_of_the_newest_or_a_given_run() {
        String out = kdr.run("backups", "describe", "--store", corpus.storeUri(), "--topic", "retained")
                .assertSuccess().out();
        assertThat(out).contains("0          [0, 50)  30         40").contains("[20, 30) RETENTION");
        String older = kdr.run("backups", "describe", "--store", corpus.storeUri(), "--topic", "retained", "--run",
                corpus.run1).assertSuccess().out();
        assertThat(older).contains("as of run " + corpus.run1).contains("0          [0, 20)  0          20");
        assertThat(kdr.run("backups", "describe", "--store", corpus.storeUri(), "--topic", "orders", "--json")
                .assertSuccess().out()).contains("\"partition\" : 11");
    }

    @Test
    void verify_exits_0_when_sound_and_3_with_one_line_per_problem(@TempDir Path copyDir) throws IOException {
        assertThat(kdr.run("verify", "--store", corpus.storeUri(), "--deep").assertSuccess().out())
                .matches("verified cluster prod: 2 runs, 36 commit records, \\d+ segments \\(.*, every block decoded\\)"
                        + ": OK\\R");
        ArchivedCorpus damaged = ArchivedCorpus.writeTo(copyDir);
        Path seg;
        try (Stream<Path> s = Files.walk(copyDir.resolve("clusters/prod/topics/txn/0/segments"))) {
            seg = s.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
        }
        Files.delete(seg);
        CommandResult r = kdr.run("verify", "--store", damaged.storeUri());
        r.assertExitCode(3);
        assertThat(r.out().lines().toList()).hasSize(2);
        assertThat(r.out()).startsWith("MISSING_OBJECT clusters/prod/topics/txn/0/segments/")
                .contains("(txn-0 offsets 0..")
                .contains("verification FAILED: 1 problem in cluster prod");
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
