package dev.kafkadr.mirror.validate;

import dev.kafkadr.mirror.mm2.KeyChecker;
import dev.kafkadr.mirror.mm2.KeyChecker.Kind;
import dev.kafkadr.mirror.mm2.KeyChecker.Scope;
import dev.kafkadr.mirror.mm2.KeyChecker.Verdict;
import dev.kafkadr.mirror.mm2.KeyVersions;
import dev.kafkadr.mirror.mm2.Mm2Catalog;
import dev.kafkadr.mirror.plan.DrPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * UNKNOWN_KEY, IGNORED_KEY and MANAGED_KEY: every pass-through key must be one MirrorMaker 2 uses where it is written
 * (checked against connect-mirror's own definitions), must not be a worker key MirrorMaker 2 ignores at the top
 * level, and must not override what the plan sets from its own fields. Stateless.
 */
public final class PassThroughKeysRule implements Rule {

    /** Keys the plan sets itself, and the plan field to use instead. */
    static final Map<String, String> FLOW_MANAGED = Map.ofEntries(
            Map.entry("topics", "topics.include"), Map.entry("topics.exclude", "topics.exclude"),
            Map.entry("groups", "groups.include"), Map.entry("groups.exclude", "groups.exclude"),
            Map.entry("replication.policy.class", "replicationPolicy"), Map.entry("tasks.max", "tasks"),
            Map.entry("offset-syncs.topic.location", "offsetSyncs"),
            Map.entry("replication.factor", "replicationFactor"),
            Map.entry("sync.group.offsets.enabled", "syncGroupOffsets"),
            Map.entry("emit.heartbeats.enabled", "heartbeats"),
            Map.entry("enabled", "the flows list (remove the flow to disable it)"),
            Map.entry("source.cluster.alias", "source"), Map.entry("target.cluster.alias", "target"),
            Map.entry("name", "nothing (kdr names each connector)"),
            Map.entry("connector.class", "nothing (kdr writes one config per connector)"),
            Map.entry("source.cluster.bootstrap.servers", "clusters.<alias>.bootstrapServers"),
            Map.entry("target.cluster.bootstrap.servers", "clusters.<alias>.bootstrapServers"),
            Map.entry("exactly.once.support", "exactlyOnce"));

    static final Map<String, String> TOP_MANAGED = Map.of("clusters", "clusters",
            "listeners", "mirrorMaker.restListener", "bootstrap.servers", "clusters.<alias>.bootstrapServers");

    static final Map<String, String> WORKER_MANAGED = Map.of(
            "group.id", "nothing: MirrorMaker 2 names it per source; one value would make every herder share it",
            "config.storage.topic", "nothing: one value would make every herder writing to the target share it",
            "offset.storage.topic", "nothing: one value would make every herder writing to the target share it",
            "status.storage.topic", "nothing: one value would make every herder writing to the target share it",
            "bootstrap.servers", "clusters.<alias>.bootstrapServers");

    private final KeyChecker checker = new KeyChecker(Mm2Catalog.get());

    @Override
    public List<Finding> check(DrPlan plan) {
        List<Finding> out = new ArrayList<>();
        for (PlanSetting o : PlanSetting.all(plan)) {
            String managed = managed(o);
            if (managed != null) {
                out.add(Finding.of(Code.MANAGED_KEY, o.subject(), o.path(),
                        "'" + o.key() + "' is set by kdr from the plan and must not be overridden",
                        "remove it and use " + managed));
                continue;
            }
            Verdict v = checker.check(o.key(), o.scope(), plan.clusters().keySet());
            if (v.kind() == Kind.UNKNOWN && KeyVersions.find(o.key()).isEmpty()) {
                out.add(Finding.of(Code.UNKNOWN_KEY, o.subject(), o.path(), "'" + o.key()
                        + "' is not a MirrorMaker 2 (Kafka " + dev.kafkadr.mirror.plan.KafkaVersion.BUILT_AGAINST
                        + ") setting " + where(o.scope()) + "; MirrorMaker 2 would silently ignore it"
                        + (v.suggestion() == null ? "" : " (did you mean '" + v.suggestion() + "'?)"),
                        v.suggestion() == null ? "remove it, or check the key in the MirrorMaker 2 docs"
                                : "rename it to '" + v.suggestion() + "'"));
            } else if (v.kind() == Kind.IGNORED_AT_TOP_LEVEL) {
                out.add(Finding.of(Code.IGNORED_KEY, o.subject(), o.path(), "'" + o.key()
                        + "' is a Connect worker setting that MirrorMaker 2 ignores at the top level of mm2.properties",
                        "move it to mirrorMaker.worker." + o.key() + " (written per target cluster)"));
            }
        }
        return out;
    }

    private static String managed(PlanSetting o) {
        return switch (o.scope()) {
            case FLOW -> FLOW_MANAGED.get(o.key());
            case TOP_LEVEL -> TOP_MANAGED.containsKey(o.key()) ? TOP_MANAGED.get(o.key())
                    : FLOW_MANAGED.containsKey(o.key()) ? "flows[*]." + FLOW_MANAGED.get(o.key()) : null;
            case WORKER -> WORKER_MANAGED.get(o.key());
            case CLUSTER_CLIENT -> o.key().equals("bootstrap.servers") ? "bootstrapServers" : null;
        };
    }

    private static String where(Scope scope) {
        return switch (scope) {
            case FLOW -> "for a flow's connectors";
            case CLUSTER_CLIENT -> "for a cluster's clients";
            case TOP_LEVEL -> "at the top level of mm2.properties";
            case WORKER -> "for the Connect worker";
        };
    }
}
