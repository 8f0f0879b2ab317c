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
 * Every bad input that needs no Kafka cluster: one line on stderr, nothing on stdout, the documented exit code
 * (docs/restore.md, "Bad input"). An unreachable broker is a closed local port. The cases that need a real cluster
 * (a non-empty --rename target, wrong credentials) are in the integration tests.
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
    void an_unknown_store_is_not_found() {
        String nope = dir.resolve("nope").toUri().toString();
        assertOneLine(kdr.run("restore", "topics", "--store", nope, "--bootstrap-server", "127.0.0.1:1"), 4,
                "no kafka-dr archive at " + nope + ": the store holds nothing under"
                        + " clusters/: check --store (and --store-option for S3)");
        assertOneLine(kdr.run("backups", "list", "--store", "ftp://host/x"), 2,
                "unsupported store URI scheme 'ftp' in ftp://host/x: expected file, s3 or hdfs");
        assertOneLine(kdr.run("verify", "--store", store, "--store-option", "s3.colour=blue"), 2,
                "unknown store option 's3.colour': expected one of [local.fsync, s3.access-key-id, s3.endpoint,"
                        + " s3.part-size.bytes, s3.parts-in-flight, s3.path-style-access, s3.region,"
                        + " s3.secret-access-key, s3.session-token, s3.sse, s3.sse-kms-key-id, encryption.key-env,"
                        + " encryption.key-file, encryption.key-id, encryption.previous-key-files]"
                        + " or hdfs.conf.<hadoop key>");
    }

    @Test
    void no_backup_for_the_cluster_is_not_found() {
        assertOneLine(kdr.run("restore", "topics", "--store", store, "--cluster", "staging", "--bootstrap-server",
                "127.0.0.1:1"), 4, "no committed backup of cluster 'staging' in " + store
                + " (clusters with backups: [prod]): run 'kdr backups list --store URI' to see what the store holds");
    }

    @Test
    void an_unknown_topic_is_not_found() {
        assertOneLine(kdr.run("restore", "topics", "--store", store, "--bootstrap-server", "127.0.0.1:1",
                "--topics", "payments"), 4, "no archived topic matches --topics 'payments' in cluster 'prod' as of"
                + " run " + corpus.run2 + " (archived topics: [audit, compacted, orders, retained, txn]): run 'kdr"
                + " backups list' and 'kdr backups describe'");
        assertOneLine(kdr.run("backups", "describe", "--store", store, "--topic", "payments"), 4,
                "topic 'payments' has no backup in cluster 'prod' as of run " + corpus.run2 + " (archived topics:"
                        + " [audit, compacted, orders, retained, txn]): check the topic name with 'kdr backups"
                        + " describe' on one of the archived topics");
    }

    @Test
    void an_unknown_run_is_not_found() {
        assertOneLine(kdr.run("restore", "topics", "--store", store, "--bootstrap-server", "127.0.0.1:1", "--run",
                "20200101T000000000Z-00000000"), 4, "run '20200101T000000000Z-00000000' is not a committed run of"
                + " cluster 'prod' (runs " + corpus.run1 + " … " + corpus.run2 + ", 2 in all): run 'kdr backups list"
                + " --store URI' to see what the store holds");
    }

    @Test
    void a_time_before_the_first_backup_names_the_earliest_archived_timestamp() {
        assertOneLine(kdr.run("restore", "topics", "--store", store, "--bootstrap-server", "127.0.0.1:1",
                "--to-time", "2001-01-01T00:00:00Z"), 4, "--to-time 2001-01-01T00:00:00Z is before the first backup:"
                + " the earliest archived record of the selected topics has timestamp " + corpus.base
                + ": choose a --to-time at or after it");
    }

    @Test
    void an_unreachable_broker_is_unavailable() {
        assertOneLine(kdr.run("restore", "topics", "--store", store, "--bootstrap-server", "127.0.0.1:1",
                "--command-config", shortTimeouts.toString(), "--topics", "txn"), 5,
                "Kafka at 127.0.0.1:1 did not answer while trying to describe target topic txn (Timed out waiting for"
                        + " a node assignment. Call: listNodes): check --bootstrap-server, the network, and the"
                        + " security.protocol in --command-config");
        CommandResult offsets = kdr.run("restore", "offsets", "--store", store, "--bootstrap-server", "127.0.0.1:1",
                "--command-config", shortTimeouts.toString());
        offsets.assertExitCode(5);
        assertThat(offsets.err()).startsWith("kdr: error: Kafka at 127.0.0.1:1 did not answer").hasLineCount(1);
    }

    @Test
    void malformed_options_are_usage_errors() {
        String[] base = {"restore", "topics", "--store", store, "--bootstrap-server", "127.0.0.1:1"};
        assertOneLine(kdr.run(concat(base, "--to-time", "yesterday")), 2, "Invalid value for option '--to-time': must"
                + " be an ISO-8601 time with a zone, e.g. 2026-11-27T02:00:00Z or 2026-11-27T03:00:00+01:00, but was"
                + " 'yesterday' (see 'kdr restore topics --help')");
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
        assertOneLine(kdr.run(concat(base, "--command-config", dir.resolve("missing.properties").toString())), 2,
                "command config file " + dir.resolve("missing.properties") + " does not exist or is not a file");
        assertOneLine(kdr.run(concat(base, "--topics", "(")), 2, "--topics '(' is not a valid regular expression:"
                + " Unclosed group");
    }

    @Test
    void a_rename_of_an_unselected_topic_is_a_usage_error() {
        assertOneLine(kdr.run("restore", "topics", "--store", store, "--bootstrap-server", "127.0.0.1:1",
                "--topics", "txn", "--rename", "orders=orders-dr"), 2, "--rename orders=orders-dr names topic"
                + " 'orders', which is not among the selected archived topics [txn]");
    }

    @Test
    void an_unknown_group_is_not_found() {
        assertOneLine(kdr.run("restore", "offsets", "--store", store, "--bootstrap-server", "127.0.0.1:1",
                "--groups", "billing.*"), 4, "no archived consumer group matches --groups 'billing.*' in run "
                + corpus.run2 + " (archived groups: [g-compact, g-end, g-ghost, g-retained, g-txn]): check --groups;"
                + " it must match the whole group id");
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
