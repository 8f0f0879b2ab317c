package dev.kafkadr.mirror.validate;

import dev.kafkadr.mirror.mm2.EffectiveConfig;
import dev.kafkadr.mirror.plan.ClusterSpec;
import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.plan.FlowSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EXACTLY_ONCE_SETTINGS: an exactly-once flow needs its source consumers at {@code read_committed} (else aborted
 * transactions are copied), the internal REST server of dedicated mode ({@code dedicated.mode.enable.internal.rest})
 * and {@code exactly.once.source.support=enabled} on the target's workers. kdr writes all three; this rule catches
 * overrides that undo them. Stateless.
 */
public final class ExactlyOnceRule implements Rule {

    @Override
    public List<Finding> check(DrPlan plan) {
        List<Finding> out = new ArrayList<>();
        for (FlowSpec f : plan.flows()) {
            ClusterSpec source = plan.clusters().get(f.source());
            if (!f.exactlyOnce() || source == null || !plan.clusters().containsKey(f.target())) {
                continue;
            }
            String subject = "flow " + f.name();
            isolationLevels(plan, f, source).forEach((path, value) -> {
                if (!"read_committed".equalsIgnoreCase(value.strip())) {
                    out.add(Finding.of(Code.EXACTLY_ONCE_SETTINGS, subject, path, "isolation level '" + value
                                    + "' for the source consumers of an exactly-once flow would copy aborted transactions",
                            "remove it (kdr sets read_committed) or set it to read_committed"));
                }
            });
            String rest = plan.mirrorMaker().config().get("dedicated.mode.enable.internal.rest");
            if (rest != null && !rest.strip().equalsIgnoreCase("true")) {
                out.add(Finding.of(Code.EXACTLY_ONCE_SETTINGS, subject, "mirrorMaker.config.dedicated.mode.enable.internal.rest",
                        "exactly-once flows need the internal REST server of dedicated mode, but it is set to " + rest,
                        "remove the override (kdr enables it for exactly-once flows)"));
            }
            String eos = EffectiveConfig.worker(plan, f.target()).get("exactly.once.source.support");
            if (eos != null && !eos.strip().equalsIgnoreCase("enabled")) {
                out.add(Finding.of(Code.EXACTLY_ONCE_SETTINGS, subject, "mirrorMaker.worker.exactly.once.source.support",
                        "exactly.once.source.support is '" + eos + "' for workers writing to '" + f.target()
                                + "'; exactly-once needs 'enabled'",
                        "remove the override once every worker runs with 'preparing' (rolling upgrade), so kdr "
                                + "writes 'enabled'"));
            }
        }
        return out;
    }

    /** Every place a source-consumer isolation level can be set for this flow, by plan path. */
    private static Map<String, String> isolationLevels(DrPlan plan, FlowSpec f, ClusterSpec source) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String k : List.of("isolation.level", "consumer.isolation.level")) {
            put(found, "clusters." + source.alias() + ".client." + k, source.client().get(k));
            put(found, "mirrorMaker.config." + k, plan.mirrorMaker().config().get(k));
        }
        for (String k : List.of("consumer.isolation.level", "source.consumer.isolation.level",
                "source.cluster.isolation.level")) {
            put(found, f.path() + ".config." + k, f.config().get(k));
        }
        return found;
    }

    private static void put(Map<String, String> m, String path, String value) {
        if (value != null) {
            m.put(path, value);
        }
    }
}
