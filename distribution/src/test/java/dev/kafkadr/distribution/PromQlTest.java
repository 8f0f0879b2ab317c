package dev.kafkadr.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void finds_metric_names_and_matcher_labels_but_not_functions_keywords_or_grouping_labels() {
        var m = PromQl.metrics("time() - max by (cluster) (max_over_time(kdr_a{cluster=~\"$cluster\"}[26h])) "
                + "> 26 * 3600");
        assertThat(m).containsOnlyKeys("kdr_a");
        assertThat(m.get("kdr_a")).containsExactly("cluster");
    }

    @Test
    void finds_every_operand_of_binary_and_set_operators() {
        var m = PromQl.metrics("a_total > 0 and on (x, y) b unless ignoring(z) c{d!=\"e\", f!~'g'} or vector(1)");
        assertThat(m).containsOnlyKeys("a_total", "b", "c");
        assertThat(m.get("c")).isEqualTo(Set.of("d", "f"));
    }

    @Test
    void ignores_strings_durations_numbers_and_grafana_variables() {
        var m = PromQl.metrics("sum by (topic) (rate(kdr_b_total{cluster=~\"$cluster\", t=\"up and down\"}"
                + "[$__rate_interval])) / 1e3 + ${rpo} * 3600 offset 5m");
        assertThat(m).containsOnlyKeys("kdr_b_total");
    }

    @Test
    void a_bare_metric_name_is_found() {
        assertThat(PromQl.metrics("up == 0")).containsOnlyKeys("up");
    }
}
