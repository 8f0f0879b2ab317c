package dev.kafkadr.mirror.validate;

import static dev.kafkadr.mirror.validate.RuleTesting.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.mirror.Examples;
import org.junit.jupiter.api.Test;

class AliasRuleTest {

    private final Rule rule = new AliasRule();

    @Test
    void flow_naming_an_undefined_cluster_is_an_error_with_a_suggestion() {
        String yaml = Examples.minimal("").replace("target: b", "target: bb");
        assertThat(lines(rule, yaml)).containsExactly("ERROR UNDEFINED_ALIAS [flow a->bb] flows[0].target: cluster "
                + "'bb' is not defined under clusters (defined: a, b) (did you mean 'b'?); fix: define clusters.bb or "
                + "correct the alias");
    }

    @Test
    void cluster_without_bootstrap_servers_is_an_error() {
        String yaml = Examples.minimal("").replace("bootstrapServers: [b:9092]", "bootstrapServers: []");
        assertThat(lines(rule, yaml)).containsExactly("ERROR MISSING_BOOTSTRAP [cluster b] clusters.b.bootstrapServers: "
                + "no bootstrap servers for a cluster used by a flow; fix: list at least one host:port");
    }

    @Test
    void bootstrap_server_without_port_is_an_error() {
        String yaml = Examples.minimal("").replace("bootstrapServers: [b:9092]", "bootstrapServers: [b-kafka]");
        assertThat(lines(rule, yaml)).containsExactly("ERROR MISSING_BOOTSTRAP [cluster b] clusters.b.bootstrapServers: "
                + "'b-kafka' is not host:port; fix: write it as host:port, e.g. kafka-0.example.com:9092");
    }

    @Test
    void alias_containing_the_separator_is_an_error() {
        String yaml = Examples.minimal("").replace("  a:\n", "  us.east:\n").replace("source: a", "source: us.east");
        assertThat(lines(rule, yaml)).containsExactly("ERROR ALIAS_SEPARATOR [cluster us.east] clusters.us.east: alias "
                + "'us.east' contains the replication separator '.', so remote topic names like 'us.east.orders' cannot "
                + "be traced back to their source cluster; fix: rename the alias without '.' (e.g. 'us-east')");
    }

    @Test
    void custom_separator_is_the_one_checked() {
        String yaml = Examples.minimal("config: {replication.policy.separator: _}").replace("  a:\n", "  us_east:\n")
                .replace("source: a", "source: us_east");
        assertThat(lines(rule, yaml)).singleElement().asString()
                .contains("contains the replication separator '_'");
    }

    @Test
    void self_flow_and_duplicate_flow_are_errors() {
        String yaml = Examples.minimal("") + "  - {source: a, target: b, rpo: 5m}\n  - {source: a, target: a, rpo: 5m}\n";
        assertThat(lines(rule, yaml)).containsExactly(
                "ERROR DUPLICATE_FLOW [flow a->b] flows[1]: a flow a->b is already defined earlier; fix: merge the two "
                        + "flows into one",
                "ERROR SELF_FLOW [flow a->a] flows[2].target: source and target are both 'a'; fix: point the flow at "
                        + "another cluster");
    }

    @Test
    void alias_with_an_arrow_or_non_topic_characters_is_an_error() {
        String arrow = Examples.minimal("").replace("  a:\n", "  'x->y':\n").replace("source: a", "source: 'x->y'");
        assertThat(lines(rule, arrow)).contains("ERROR ALIAS_SEPARATOR [cluster x->y] clusters.x->y: alias 'x->y' "
                + "contains '->', which MirrorMaker 2 uses between source and target; fix: rename the alias");
        String space = Examples.minimal("").replace("  a:\n", "  'eu west':\n").replace("source: a", "source: 'eu west'");
        assertThat(lines(rule, space)).containsExactly("ERROR ALIAS_SEPARATOR [cluster eu west] clusters.eu west: alias "
                + "'eu west' has characters not allowed in topic names, and remote topics are named after it; fix: use "
                + "only letters, digits, '.', '_' and '-'");
    }
}
