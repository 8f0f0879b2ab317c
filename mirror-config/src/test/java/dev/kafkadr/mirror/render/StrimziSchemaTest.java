package dev.kafkadr.mirror.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kafkadr.mirror.Examples;
import dev.kafkadr.mirror.plan.DrPlan;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated Strimzi resources conform to the v1 KafkaMirrorMaker2 schema held in test resources. */
class StrimziSchemaTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    static SchemaChecker checker() throws IOException {
        try (InputStream in = StrimziSchemaTest.class.getResourceAsStream("/strimzi/kafkamirrormaker2-v1.schema.yaml")) {
            return new SchemaChecker(YAML.readTree(in));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"active-passive.yaml", "active-active.yaml"})
    void generated_resource_conforms_to_the_v1_schema(String example) throws IOException {
        DrPlan plan = Examples.load(example);
        SchemaChecker checker = checker();
        for (GeneratedFile f : StrimziRenderer.render(plan)) {
            JsonNode doc = YAML.readTree(f.content());
            assertThat(checker.check(doc)).as(f.path()).isEmpty();
            assertThat(f.content()).doesNotContain("${file:").doesNotContain("${env:");
        }
    }

    @Test
    void config_values_that_look_like_numbers_or_booleans_stay_strings_after_yaml_round_trip() throws IOException {
        GeneratedFile f = StrimziRenderer.render(Examples.load("active-passive.yaml")).get(0);
        JsonNode config = YAML.readTree(f.content()).at("/spec/mirrors/0/sourceConnector/config");
        assertThat(config.get("replication.factor").isTextual()).isTrue();
        assertThat(config.get("sync.group.offsets.enabled").isTextual()).isTrue();
        assertThat(YAML.readTree(f.content()).at("/spec/mirrors/0/sourceConnector/tasksMax").isInt()).isTrue();
    }

    @Test
    void the_checker_rejects_a_v1beta2_shape_wrong_types_and_forbidden_config() throws IOException {
        DrPlan plan = Examples.load("active-passive.yaml");
        ObjectNode doc = (ObjectNode) YAML.valueToTree(StrimziRenderer.resource(plan, "dr"));
        ((ObjectNode) doc.get("spec")).put("connectCluster", "dr");
        ((ObjectNode) doc.at("/spec/mirrors/0/sourceConnector")).put("tasksMax", "4");
        ((ObjectNode) doc.at("/spec/target/config")).put("sasl.jaas.config", "x");
        ((ObjectNode) doc.at("/spec/target")).remove("groupId");
        assertThat(checker().check(doc)).containsExactlyInAnyOrder(
                "$.spec.connectCluster: unknown field",
                "$.spec.target: required field 'groupId' missing",
                "$.spec.target.config.sasl.jaas.config: Strimzi forbids this config key",
                "$.spec.mirrors[0].sourceConnector.tasksMax: expected \"integer\" but was STRING");
    }
}
