package dev.kafkadr.mirror.mm2;

import dev.kafkadr.mirror.plan.ClusterSpec;
import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.plan.FlowSpec;
import dev.kafkadr.mirror.plan.FlowSpec.OffsetSyncsLocation;
import dev.kafkadr.mirror.plan.Patterns;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The MirrorMaker 2 settings a plan stands for, computed once and shared by every renderer and by the validation
 * rules, so what is checked is exactly what is written. Precedence, lowest first: values derived from the plan
 * (replication factors from broker counts, intervals from the RPO, ...), then {@code mirrorMaker.config}, then the
 * flow's own {@code config}. Stateless and thread-safe.
 */
public final class EffectiveConfig {

    /** Worker internal topics whose replication factor we set per target cluster. */
    public static final List<String> WORKER_TOPIC_RF_KEYS = List.of("config.storage.replication.factor",
            "offset.storage.replication.factor", "status.storage.replication.factor");

    public static final String BYTE_ARRAY_CONVERTER = "org.apache.kafka.connect.converters.ByteArrayConverter";

    private EffectiveConfig() {
    }

    /** Default replication factor for topics created on {@code cluster}: min(3, brokers). */
    public static int defaultRf(ClusterSpec cluster) {
        return Math.min(3, cluster.brokers());
    }

    /**
     * Connector-level settings for {@code flow} (shared by the three connectors; each ignores the keys it does not
     * define), without cluster connection settings. Aliases of the flow must be defined in the plan.
     */
    public static SortedMap<String, String> flow(DrPlan plan, FlowSpec flow) {
        ClusterSpec source = plan.clusters().get(flow.source());
        ClusterSpec target = plan.clusters().get(flow.target());
        SortedMap<String, String> m = new TreeMap<>();
        m.put("topics", String.join(",", flow.topics().include()));
        m.put("topics.exclude", exclude(flow.topics(), "topics.exclude"));
        m.put("groups", String.join(",", flow.groups().include()));
        m.put("groups.exclude", exclude(flow.groups(), "groups.exclude"));
        m.put("replication.policy.class", flow.replicationPolicy().className());
        m.put("tasks.max", Integer.toString(flow.tasks()));
        m.put("offset-syncs.topic.location", flow.offsetSyncs().label());
        int targetRf = target == null ? 1 : defaultRf(target);
        m.put("replication.factor", Integer.toString(flow.replicationFactor() == null ? targetRf
                : flow.replicationFactor()));
        ClusterSpec syncs = flow.offsetSyncs() == OffsetSyncsLocation.SOURCE ? source : target;
        m.put("offset-syncs.topic.replication.factor", Integer.toString(syncs == null ? 1 : defaultRf(syncs)));
        m.put("checkpoints.topic.replication.factor", Integer.toString(targetRf));
        m.put("heartbeats.topic.replication.factor", Integer.toString(targetRf));
        m.put("emit.heartbeats.enabled", Boolean.toString(flow.heartbeats()));
        m.put("sync.group.offsets.enabled", Boolean.toString(flow.syncGroupOffsets()));
        String sync = Long.toString(Intervals.offsetSyncSeconds(flow.rpo()));
        m.put("emit.checkpoints.interval.seconds", sync);
        m.put("sync.group.offsets.interval.seconds", sync);
        String refresh = Long.toString(Intervals.refreshSeconds(flow.rpo()));
        m.put("refresh.topics.interval.seconds", refresh);
        m.put("refresh.groups.interval.seconds", refresh);
        if (flow.exactlyOnce()) {
            m.put("consumer.isolation.level", "read_committed");
        }
        Mm2Catalog catalog = Mm2Catalog.get();
        plan.mirrorMaker().config().forEach((k, v) -> {
            if (catalog.connectorKeys().contains(k)) {
                m.put(k, v);
            }
        });
        m.putAll(flow.config());
        return m;
    }

    /** MirrorMaker 2's default excludes (internal topics, console consumers, ...) plus the plan's own. */
    private static String exclude(Patterns p, String key) {
        List<String> all = new ArrayList<>();
        Object dflt = Mm2Catalog.get().connectorDefault(key);
        if (dflt instanceof List<?> l) {
            l.forEach(x -> all.add(x.toString()));
        }
        p.exclude().stream().filter(x -> !all.contains(x)).forEach(all::add);
        return String.join(",", all);
    }

    /** Client settings of {@code cluster}: bootstrap, non-secret client settings and secret references. */
    public static SortedMap<String, String> client(ClusterSpec cluster) {
        SortedMap<String, String> m = new TreeMap<>(cluster.client());
        m.put("bootstrap.servers", cluster.bootstrap());
        m.putAll(cluster.secrets().references());
        return m;
    }

    /**
     * Connect worker settings for herders writing to {@code target}: internal topic replication factors,
     * exactly-once support when a flow into it asks for it, then {@code mirrorMaker.worker}; top-level
     * {@code *.storage.*} keys in {@code mirrorMaker.config} win, as they do in MirrorMaker 2.
     */
    public static SortedMap<String, String> worker(DrPlan plan, String target) {
        SortedMap<String, String> m = new TreeMap<>();
        String rf = Integer.toString(defaultRf(plan.clusters().get(target)));
        WORKER_TOPIC_RF_KEYS.forEach(k -> m.put(k, rf));
        if (plan.flowsInto(target).stream().anyMatch(FlowSpec::exactlyOnce)) {
            m.put("exactly.once.source.support", "enabled");
        }
        m.putAll(plan.mirrorMaker().worker());
        for (Map.Entry<String, String> e : plan.mirrorMaker().config().entrySet()) {
            if (Mm2Catalog.honoredAtTopLevel(e.getKey()) && Mm2Catalog.get().workerKeys().contains(e.getKey())) {
                m.put(e.getKey(), e.getValue());
            }
        }
        return m;
    }

    /** The replication policy separator in force for {@code flow}. */
    public static String separator(DrPlan plan, FlowSpec flow) {
        return flow(plan, flow).getOrDefault("replication.policy.separator", ".");
    }

    /** Whether any flow into {@code target} is exactly-once. */
    public static boolean exactlyOnceInto(DrPlan plan, String target) {
        return plan.flowsInto(target).stream().anyMatch(FlowSpec::exactlyOnce);
    }
}
