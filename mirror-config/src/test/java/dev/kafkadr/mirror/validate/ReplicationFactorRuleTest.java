package dev.kafkadr.mirror.validate;

import static dev.kafkadr.mirror.validate.RuleTesting.flow;
import static dev.kafkadr.mirror.validate.RuleTesting.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.mirror.Examples;
import org.junit.jupiter.api.Test;

class ReplicationFactorRuleTest {

    private final Rule rule = new ReplicationFactorRule();

    @Test
    void derived_replication_factors_fit_the_clusters() {
        assertThat(flow(rule, "")).isEmpty();
    }

    @Test
    void replication_factor_above_the_broker_count_is_an_error() {
        assertThat(flow(rule, "replicationFactor: 4")).containsExactly("ERROR RF_EXCEEDS_BROKERS [flow a->b] "
                + "flows[0].replicationFactor: replication.factor is 4 but cluster 'b', where the topic is created, has "
                + "3 broker(s); fix: set it to at most 3");
    }

    @Test
    void offset_syncs_factor_is_checked_on_the_cluster_holding_the_topic() {
        String yaml = Examples.minimal("offsetSyncs: source\nconfig: {offset-syncs.topic.replication.factor: 3}")
                .replace("bootstrapServers: [a:9092]\n    brokers: 3\n    minInsyncReplicas: 2",
                        "bootstrapServers: [a:9092]\n    brokers: 1\n    minInsyncReplicas: 1");
        assertThat(lines(rule, yaml)).containsExactly("ERROR RF_EXCEEDS_BROKERS [flow a->b] "
                + "flows[0].config.offset-syncs.topic.replication.factor: offset-syncs.topic.replication.factor is 3 but "
                + "cluster 'a', where the topic is created, has 1 broker(s); fix: set it to at most 1");
    }

    @Test
    void replication_factor_below_min_isr_is_an_error() {
        assertThat(flow(rule, "config: {checkpoints.topic.replication.factor: 1}")).containsExactly(
                "ERROR RF_NOT_ABOVE_MIN_ISR [flow a->b] flows[0].config.checkpoints.topic.replication.factor: "
                        + "checkpoints.topic.replication.factor is 1, below min.insync.replicas 2 of cluster 'b': every "
                        + "acks=all write would fail; fix: set it to 3");
    }

    @Test
    void replication_factor_equal_to_min_isr_is_an_error_when_more_brokers_exist() {
        assertThat(flow(rule, "replicationFactor: 2")).containsExactly("ERROR RF_NOT_ABOVE_MIN_ISR [flow a->b] "
                + "flows[0].replicationFactor: replication.factor is 2, equal to min.insync.replicas of cluster 'b': "
                + "losing one broker stops writes to the topic; fix: set it to 3");
    }

    @Test
    void replication_factor_equal_to_min_isr_on_a_one_broker_cluster_is_a_warning() {
        String yaml = Examples.minimal("").replace("bootstrapServers: [b:9092]\n    brokers: 3\n    minInsyncReplicas: 2",
                "bootstrapServers: [b:9092]\n    brokers: 1\n    minInsyncReplicas: 1");
        assertThat(lines(rule, yaml)).hasSize(6).allMatch(l -> l.startsWith("WARNING RF_NOT_ABOVE_MIN_ISR"))
                .contains("WARNING RF_NOT_ABOVE_MIN_ISR [cluster b] offset.storage.replication.factor (derived from "
                        + "clusters.b.brokers): offset.storage.replication.factor is 1, equal to min.insync.replicas of "
                        + "cluster 'b': losing one broker stops writes to the topic; fix: add brokers to 'b' or lower "
                        + "its min.insync.replicas");
    }

    @Test
    void worker_topic_factor_override_is_checked_on_the_target() {
        String yaml = Examples.minimal("") + "mirrorMaker:\n  worker:\n    config.storage.replication.factor: 5\n";
        assertThat(lines(rule, yaml)).containsExactly("ERROR RF_EXCEEDS_BROKERS [cluster b] "
                + "mirrorMaker.worker.config.storage.replication.factor: config.storage.replication.factor is 5 but "
                + "cluster 'b', where the topic is created, has 3 broker(s); fix: set it to at most 3");
    }

    @Test
    void remote_topics_with_fewer_replicas_than_the_source_are_a_warning() {
        String yaml = Examples.minimal("replicationFactor: 3").replace("bootstrapServers: [a:9092]\n    brokers: 3",
                        "bootstrapServers: [a:9092]\n    brokers: 5\n    topicReplicationFactor: 4")
                .replace("bootstrapServers: [b:9092]\n    brokers: 3", "bootstrapServers: [b:9092]\n    brokers: 5");
        assertThat(lines(rule, yaml)).containsExactly("WARNING REMOTE_RF_LOWER [flow a->b] flows[0].replicationFactor: "
                + "remote topics on 'b' get replication factor 3, lower than the source topics' 4 on 'a'; fix: set "
                + "replicationFactor to 4 if the target should survive as many broker losses as the source");
    }
}
