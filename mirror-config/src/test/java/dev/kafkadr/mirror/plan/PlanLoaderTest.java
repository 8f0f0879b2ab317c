package dev.kafkadr.mirror.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.mirror.Examples;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlanLoaderTest {

    private static PlanException failure(String yaml) {
        try {
            PlanLoader.parse(yaml, "plan.yaml");
        } catch (PlanException e) {
            return e;
        }
        throw new AssertionError("expected a PlanException");
    }

    @Test
    void example_plans_load_with_defaults_applied() {
        DrPlan p = Examples.load("active-passive.yaml");
        assertThat(p.name()).isEqualTo("payments-dr");
        assertThat(p.kafkaVersion()).isEqualTo(new KafkaVersion(4, 3, 1));
        FlowSpec f = p.flows().get(0);
        assertThat(f.name()).isEqualTo("primary->dr");
        assertThat(f.rpo()).isEqualTo(Duration.ofMinutes(5));
        assertThat(f.syncGroupOffsets()).isTrue();
        assertThat(f.replicationPolicy()).isEqualTo(FlowSpec.ReplicationPolicyKind.PREFIXED);
        assertThat(p.clusters().get("primary").secrets().references()).containsEntry("sasl.jaas.config",
                "${file:/etc/kafka-dr/primary-client.properties:sasl.jaas.config}");
    }

    @Test
    void unknown_key_is_rejected_with_its_path_and_a_suggestion() {
        PlanException e = failure(Examples.minimal("topic: {include: [x]}"));
        assertThat(e.getMessage()).isEqualTo("plan.yaml: flows[0].topic: unknown key (did you mean 'topics'?); allowed "
                + "here: config, exactlyOnce, groups, heartbeats, mode, offsetSyncs, replicationFactor, "
                + "replicationPolicy, rpo, source, syncGroupOffsets, target, tasks, topics");
        assertThat(e.kind()).isEqualTo(FailureKind.USAGE);
    }

    @Test
    void unknown_nested_key_names_the_whole_path() {
        String yaml = Examples.minimal("").replace("    minInsyncReplicas: 2\n  b:",
                "    minInsyncReplicas: 2\n    secrets: {file: /x, filekeys: [a]}\n  b:");
        assertThat(failure(yaml).getMessage()).startsWith("plan.yaml: clusters.a.secrets.filekeys: unknown key "
                + "(did you mean 'fileKeys'?)");
    }

    @Test
    void wrong_types_and_missing_values_name_the_key() {
        assertThat(failure(Examples.minimal("tasks: many")).getMessage())
                .isEqualTo("plan.yaml: flows[0].tasks: expected a whole number but found 'many'");
        assertThat(failure(Examples.minimal("").replace("    rpo: 5m\n", "")).getMessage())
                .isEqualTo("plan.yaml: flows[0].rpo: required value is missing");
        assertThat(failure(Examples.minimal("exactlyOnce: yes please")).getMessage())
                .isEqualTo("plan.yaml: flows[0].exactlyOnce: expected true or false but found 'yes please'");
        assertThat(failure(Examples.minimal("replicationPolicy: identiy")).getMessage())
                .isEqualTo("plan.yaml: flows[0].replicationPolicy: expected one of prefixed, identity but was "
                        + "'identiy' (did you mean 'identity'?)");
        assertThat(failure(Examples.minimal("").replace("rpo: 5m", "rpo: 5 minutes")).getMessage())
                .isEqualTo("plan.yaml: flows[0].rpo: expected a positive duration like 30s, 5m or 1h30m but was "
                        + "'5 minutes'");
        assertThat(failure(Examples.minimal("").replace("brokers: 3\n    minInsyncReplicas: 2\n  b:",
                "brokers: 0\n    minInsyncReplicas: 2\n  b:")).getMessage())
                .isEqualTo("plan.yaml: clusters.a.brokers: must be at least 1 but was 0");
    }

    @Test
    void durations_accept_compound_and_iso_forms() {
        assertThat(PlanLoader.parse(Examples.minimal("").replace("rpo: 5m", "rpo: 1h30m"), "p").flows().get(0).rpo())
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(PlanLoader.parse(Examples.minimal("").replace("rpo: 5m", "rpo: PT45S"), "p").flows().get(0).rpo())
                .isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void duplicate_keys_and_bad_yaml_are_rejected() {
        assertThat(failure(Examples.minimal("tasks: 2\ntasks: 3")).getMessage())
                .startsWith("plan.yaml: not valid YAML at line ").contains("(Duplicate field 'tasks')");
        assertThat(failure("version: 1\nname: [unclosed").getMessage()).startsWith("plan.yaml: not valid YAML at line 2")
                .endsWith(": fix the syntax there (indentation, quotes, brackets)");
    }

    @Test
    void unsupported_format_version_and_bad_names_are_rejected() {
        assertThat(failure(Examples.minimal("").replace("version: 1", "version: 2")).getMessage())
                .isEqualTo("plan.yaml: version: plan format version 2 is not supported; this kdr reads 1");
        assertThat(failure(Examples.minimal("").replace("name: test", "name: Payments_DR")).getMessage())
                .startsWith("plan.yaml: name: must be lower-case letters, digits and '-'");
    }

    @Test
    void strimzi_authentication_is_typed() {
        String yaml = Examples.minimal("").replace("    minInsyncReplicas: 2\n  b:", "    minInsyncReplicas: 2\n"
                + "    strimzi: {authentication: {type: scram-sha-512, username: u, passwordSecret: {secretName: s}}}\n  b:");
        assertThat(failure(yaml).getMessage())
                .isEqualTo("plan.yaml: clusters.a.strimzi.authentication.passwordSecret.password: required value is missing");
    }
}
