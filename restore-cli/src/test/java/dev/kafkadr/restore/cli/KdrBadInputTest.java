package dev.kafkadr.restore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.restore.testing.ArchivedCorpus;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad inputs to kdr beyond the catalogue (docs/bad-input.md, checked by {@code KdrBadInputCatalogIT}) that need no
 * Kafka cluster: one line on stderr, nothing on stdout, the documented exit code (docs/restore.md, "Bad input").
 */
class KdrBadInputTest {

    @TempDir
    static Path dir;
    static ArchivedCorpus corpus;
    static String store;
    static Path shortTimeouts;
    final CommandContext kdr = new CommandContext(Main::commandLine);

    @BeforeAll
    static void write() throws IOException {
        corpus = ArchivedCorpus.writeTo(dir.resolve("archive"));
        store = corpus.storeUri();
        shortTimeouts = dir.resolve("short.properties");
        Files.writeString(shortTimeouts, "default.api.timeout.ms=3000\nrequest.timeout.ms=1000\n");
    }

    private static void assertOneLine(CommandResult r, int exitCode, String line) {
        r.assertExitCode(exitCode);
        assertThat(r.err()).isEqualTo("kdr: error: " + line + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void an_unknown_topic_in_describe_is_not_found() {
        assertOneLine(kdr.run("backups", "describe", "--store", store, "--topic", "payments"), 4,
                "topic 'payments' has no backup in cluster 'prod' as of run " + corpus.run2 + " (archived topics:"
                        + " [audit, compacted, orders, retained, txn]): check the topic name with 'kdr backups"
                        + " describe' on one of the archived topics");
    }

    @Test
    void an_unreachable_broker_is_unavailable_for_offsets_too() {
        CommandResult offsets = kdr.run("restore", "offsets", "--store", store, "--bootstrap-server", "127.0.0.1:1",
                "--command-config", shortTimeouts.toString());
        offsets.assertExitCode(5);
        assertThat(offsets.err()).startsWith("kdr: error: Kafka at 127.0.0.1:1 did not answer").hasLineCount(1);
    }

    @Test
    void malformed_options_are_usage_errors() {
        String[] base = {"restore", "topics", "--store", store, "--bootstrap-server", "127.0.0.1:1"};
        assertOneLine(kdr.run(concat(base, "--to-time", "2026-01-01T00:00:00Z", "--run", corpus.run1)), 2,
                "--run=RUN-ID, --to-time=ISO-8601 are mutually exclusive (specify only one) (see 'kdr restore"
                        + " topics --help')");
        assertOneLine(kdr.run(concat(base, "--partitions", "1-x")), 2, "Invalid value for option '--partitions':"
                + " must be partition numbers and ranges like 0,3,5-7 but was '1-x' (see 'kdr restore topics --help')");
        assertThat(kdr.run(concat(base, "--rename", "orders")).assertExitCode(2).err())
                .contains("should be in KEY=VALUE format").hasLineCount(1);
        assertOneLine(kdr.run(concat(base, "--replication-factor", "0")), 2,
                "--replication-factor must be at least 1 but was 0");
        assertOneLine(kdr.run("restore", "topics", "--bootstrap-server", "127.0.0.1:1"), 2,
                "Missing required option: '--store=URI' (see 'kdr restore topics --help')");
        assertOneLine(kdr.run("restore", "topics", "--store", store, "--bootstrap-server", "localhost"), 2,
                "bootstrap server 'localhost' must be HOST:PORT");
    }

    @Test
    void verbose_adds_the_stack_trace() {
        CommandResult r = kdr.run("-v", "restore", "topics", "--store", store, "--bootstrap-server", "127.0.0.1:1",
                "--topics", "payments");
        r.assertExitCode(4);
        assertThat(r.err()).contains("at dev.kafkadr.restore.RestorePlanner");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
