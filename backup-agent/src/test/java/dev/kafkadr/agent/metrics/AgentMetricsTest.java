package dev.kafkadr.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentMetricsTest {

    @Test
    void archived_batches_add_up_per_topic() {
        AgentMetrics m = new AgentMetrics("prod");
        m.archived("prod", "orders", 10, 1000);
        m.archived("prod", "orders", 5, 500);
        m.archived("prod", "events", 1, 7);

        assertThat(m.registry().scrape())
                .contains("kdr_backup_records_total{cluster=\"prod\",topic=\"orders\"} 15.0")
                .contains("kdr_backup_bytes_total{cluster=\"prod\",topic=\"orders\"} 1500.0")
                .contains("kdr_backup_records_total{cluster=\"prod\",topic=\"events\"} 1.0")
                .contains("kdr_backup_bytes_total{cluster=\"prod\",topic=\"events\"} 7.0");
    }
}
