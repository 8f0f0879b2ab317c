package dev.kafkadr.mirror.validate;

import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.render.Mm2PropertiesRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.mirror.MirrorCheckpointConnector;
import org.apache.kafka.connect.mirror.MirrorHeartbeatConnector;
import org.apache.kafka.connect.mirror.MirrorMakerConfig;
import org.apache.kafka.connect.mirror.MirrorSourceConnector;
import org.apache.kafka.connect.mirror.SourceAndTarget;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;

/**
 * MM2_REJECTED: the generated {@code mm2.properties} of each target goes through MirrorMaker 2's own code exactly as
 * {@code connect-mirror-maker.sh} would use it: {@link MirrorMakerConfig}, {@link DistributedConfig} of each herder
 * and {@code validate()} of the three connectors. Catches bad values (types, ranges, enums) in pass-through settings.
 * Config providers are left out so secrets are not read on the machine that validates. Stateless.
 */
public final class Mm2ConformanceRule implements Rule {

    @Override
    public List<Finding> check(DrPlan plan) {
        List<Finding> out = new ArrayList<>();
        for (String target : plan.targets()) {
            Map<String, String> props = new TreeMap<>(Mm2PropertiesRenderer.properties(plan, target));
            props.keySet().removeIf(k -> k.startsWith("config.providers"));
            props.putIfAbsent("plugin.discovery", "service_load");
            String file = Mm2PropertiesRenderer.path(target);
            MirrorMakerConfig mm;
            try {
                mm = new MirrorMakerConfig(props);
            } catch (ConfigException e) {
                out.add(rejected("cluster " + target, file, "MirrorMakerConfig: " + e.getMessage()));
                continue;
            }
            for (SourceAndTarget pair : mm.clusterPairs()) {
                String subject = "flow " + pair.source() + "->" + pair.target();
                try {
                    new DistributedConfig(mm.workerConfig(pair));
                } catch (ConfigException e) {
                    out.add(rejected(subject, file, "Connect worker config: " + e.getMessage()));
                }
                for (Connector c : List.of(new MirrorSourceConnector(), new MirrorCheckpointConnector(),
                        new MirrorHeartbeatConnector())) {
                    for (ConfigValue v : c.validate(mm.connectorBaseConfig(pair, c.getClass())).configValues()) {
                        for (String error : v.errorMessages()) {
                            out.add(rejected(subject, file + " " + pair + "." + v.name(),
                                    c.getClass().getSimpleName() + ": " + error));
                        }
                    }
                }
            }
        }
        return out.stream().distinct().toList();
    }

    private static Finding rejected(String subject, String where, String message) {
        return Finding.of(Code.MM2_REJECTED, subject, where, "MirrorMaker 2 rejects the generated configuration: "
                + message, "correct the pass-through setting named in the message");
    }
}
