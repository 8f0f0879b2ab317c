package dev.kafkadr.mirror.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kafkadr.mirror.Examples;
import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.plan.FlowSpec;
import dev.kafkadr.mirror.render.ConnectorJsonRenderer.Kind;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.mirror.MirrorCheckpointConnector;
import org.apache.kafka.connect.mirror.MirrorHeartbeatConnector;
import org.apache.kafka.connect.mirror.MirrorSourceConnector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every generated connector JSON is accepted by its connector's own validate(), and the three share their base. */
class ConnectorJsonAcceptanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"active-passive.yaml", "active-active.yaml"})
    void each_connector_json_passes_its_connectors_validate(String example) throws IOException {
        DrPlan plan = Examples.load(example);
        Map<String, Map<String, String>> byPath = new HashMap<>();
        for (GeneratedFile f : ConnectorJsonRenderer.render(plan)) {
            Map<String, Object> body = JSON.readValue(f.content(), new TypeReference<>() { });
            @SuppressWarnings("unchecked")
            Map<String, String> config = (Map<String, String>) body.get("config");
            assertThat(config.get("name")).isEqualTo(body.get("name"));
            Connector connector = switch (config.get("connector.class")) {
                case "org.apache.kafka.connect.mirror.MirrorSourceConnector" -> new MirrorSourceConnector();
                case "org.apache.kafka.connect.mirror.MirrorCheckpointConnector" -> new MirrorCheckpointConnector();
                default -> new MirrorHeartbeatConnector();
            };
            assertThat(Mm2AcceptanceTest.errors(connector.validate(config))).as(f.path()).isEmpty();
            assertThat(config).containsEntry("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
                    .containsEntry("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter")
                    .containsEntry("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
            byPath.put(f.path(), config);
        }
        for (FlowSpec f : plan.flows()) {
            List<Map<String, String>> three = List.of(byPath.get(ConnectorJsonRenderer.path(f, Kind.SOURCE)),
                    byPath.get(ConnectorJsonRenderer.path(f, Kind.CHECKPOINT)),
                    byPath.get(ConnectorJsonRenderer.path(f, Kind.HEARTBEAT)));
            Set<String> differing = Set.of("name", "connector.class", "tasks.max", "exactly.once.support");
            for (String key : three.get(0).keySet()) {
                if (!differing.contains(key)) {
                    assertThat(three).as(f.name() + " " + key).allMatch(c -> three.get(0).get(key).equals(c.get(key)));
                }
            }
            assertThat(three.get(1).keySet()).containsAll(three.get(0).keySet().stream()
                    .filter(k -> !differing.contains(k)).toList());
            for (String shared : List.of("source.cluster.alias", "target.cluster.alias", "replication.policy.class",
                    "source.cluster.bootstrap.servers", "target.cluster.bootstrap.servers", "offset-syncs.topic.location")) {
                assertThat(three).allMatch(c -> c.containsKey(shared));
            }
        }
    }
}
