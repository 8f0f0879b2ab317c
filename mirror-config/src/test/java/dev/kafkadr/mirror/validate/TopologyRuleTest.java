package dev.kafkadr.mirror.validate;

import static dev.kafkadr.mirror.validate.RuleTesting.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.mirror.Examples;
import org.junit.jupiter.api.Test;

class TopologyRuleTest {

    private final Rule rule = new TopologyRule();

    @Test
    void identity_policy_on_a_cycle_is_an_error() {
        String yaml = Examples.minimal("mode: active-active\nreplicationPolicy: identity")
                + "  - {source: b, target: a, rpo: 5m, mode: active-active}\n";
        assertThat(lines(rule, yaml)).containsExactly("ERROR CYCLE_NEEDS_PREFIXED [flow a->b] "
                + "flows[0].replicationPolicy: the identity policy is used on the replication cycle a->b->a, so records "
                + "would be mirrored back and forth; fix: use replicationPolicy: prefixed (the default) for every flow "
                + "on the cycle");
    }

    @Test
    void identity_policy_on_a_longer_cycle_names_the_path() {
        String yaml = Examples.minimal("replicationPolicy: identity").replace("flows:",
                "  c:\n    bootstrapServers: [c:9092]\n    brokers: 3\nflows:")
                + "  - {source: b, target: c, rpo: 5m}\n  - {source: c, target: a, rpo: 5m}\n";
        assertThat(lines(rule, yaml)).singleElement().asString().contains("replication cycle a->b->c->a");
    }

    @Test
    void identity_policy_without_a_cycle_is_fine() {
        assertThat(lines(rule, Examples.minimal("replicationPolicy: identity"))).isEmpty();
    }

    @Test
    void active_active_without_the_reverse_flow_is_an_error() {
        assertThat(lines(rule, Examples.minimal("mode: active-active"))).containsExactly("ERROR ACTIVE_ACTIVE_MODE "
                + "[flow a->b] flows[0].mode: mode is active-active but there is no flow b->a; fix: add the reverse "
                + "flow, or set mode: active-passive");
    }

    @Test
    void opposite_flows_marked_active_passive_are_a_warning() {
        String yaml = Examples.minimal("mode: active-active") + "  - {source: b, target: a, rpo: 5m}\n";
        assertThat(lines(rule, yaml)).containsExactly("WARNING ACTIVE_ACTIVE_MODE [flow b->a] flows[1].mode: a reverse "
                + "flow a->b exists, which makes this active-active, but mode says active-passive; fix: set mode: "
                + "active-active on both flows (the runbook differs)");
    }
}
