package dev.kafkadr.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.manifest.TopicMetadata;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicSpecTest {

    private final TopicMetadata orders = TopicMetadata.of("orders", "id", 12, 3, Map.of("min.insync.replicas", "2",
            "cleanup.policy", "compact"), "CreateTime");

    @Test
    void the_archived_partitions_replication_factor_and_configs_are_kept() {
        TopicSpec s = TopicSpec.from("orders", orders, null);
        assertThat(s.partitions()).isEqualTo(12);
        assertThat(s.replicationFactor()).isEqualTo((short) 3);
        assertThat(s.configs()).containsEntry("min.insync.replicas", "2").containsEntry("cleanup.policy", "compact");
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void a_smaller_replication_factor_lowers_min_insync_replicas_with_a_warning() {
        TopicSpec s = TopicSpec.from("orders-dr", orders, 1);
        assertThat(s.replicationFactor()).isEqualTo((short) 1);
        assertThat(s.configs()).containsEntry("min.insync.replicas", "1");
        assertThat(s.warnings()).containsExactly(
                "topic orders-dr: min.insync.replicas lowered from 2 to 1 to fit replication factor 1");
        assertThat(TopicSpec.from("orders", orders, 2).warnings()).isEmpty();
    }

    @Test
    void log_append_time_topics_are_created_with_create_time_and_a_warning() {
        TopicMetadata audit = TopicMetadata.of("audit", "id", 2, 1, Map.of("message.timestamp.type", "LogAppendTime"),
                "LogAppendTime");
        TopicSpec s = TopicSpec.from("audit", audit, null);
        assertThat(s.configs()).containsEntry("message.timestamp.type", "CreateTime");
        assertThat(s.warnings()).singleElement().asString().contains("LogAppendTime")
                .contains("timestamp type changed");
        TopicMetadata onlyType = TopicMetadata.of("a", "id", 1, 1, Map.of(), "LogAppendTime");
        assertThat(TopicSpec.from("a", onlyType, null).configs()).containsEntry("message.timestamp.type",
                "CreateTime");
    }

    @Test
    void an_unknown_replication_factor_uses_the_broker_default() {
        TopicMetadata m = TopicMetadata.of("x", "id", 1, 0, Map.of(), "CreateTime");
        assertThat(TopicSpec.from("x", m, null).replicationFactor()).isEqualTo((short) -1);
    }
}
