package dev.kafkadr.mirror.validate;

import dev.kafkadr.mirror.mm2.EffectiveConfig;
import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.plan.FlowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CHECKPOINTS_NEED_OFFSET_SYNCS: MirrorCheckpointConnector translates group offsets with the offset syncs that
 * MirrorSourceConnector emits, and group offset sync writes what checkpoints translated; switching off a link of
 * that chain while keeping what depends on it leaves consumer groups unsynced on failover. Stateless.
 */
public final class OffsetSyncRule implements Rule {

    @Override
    public List<Finding> check(DrPlan plan) {
        List<Finding> out = new ArrayList<>();
        for (FlowSpec f : plan.flows()) {
            Map<String, String> eff = EffectiveConfig.flow(plan, f);
            boolean offsetSyncs = on(eff, "emit.offset-syncs.enabled");
            boolean checkpoints = on(eff, "emit.checkpoints.enabled");
            boolean groupSync = on(eff, "sync.group.offsets.enabled");
            String subject = "flow " + f.name();
            if (!offsetSyncs && (checkpoints || groupSync)) {
                out.add(Finding.of(Code.CHECKPOINTS_NEED_OFFSET_SYNCS, subject, path(plan, f, "emit.offset-syncs.enabled"),
                        "emit.offset-syncs.enabled is false, but checkpoints" + (groupSync ? " and group offset sync" : "")
                                + " are on: without offset syncs no consumer offset can be translated",
                        "remove emit.offset-syncs.enabled: false, or also set emit.checkpoints.enabled: false and "
                                + "syncGroupOffsets: false (then clients must find their position themselves)"));
            }
            if (groupSync && !checkpoints) {
                out.add(Finding.of(Code.CHECKPOINTS_NEED_OFFSET_SYNCS, subject, path(plan, f, "emit.checkpoints.enabled"),
                        "syncGroupOffsets is on but emit.checkpoints.enabled is false: group offsets are synced from "
                                + "checkpoints", "remove emit.checkpoints.enabled: false, or set syncGroupOffsets: false"));
            }
        }
        return out;
    }

    static boolean on(Map<String, String> eff, String key) {
        return !"false".equalsIgnoreCase(eff.getOrDefault(key, "true").strip());
    }

    static String path(DrPlan plan, FlowSpec f, String key) {
        return f.config().containsKey(key) ? f.path() + ".config." + key
                : plan.mirrorMaker().config().containsKey(key) ? "mirrorMaker.config." + key : f.path();
    }
}
