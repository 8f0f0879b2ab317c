package dev.kafkadr.mirror.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.mirror.Examples;
import dev.kafkadr.mirror.plan.DrPlan;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.mirror.MirrorCheckpointConnector;
import org.apache.kafka.connect.mirror.MirrorHeartbeatConnector;
import org.apache.kafka.connect.mirror.MirrorMakerConfig;
import org.apache.kafka.connect.mirror.MirrorSourceConnector;
import org.apache.kafka.connect.mirror.SourceAndTarget;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every generated mm2.properties is accepted by MirrorMaker 2's own code (connect-mirror 4.3.1). */
class Mm2AcceptanceTest {

    @TempDir
    Path secrets;

    @ParameterizedTest
    @ValueSource(strings = {"active-passive.yaml", "active-active.yaml"})
    void generated_mm2_properties_pass_mirror_maker_worker_and_connector_validation(String example)
            throws IOException {
        DrPlan plan = Examples.withSecretFilesIn(example, secrets);
        for (GeneratedFile file : Mm2PropertiesRenderer.render(plan)) {
            Map<String, String> props = load(file.content());
            String target = file.path().replaceAll(".*mm2-(.*)\\.properties", "$1");
            MirrorMakerConfig mm = new MirrorMakerConfig(props);
            List<SourceAndTarget> expected = new ArrayList<>();
            plan.flowsInto(target).forEach(f -> expected.add(new SourceAndTarget(f.source(), f.target())));
            assertThat(mm.clusterPairs()).as(file.path()).containsExactlyInAnyOrderElementsOf(expected);
            for (SourceAndTarget pair : mm.clusterPairs()) {
                Map<String, String> worker = mm.workerConfig(pair);
                new DistributedConfig(worker);
                assertThat(worker.values()).as("secrets resolved by config providers")
                        .noneMatch(v -> v.startsWith("${file:"));
                for (Connector c : List.of(new MirrorSourceConnector(), new MirrorCheckpointConnector(),
                        new MirrorHeartbeatConnector())) {
                    Map<String, String> config = mm.connectorBaseConfig(pair, c.getClass());
                    assertThat(errors(c.validate(config))).as(pair + " " + c.getClass().getSimpleName()).isEmpty();
                    assertThat(config).containsEntry("enabled", "true");
                }
            }
        }
    }

    static Map<String, String> load(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    static List<String> errors(Config config) {
        List<String> out = new ArrayList<>();
        for (ConfigValue v : config.configValues()) {
            v.errorMessages().forEach(e -> out.add(v.name() + ": " + e));
        }
        return out;
    }
}
