package dev.kafkadr.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/grafana/kdr-agent-dashboard.json: valid JSON whose every query uses metrics the agent really exports. */
class GrafanaDashboardTest {

    static final String DASHBOARD = "deploy/grafana/kdr-agent-dashboard.json";
    static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,\\s*(\\w+)\\s*\\)");

    static JsonNode dashboard;
    static Map<String, Set<String>> exported;

    @BeforeAll
    static void load() throws Exception {
        dashboard = new ObjectMapper().readTree(RepoFiles.path(DASHBOARD).toFile());
        exported = ExportedMetrics.scrape();
    }

    static List<String> expressions() {
        List<String> out = new ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> out.add(t.path("expr").asText())));
        return out;
    }

    @Test
    void every_panel_has_a_unique_id_a_title_and_prometheus_queries() {
        assertThat(dashboard.path("uid").asText()).isEqualTo("kdr-agent");
        Set<Integer> ids = new HashSet<>();
        for (JsonNode p : dashboard.path("panels")) {
            assertThat(ids.add(p.path("id").asInt())).as("unique id %s", p.path("id")).isTrue();
            assertThat(p.path("title").asText()).isNotBlank();
            assertThat(p.path("datasource").path("type").asText()).isEqualTo("prometheus");
            assertThat(p.path("targets")).as("targets of %s", p.path("title")).isNotEmpty();
            p.path("targets").forEach(t -> assertThat(t.path("expr").asText()).as("expr").isNotBlank());
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void every_query_uses_only_metrics_and_labels_the_agent_exports() {
        for (String expr : expressions()) {
            PromQl.metrics(expr).forEach((metric, labels) -> {
                Set<String> known = new TreeSet<>(ExportedMetrics.TARGET_LABELS);
                if (!metric.equals("up")) {
                    assertThat(exported).as("%s in '%s': exported by AgentMetrics", metric, expr).containsKey(metric);
                    known.addAll(exported.get(metric));
                }
                assertThat(known).as("labels of %s in '%s'", metric, expr).containsAll(labels);
            });
        }
    }

    @Test
    void the_cluster_variable_lists_a_label_the_agent_exports() {
        int checked = 0;
        for (JsonNode v : dashboard.path("templating").path("list")) {
            Matcher m = LABEL_VALUES.matcher(v.path("definition").asText() + " " + v.path("query").path("query").asText());
            while (m.find()) {
                assertThat(exported).containsKey(m.group(1));
                assertThat(exported.get(m.group(1))).contains(m.group(2));
                checked++;
            }
        }
        assertThat(checked).isPositive();
    }

    @Test
    void the_dashboard_shows_success_age_rates_durations_failures_gaps_and_partitions_behind() {
        Set<String> used = new TreeSet<>();
        expressions().forEach(e -> used.addAll(PromQl.metrics(e).keySet()));
        assertThat(used).contains("kdr_backup_last_success_timestamp_seconds", "kdr_backup_records_total",
                "kdr_backup_bytes_total", "kdr_backup_run_duration_seconds_sum",
                "kdr_backup_run_duration_seconds_count", "kdr_backup_runs_total", "kdr_backup_retention_gaps_total",
                "kdr_backup_retention_gap_offsets_total", "kdr_backup_partitions_behind_cut");
        assertThat(expressions()).anyMatch(e -> e.contains("$rpo"));
    }
}
