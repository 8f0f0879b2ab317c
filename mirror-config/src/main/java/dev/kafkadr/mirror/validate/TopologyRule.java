package dev.kafkadr.mirror.validate;

import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.plan.FlowSpec;
import dev.kafkadr.mirror.plan.FlowSpec.FlowMode;
import dev.kafkadr.mirror.plan.FlowSpec.ReplicationPolicyKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CYCLE_NEEDS_PREFIXED and ACTIVE_ACTIVE_MODE: a flow using the identity policy must not be on a cycle of the flow
 * graph (the identity policy cannot tell a record's origin from its name, so it would mirror it back); an
 * active-active flow needs its reverse flow, and a pair of opposite flows should both say active-active. Stateless.
 */
public final class TopologyRule implements Rule {

    @Override
    public List<Finding> check(DrPlan plan) {
        List<Finding> out = new ArrayList<>();
        for (FlowSpec f : plan.flows()) {
            if (f.replicationPolicy() == ReplicationPolicyKind.IDENTITY && !f.source().equals(f.target())) {
                List<String> back = path(plan, f.target(), f.source());
                if (back != null) {
                    out.add(Finding.of(Code.CYCLE_NEEDS_PREFIXED, "flow " + f.name(), f.path() + ".replicationPolicy",
                            "the identity policy is used on the replication cycle " + f.source() + "->"
                                    + String.join("->", back) + ", so records would be mirrored back and forth",
                            "use replicationPolicy: prefixed (the default) for every flow on the cycle"));
                }
            }
            boolean reverse = plan.flow(f.target(), f.source()).isPresent();
            if (f.mode() == FlowMode.ACTIVE_ACTIVE && !reverse) {
                out.add(Finding.of(Code.ACTIVE_ACTIVE_MODE, "flow " + f.name(), f.path() + ".mode",
                        "mode is active-active but there is no flow " + f.target() + "->" + f.source(),
                        "add the reverse flow, or set mode: active-passive"));
            } else if (f.mode() == FlowMode.ACTIVE_PASSIVE && reverse) {
                out.add(Finding.of(Code.ACTIVE_ACTIVE_MODE, "flow " + f.name(), f.path() + ".mode",
                        "a reverse flow " + f.target() + "->" + f.source()
                                + " exists, which makes this active-active, but mode says active-passive",
                        "set mode: active-active on both flows (the runbook differs)").withSeverity(Severity.WARNING));
            }
        }
        return out;
    }

    /** Aliases on a path from {@code from} to {@code to} (inclusive), or null; breadth-first, deterministic. */
    static List<String> path(DrPlan plan, String from, String to) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        parent.put(from, null);
        while (!queue.isEmpty()) {
            String cur = queue.poll();
            if (cur.equals(to)) {
                List<String> p = new ArrayList<>();
                for (String n = cur; n != null; n = parent.get(n)) {
                    p.add(0, n);
                }
                return p;
            }
            for (FlowSpec f : plan.flows()) {
                if (f.source().equals(cur) && !parent.containsKey(f.target())) {
                    parent.put(f.target(), cur);
                    queue.add(f.target());
                }
            }
        }
        return null;
    }
}
