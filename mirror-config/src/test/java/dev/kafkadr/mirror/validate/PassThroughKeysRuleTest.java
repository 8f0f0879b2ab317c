package dev.kafkadr.mirror.validate;

import static dev.kafkadr.mirror.validate.RuleTesting.flow;
import static dev.kafkadr.mirror.validate.RuleTesting.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.mirror.Examples;
import org.junit.jupiter.api.Test;

class PassThroughKeysRuleTest {

    private final Rule rule = new PassThroughKeysRule();

    @Test
    void misspelled_flow_key_is_an_error_with_the_closest_mm2_key() {
        assertThat(flow(rule, "config: {refresh.topics.interval.second: 30}")).containsExactly(
                "ERROR UNKNOWN_KEY [flow a->b] flows[0].config.refresh.topics.interval.second: "
                        + "'refresh.topics.interval.second' is not a MirrorMaker 2 (Kafka 4.3.1) setting for a flow's "
                        + "connectors; MirrorMaker 2 would silently ignore it (did you mean "
                        + "'refresh.topics.interval.seconds'?); fix: rename it to 'refresh.topics.interval.seconds'");
    }

    @Test
    void enable_instead_of_enabled_in_a_raw_flow_key_is_caught() {
        String yaml = Examples.minimal("") + "mirrorMaker:\n  config:\n    a->b.emit.checkpoints.enable: true\n";
        assertThat(lines(rule, yaml)).containsExactly(
                "ERROR UNKNOWN_KEY [mirrorMaker] mirrorMaker.config.a->b.emit.checkpoints.enable: "
                        + "'a->b.emit.checkpoints.enable' is not a MirrorMaker 2 (Kafka 4.3.1) setting at the top level "
                        + "of mm2.properties; MirrorMaker 2 would silently ignore it (did you mean "
                        + "'a->b.emit.checkpoints.enabled'?); fix: rename it to 'a->b.emit.checkpoints.enabled'");
    }

    @Test
    void prefixed_client_keys_are_checked_against_the_client_definitions() {
        assertThat(flow(rule, "config: {source.consumer.isolation.levle: read_committed, "
                + "producer.override.linger.ms: 5, target.admin.request.timeout.ms: 1000, transforms.x.type: y}"))
                .singleElement().asString()
                .contains("'source.consumer.isolation.levle' is not")
                .contains("did you mean 'source.consumer.isolation.level'?");
    }

    @Test
    void unknown_client_key_on_a_cluster_is_an_error() {
        String yaml = Examples.minimal("").replace("    brokers: 3\n    minInsyncReplicas: 2\n  b:",
                "    brokers: 3\n    minInsyncReplicas: 2\n    client: {securty.protocol: SSL}\n  b:");
        assertThat(lines(rule, yaml)).containsExactly("ERROR UNKNOWN_KEY [cluster a] clusters.a.client.securty.protocol: "
                + "'securty.protocol' is not a MirrorMaker 2 (Kafka 4.3.1) setting for a cluster's clients; "
                + "MirrorMaker 2 would silently ignore it (did you mean 'security.protocol'?); fix: rename it to "
                + "'security.protocol'");
    }

    @Test
    void worker_key_at_top_level_is_reported_as_ignored() {
        String yaml = Examples.minimal("") + "mirrorMaker:\n  config:\n    offset.flush.interval.ms: 1000\n"
                + "    offset.storage.replication.factor: 3\n";
        assertThat(lines(rule, yaml)).containsExactly("ERROR IGNORED_KEY [mirrorMaker] "
                + "mirrorMaker.config.offset.flush.interval.ms: 'offset.flush.interval.ms' is a Connect worker setting "
                + "that MirrorMaker 2 ignores at the top level of mm2.properties; fix: move it to "
                + "mirrorMaker.worker.offset.flush.interval.ms (written per target cluster)");
    }

    @Test
    void keys_the_plan_sets_itself_cannot_be_overridden() {
        assertThat(flow(rule, "config: {topics: 'x.*'}")).containsExactly("ERROR MANAGED_KEY [flow a->b] "
                + "flows[0].config.topics: 'topics' is set by kdr from the plan and must not be overridden; fix: "
                + "remove it and use topics.include");
        String yaml = Examples.minimal("") + "mirrorMaker:\n  worker:\n    group.id: shared\n";
        assertThat(lines(rule, yaml)).singleElement().asString().startsWith("ERROR MANAGED_KEY [mirrorMaker] "
                + "mirrorMaker.worker.group.id:").contains("every herder share it");
    }

    @Test
    void valid_keys_in_every_scope_pass() {
        String yaml = Examples.minimal("config: {offset.lag.max: 50, sync.topic.acls.enabled: false, "
                + "consumer.isolation.level: read_committed, emit.checkpoints.interval.seconds: 10}")
                + "mirrorMaker:\n  config:\n    a->b.offset.lag.max: 10\n    b.consumer.max.poll.records: 100\n"
                + "  worker:\n    offset.flush.interval.ms: 1000\n";
        assertThat(lines(rule, yaml)).isEmpty();
    }
}
