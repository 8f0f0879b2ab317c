package dev.kafkadr.mirror.render;

import dev.kafkadr.mirror.mm2.EffectiveConfig;
import dev.kafkadr.mirror.plan.ClusterSpec;
import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.plan.FlowSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Renders Kafka Connect connector configs ({@code POST /connectors} bodies) for MirrorSourceConnector,
 * MirrorCheckpointConnector and MirrorHeartbeatConnector of each flow. The three share one base (aliases, cluster
 * connections, replication policy, filters, converters) built once, so the settings they must agree on cannot
 * drift; only {@code name}, {@code connector.class}, {@code tasks.max} and exactly-once differ. Stateless.
 */
public final class ConnectorJsonRenderer {

    /** The three MirrorMaker 2 connectors: file and name suffix, class. */
    public enum Kind {
        SOURCE("source", "org.apache.kafka.connect.mirror.MirrorSourceConnector"),
        CHECKPOINT("checkpoint", "org.apache.kafka.connect.mirror.MirrorCheckpointConnector"),
        HEARTBEAT("heartbeat", "org.apache.kafka.connect.mirror.MirrorHeartbeatConnector");

        private final String suffix;
        private final String className;

        Kind(String suffix, String className) {
            this.suffix = suffix;
            this.className = className;
        }

        public String className() {
            return className;
        }
    }

    private ConnectorJsonRenderer() {
    }

    public static String path(FlowSpec f, Kind kind) {
        return "connect/" + f.source() + "-to-" + f.target() + "/mirror-" + kind.suffix + "-connector.json";
    }

    public static List<GeneratedFile> render(DrPlan plan) {
        List<GeneratedFile> out = new ArrayList<>();
        for (FlowSpec f : plan.flows()) {
            for (Kind kind : Kind.values()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", name(f, kind));
                body.put("config", config(plan, f, kind));
                out.add(new GeneratedFile(path(f, kind), Serialization.json(body)));
            }
        }
        return out;
    }

    public static String name(FlowSpec f, Kind kind) {
        return "mm2-" + f.source() + "-to-" + f.target() + "-" + kind.suffix;
    }

    /** The config of one connector of {@code f}. */
    public static SortedMap<String, String> config(DrPlan plan, FlowSpec f, Kind kind) {
        SortedMap<String, String> c = shared(plan, f);
        c.put("name", name(f, kind));
        c.put("connector.class", kind.className);
        if (kind == Kind.HEARTBEAT) {
            c.put("tasks.max", "1");
        }
        if (kind == Kind.SOURCE && f.exactlyOnce()) {
            c.put("exactly.once.support", "required");
        }
        return c;
    }

    /** What all three connectors of a flow share. */
    public static SortedMap<String, String> shared(DrPlan plan, FlowSpec f) {
        SortedMap<String, String> c = new TreeMap<>(EffectiveConfig.flow(plan, f));
        c.put("source.cluster.alias", f.source());
        c.put("target.cluster.alias", f.target());
        cluster(plan.clusters().get(f.source()), "source", c);
        cluster(plan.clusters().get(f.target()), "target", c);
        for (String conv : List.of("key.converter", "value.converter", "header.converter")) {
            c.put(conv, EffectiveConfig.BYTE_ARRAY_CONVERTER);
        }
        return c;
    }

    /** As MirrorMakerConfig does: client-role keys go to {@code source.consumer.*}, others to {@code source.cluster.*}. */
    private static void cluster(ClusterSpec cluster, String side, Map<String, String> into) {
        EffectiveConfig.client(cluster).forEach((k, v) -> {
            boolean role = k.startsWith("producer.") || k.startsWith("consumer.") || k.startsWith("admin.");
            into.put(side + (role ? "." : ".cluster.") + k, v);
        });
    }
}
