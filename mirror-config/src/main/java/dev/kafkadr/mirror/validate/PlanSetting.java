package dev.kafkadr.mirror.validate;

import dev.kafkadr.mirror.mm2.KeyChecker.Scope;
import dev.kafkadr.mirror.plan.ClusterSpec;
import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.plan.FlowSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass-through setting written in the plan: who it belongs to, its key path in the plan file, where it is
 * written in the generated config, and its value. Immutable.
 */
record PlanSetting(String subject, String path, Scope scope, String key, String value) {

    /** Every pass-through setting of the plan, in plan order. */
    static List<PlanSetting> all(DrPlan plan) {
        List<PlanSetting> out = new ArrayList<>();
        for (ClusterSpec c : plan.clusters().values()) {
            c.client().forEach((k, v) -> out.add(new PlanSetting("cluster " + c.alias(),
                    "clusters." + c.alias() + ".client." + k, Scope.CLUSTER_CLIENT, k, v)));
        }
        for (FlowSpec f : plan.flows()) {
            f.config().forEach((k, v) -> out.add(new PlanSetting("flow " + f.name(), f.path() + ".config." + k,
                    Scope.FLOW, k, v)));
        }
        plan.mirrorMaker().config().forEach((k, v) -> out.add(new PlanSetting("mirrorMaker", "mirrorMaker.config." + k,
                Scope.TOP_LEVEL, k, v)));
        plan.mirrorMaker().worker().forEach((k, v) -> out.add(new PlanSetting("mirrorMaker", "mirrorMaker.worker." + k,
                Scope.WORKER, k, v)));
        return out;
    }
}
