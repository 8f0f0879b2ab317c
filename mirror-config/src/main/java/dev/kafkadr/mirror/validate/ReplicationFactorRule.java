package dev.kafkadr.mirror.validate;

import dev.kafkadr.mirror.mm2.EffectiveConfig;
import dev.kafkadr.mirror.plan.ClusterSpec;
import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.plan.FlowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RF_EXCEEDS_BROKERS, RF_NOT_ABOVE_MIN_ISR and REMOTE_RF_LOWER: each replication factor MirrorMaker 2 uses to create
 * a topic (remote topics, checkpoints, heartbeats, offset syncs, worker internal topics) must fit the cluster the
 * topic is created on: at most its broker count and above its min.insync.replicas. {@code -1} (broker default) is
 * not checked. Stateless.
 */
public final class ReplicationFactorRule implements Rule {

    @Override
    public List<Finding> check(DrPlan plan) {
        List<Finding> out = new ArrayList<>();
        for (FlowSpec f : plan.flows()) {
            ClusterSpec source = plan.clusters().get(f.source());
            ClusterSpec target = plan.clusters().get(f.target());
            if (source == null || target == null) {
                continue;
            }
            Map<String, String> eff = EffectiveConfig.flow(plan, f);
            String subject = "flow " + f.name();
            for (String key : List.of("replication.factor", "checkpoints.topic.replication.factor",
                    "heartbeats.topic.replication.factor")) {
                check(eff.get(key), key, target, subject, flowPath(plan, f, key), out);
            }
            ClusterSpec syncs = "target".equals(eff.get("offset-syncs.topic.location")) ? target : source;
            String key = "offset-syncs.topic.replication.factor";
            check(eff.get(key), key, syncs, subject, flowPath(plan, f, key), out);
            Integer sourceRf = source.topicReplicationFactor();
            Integer remoteRf = parse(eff.get("replication.factor"));
            if (sourceRf != null && remoteRf != null && remoteRf > 0 && remoteRf < sourceRf) {
                out.add(Finding.of(Code.REMOTE_RF_LOWER, subject, flowPath(plan, f, "replication.factor"),
                        "remote topics on '" + target.alias() + "' get replication factor " + remoteRf
                                + ", lower than the source topics' " + sourceRf + " on '" + source.alias() + "'",
                        "set replicationFactor to " + Math.min(sourceRf, target.brokers())
                                + " if the target should survive as many broker losses as the source"));
            }
        }
        for (String t : plan.targets()) {
            ClusterSpec target = plan.clusters().get(t);
            if (target == null) {
                continue;
            }
            EffectiveConfig.worker(plan, t).forEach((k, v) -> {
                if (EffectiveConfig.WORKER_TOPIC_RF_KEYS.contains(k)) {
                    String path = plan.mirrorMaker().config().containsKey(k) ? "mirrorMaker.config." + k
                            : plan.mirrorMaker().worker().containsKey(k) ? "mirrorMaker.worker." + k
                            : k + " (derived from clusters." + t + ".brokers)";
                    check(v, k, target, "cluster " + t, path, out);
                }
            });
        }
        return out;
    }

    private static String flowPath(DrPlan plan, FlowSpec f, String key) {
        if (f.config().containsKey(key)) {
            return f.path() + ".config." + key;
        }
        if (plan.mirrorMaker().config().containsKey(key)) {
            return "mirrorMaker.config." + key;
        }
        if (key.equals("replication.factor") && f.replicationFactor() != null) {
            return f.path() + ".replicationFactor";
        }
        return key + " (derived from broker count)";
    }

    private static void check(String value, String key, ClusterSpec on, String subject, String path,
                              List<Finding> out) {
        Integer rf = parse(value);
        if (rf == null || rf == -1) {
            return;
        }
        if (rf > on.brokers()) {
            out.add(Finding.of(Code.RF_EXCEEDS_BROKERS, subject, path, key + " is " + rf + " but cluster '" + on.alias()
                    + "', where the topic is created, has " + on.brokers() + " broker(s)",
                    "set it to at most " + on.brokers()));
        } else if (rf < on.minInsyncReplicas()) {
            out.add(Finding.of(Code.RF_NOT_ABOVE_MIN_ISR, subject, path, key + " is " + rf + ", below min.insync.replicas "
                    + on.minInsyncReplicas() + " of cluster '" + on.alias() + "': every acks=all write would fail",
                    "set it to " + Math.min(on.brokers(), on.minInsyncReplicas() + 1)));
        } else if (rf == on.minInsyncReplicas()) {
            boolean couldBeHigher = on.brokers() > on.minInsyncReplicas();
            Finding f = Finding.of(Code.RF_NOT_ABOVE_MIN_ISR, subject, path, key + " is " + rf
                    + ", equal to min.insync.replicas of cluster '" + on.alias()
                    + "': losing one broker stops writes to the topic",
                    couldBeHigher ? "set it to " + (on.minInsyncReplicas() + 1)
                            : "add brokers to '" + on.alias() + "' or lower its min.insync.replicas");
            out.add(couldBeHigher ? f : f.withSeverity(Severity.WARNING));
        }
    }

    private static Integer parse(String v) {
        try {
            return v == null ? null : Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
