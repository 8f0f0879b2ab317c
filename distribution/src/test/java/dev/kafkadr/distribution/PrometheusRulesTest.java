package dev.kafkadr.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/prometheus/kdr-alerts.yml: parsed here (metric and label names must be ones the agent exports), and checked
 * and unit-tested by promtool where it is installed ({@code KDR_REQUIRE_PROMTOOL=1} makes its absence a failure).
 */
class PrometheusRulesTest {

    static final String RULES = "deploy/prometheus/kdr-alerts.yml";
    static final String RULE_TESTS = "deploy/prometheus/kdr-alerts.test.yml";
    static final String PROMTOOL_HINT = "Debian: apt-get install -y prometheus (ships /usr/bin/promtool)";
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static List<JsonNode> rules;
    static Map<String, Set<String>> exported;

    @BeforeAll
    static void load() {
        rules = rulesOf(RepoFiles.path(RULES));
        exported = ExportedMetrics.scrape();
    }

    static List<JsonNode> rulesOf(Path file) {
        List<JsonNode> out = new ArrayList<>();
        Yaml.documents(file).forEach(doc -> doc.path("groups").forEach(g -> g.path("rules").forEach(out::add)));
        return out;
    }

    static JsonNode rule(String alert) {
        return rules.stream().filter(r -> alert.equals(r.path("alert").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no alert " + alert + " in " + RULES));
    }

    @Test
    void every_expression_uses_only_metrics_and_labels_the_agent_exports() {
        assertThat(exported).as("exported series").containsKeys("kdr_backup_last_success_timestamp_seconds",
                "kdr_backup_runs_total");
        for (JsonNode r : rules) {
            String expr = r.path("expr").asText();
            Map<String, Set<String>> used = PromQl.metrics(expr);
            assertThat(used).as("metrics of %s", r.path("alert")).isNotEmpty();
            used.forEach((metric, labels) -> {
                Set<String> known = new TreeSet<>(ExportedMetrics.TARGET_LABELS);
                if (!metric.equals("up")) {
                    assertThat(exported).as("%s in %s: exported by AgentMetrics", metric, r.path("alert"))
                            .containsKey(metric);
                    known.addAll(exported.get(metric));
                }
                assertThat(known).as("labels of %s in %s", metric, r.path("alert")).containsAll(labels);
            });
        }
    }

    @Test
    void the_rules_cover_rpo_absence_agent_down_failures_retention_gaps_and_stuck_partitions() {
        assertThat(PromQl.metrics(rule("KdrBackupRpoExceeded").path("expr").asText()))
                .containsOnlyKeys("kdr_backup_last_success_timestamp_seconds");
        assertThat(rule("KdrBackupRpoExceeded").path("expr").asText()).startsWith("time() -");
        assertThat(rule("KdrBackupMetricsAbsent").path("expr").asText())
                .startsWith("absent(kdr_backup_last_success_timestamp_seconds");
        assertThat(rule("KdrAgentDown").path("expr").asText()).contains("up{").contains("== 0");
        assertThat(rule("KdrBackupRunFailed").path("expr").asText())
                .contains("kdr_backup_runs_total{result=\"failure\"}");
        assertThat(PromQl.metrics(rule("KdrBackupRetentionGap").path("expr").asText()))
                .containsOnlyKeys("kdr_backup_retention_gaps_total");
        assertThat(PromQl.metrics(rule("KdrBackupPartitionsStuck").path("expr").asText()))
                .containsOnlyKeys("kdr_backup_partitions_behind_cut");
        assertThat(PromQl.metrics(rule("KdrContinuousBackupLagging").path("expr").asText()))
                .containsOnlyKeys("kdr_backup_partition_lag_seconds");
    }

    @Test
    void every_rule_has_a_severity_a_summary_and_a_description() {
        assertThat(rules).hasSize(7);
        for (JsonNode r : rules) {
            assertThat(r.path("labels").path("severity").asText()).as("severity of %s", r.path("alert"))
                    .isIn("critical", "warning");
            assertThat(r.path("annotations").path("summary").asText()).as("summary").isNotBlank();
            assertThat(r.path("annotations").path("description").asText()).as("description").isNotBlank();
        }
    }

    @Test
    void the_promtool_unit_tests_make_every_alert_fire_at_least_once() throws Exception {
        Map<String, Integer> firing = new HashMap<>();
        for (JsonNode t : YAML.readTree(RepoFiles.path(RULE_TESTS).toFile()).path("tests")) {
            for (JsonNode a : t.path("alert_rule_test")) {
                firing.merge(a.path("alertname").asText(), a.path("exp_alerts").size(), Integer::sum);
            }
        }
        for (JsonNode r : rules) {
            assertThat(firing.getOrDefault(r.path("alert").asText(), 0)).as("firing cases of %s", r.path("alert"))
                    .isPositive();
        }
    }

    @Test
    void promtool_check_rules_accepts_the_file() {
        Path promtool = ExternalTool.require("promtool", PROMTOOL_HINT);
        Processes.Result r = Processes.run(List.of(promtool.toString(), "check", "rules", RULES), Map.of(),
                RepoFiles.root(), Duration.ofSeconds(60)).assertSuccess();
        assertThat(r.out()).contains("SUCCESS: 7 rules found");
    }

    @Test
    void promtool_unit_tests_of_the_rules_pass() {
        Path promtool = ExternalTool.require("promtool", PROMTOOL_HINT);
        Processes.Result r = Processes.run(List.of(promtool.toString(), "test", "rules", RULE_TESTS), Map.of(),
                RepoFiles.root(), Duration.ofSeconds(60)).assertSuccess();
        assertThat(r.out() + r.err()).contains("SUCCESS");
    }
}
