package dev.kafkadr.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PartitionGaugesTest {

    @Test
    void per_partition_lag_and_last_commit_are_exported_while_owned_and_removed_when_released() {
        AgentMetrics m = new AgentMetrics("prod");
        m.partitionLag("prod", "orders", 3, 1200, 4.5);
        m.partitionCommitted("prod", "orders", 3, Instant.ofEpochSecond(1_764_000_000L));
        m.partitionLag("prod", "orders", 4, 0, 0);

        String scrape = m.registry().scrape();
        assertThat(scrape)
                .contains("kdr_backup_partition_lag_records{cluster=\"prod\",partition=\"3\",topic=\"orders\"} 1200.0")
                .contains("kdr_backup_partition_lag_seconds{cluster=\"prod\",partition=\"3\",topic=\"orders\"} 4.5")
                .contains("kdr_backup_partition_last_commit_timestamp_seconds{cluster=\"prod\",partition=\"3\","
                        + "topic=\"orders\"} 1.764E9")
                .contains("kdr_backup_partition_lag_records{cluster=\"prod\",partition=\"4\",topic=\"orders\"} 0.0");

        m.partitionReleased("prod", "orders", 3);

        assertThat(m.registry().scrape()).doesNotContain("partition=\"3\"").contains("partition=\"4\"");
    }
}
