package dev.kafkadr.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkadr.agent.cli.AgentCommand;
import dev.kafkadr.cli.Cli;
import dev.kafkadr.testkit.CommandContext;
import dev.kafkadr.testkit.CommandResult;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/operations.md stays true: its alert table quotes the real rule expressions, its metrics table names every
 * exported metric, the files and tests it cites exist, and its troubleshooting lines are what the agent really
 * prints for those mistakes (those that need no Kafka cluster are re-run here).
 */
class OperationsDocTest {

    static final String DOC = RepoFiles.read("docs/operations.md");
    static final Pattern CITED_TEST = Pattern.compile("`([A-Z][A-Za-z]+(?:Test|IT))`");
    static final Pattern CITED_FILE = Pattern.compile("`((?:deploy|scripts|conf)/[A-Za-z0-9_./-]+)`");

    @TempDir
    Path etc;

    final CommandContext cli = new CommandContext(() -> Cli.commandLine(new AgentCommand()));

    @Test
    void the_alert_table_quotes_every_rule_expression() {
        for (JsonNode rule : PrometheusRulesTest.rulesOf(RepoFiles.path(PrometheusRulesTest.RULES))) {
            assertThat(DOC).as("alert %s", rule.path("alert")).contains("| `" + rule.path("alert").asText() + "` | `"
                    + rule.path("expr").asText().replace("|", "\\|") + "`");
        }
    }

    @Test
    void the_metrics_table_names_every_exported_metric() {
        for (String series : ExportedMetrics.scrape().keySet()) {
            String base = series.replaceFirst("_(count|sum|max)$", "");
            assertThat(DOC).as("metric %s", series).contains("`" + base + "`");
        }
    }

    @Test
    void every_cited_test_and_file_exists() throws Exception {
        Matcher tests = CITED_TEST.matcher(DOC);
        int cited = 0;
        while (tests.find()) {
            Class.forName(getClass().getPackageName() + "." + tests.group(1));
            cited++;
        }
        assertThat(cited).isGreaterThanOrEqualTo(8);
        Matcher files = CITED_FILE.matcher(DOC);
        while (files.find()) {
            String f = files.group(1);
            Path p = f.startsWith("conf/") ? RepoFiles.root().resolve("distribution/src/main/dist/" + f)
                    : RepoFiles.root().resolve(f.replaceFirst("\\.sh .*", ".sh"));
            assertThat(p).as("cited file %s", f).exists();
        }
    }

    /** Runs the agent; returns its one stderr line with the temp dir shown as /etc/kdr. */
    String error(int expectedExit, String... args) {
        CommandResult r = cli.run(args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(expectedExit);
        assertThat(r.err()).hasLineCount(1);
        return r.err().strip().replace(etc.toString(), "/etc/kdr");
    }

    Path agentYaml(String yaml) throws IOException {
        return Files.writeString(etc.resolve("agent.yaml"), yaml);
    }

    void assertDocumented(String line) {
        assertThat(DOC).as("docs/operations.md quotes the real message").contains("`" + line + "`");
    }

    @Test
    void the_troubleshooting_messages_are_the_agents_real_ones() throws IOException {
        assertDocumented(error(2, "--config", agentYaml("source:\n  bootstrap-servers: kafka-1:9093\nstore:\n"
                + "  uri: file:///var/lib/kdr/archive\nschedule:\n  cron: '0 0 2 * *'\n").toString()));
        assertDocumented(error(2, "--config", agentYaml("source:\n  bootstrap-servers: kafka-1:9093\n  nmae: prod\n"
                + "store:\n  uri: file:///var/lib/kdr/archive\n").toString()));
        assertDocumented(error(2, "--once", "--bootstrap-server", "kafka-1:9093"));
        assertDocumented(error(2, "--once", "--bootstrap-server", "kafka-1:9093", "--store", "ftp://x/y"));
        assertDocumented(error(2, "--once", "--bootstrap-server", "kafka-1:9093", "--store",
                "file:///var/lib/kdr/archive", "--topics", "orders["));
        assertDocumented(error(2, "--config", agentYaml("source:\n  bootstrap-servers: kafka-1:9093\nstore:\n"
                + "  uri: s3://b/p\n  s3:\n    secret-access-key: ${env:KDR_S3_SECRET_ACCESS_KEY}\n").toString()));
        assertDocumented(error(2, "--once", "--bootstrap-server", "kafka-1:9093", "--store",
                "file:///var/lib/kdr/archive", "--command-config", etc.resolve("client.properties").toString()));
    }

    @Test
    void the_missing_config_file_message_is_the_real_one() throws IOException {
        Files.deleteIfExists(etc.resolve("agent.yaml"));
        assertDocumented(error(2, "--config", etc.resolve("agent.yaml").toString()));
    }

    @Test
    void the_unreachable_broker_and_busy_metrics_port_messages_are_the_real_ones() throws IOException {
        Path fast = Files.writeString(etc.resolve("fast.properties"), "default.api.timeout.ms=1500\n"
                + "request.timeout.ms=1000\n");
        assertDocumented(error(5, "--once", "--bootstrap-server", "127.0.0.1:1", "--command-config", fast.toString(),
                "--store", etc.resolve("archive").toUri().toString(), "--set", "metrics.port=-1"));
        try (ServerSocket taken = new ServerSocket(0)) {
            String line = error(2, "--config", agentYaml("source:\n  bootstrap-servers: 127.0.0.1:1\nstore:\n"
                    + "  uri: " + etc.resolve("archive").toUri() + "\nschedule:\n  cron: '0 0 2 * * ?'\n"
                    + "  catch-up-missed: false\nmetrics:\n  port: " + taken.getLocalPort() + "\n").toString());
            assertDocumented(line.replace(":" + taken.getLocalPort(), ":9404"));
        }
    }
}
