package dev.kafkadr.mirror.validate;

import dev.kafkadr.mirror.mm2.EffectiveConfig;
import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.plan.FlowSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RPO_EXCEEDED and RPO_REFRESH: a consumer group's position on the target lags the source by up to the checkpoint
 * interval plus the group-offset sync interval, which must fit in the flow's RPO; topics and groups created after
 * MirrorMaker 2 starts are only picked up at each refresh, which should too. Stateless.
 */
public final class RpoRule implements Rule {

    @Override
    public List<Finding> check(DrPlan plan) {
        List<Finding> out = new ArrayList<>();
        for (FlowSpec f : plan.flows()) {
            Map<String, String> eff = EffectiveConfig.flow(plan, f);
            String subject = "flow " + f.name();
            long checkpoints = interval(eff, "emit.checkpoints");
            long sync = interval(eff, "sync.group.offsets");
            long total = Math.max(0, checkpoints) + Math.max(0, sync);
            if (total > f.rpo().toSeconds()) {
                out.add(Finding.of(Code.RPO_EXCEEDED, subject, f.path() + ".rpo",
                        "consumer offsets on '" + f.target() + "' may lag by emit.checkpoints.interval.seconds ("
                                + checkpoints + ") + sync.group.offsets.interval.seconds (" + Math.max(0, sync) + ") = "
                                + total + " s, more than the RPO of " + f.rpo().toSeconds() + " s",
                        "lower those intervals in " + f.path() + ".config so their sum is at most "
                                + f.rpo().toSeconds() + ", or relax the RPO"));
            }
            for (String what : List.of("refresh.topics", "refresh.groups")) {
                long refresh = interval(eff, what);
                if (refresh > f.rpo().toSeconds()) {
                    out.add(Finding.of(Code.RPO_REFRESH, subject, OffsetSyncRule.path(plan, f,
                                    what + ".interval.seconds"),
                            what + ".interval.seconds is " + refresh + " s, longer than the RPO of "
                                    + f.rpo().toSeconds() + " s: new " + what.substring(8) + " are mirrored that late",
                            "set " + what + ".interval.seconds to at most " + f.rpo().toSeconds()));
                }
            }
        }
        return out;
    }

    /** Seconds between runs of {@code name}, or -1 when disabled or unreadable. */
    private static long interval(Map<String, String> eff, String name) {
        if (!OffsetSyncRule.on(eff, name + ".enabled")) {
            return -1;
        }
        try {
            return Long.parseLong(eff.getOrDefault(name + ".interval.seconds", "-1").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

}
