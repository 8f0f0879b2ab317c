package dev.kafkadr.mirror.validate;

import dev.kafkadr.mirror.mm2.KeyVersions;
import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.plan.FlowSpec;
import dev.kafkadr.mirror.plan.KafkaVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * REMOVED_KEY, KEY_TOO_NEW and VERSION_UNCHECKED: keys and features must exist in the Kafka version the plan declares
 * ({@code kafkaVersion}), per {@link KeyVersions}. Stateless.
 */
public final class KafkaVersionRule implements Rule {

    @Override
    public List<Finding> check(DrPlan plan) {
        List<Finding> out = new ArrayList<>();
        KafkaVersion v = plan.kafkaVersion();
        KafkaVersion built = KafkaVersion.BUILT_AGAINST;
        if (v.major() > built.major() || v.major() == built.major() && v.minor() > built.minor()) {
            out.add(Finding.of(Code.VERSION_UNCHECKED, "plan", "kafkaVersion", "the plan targets Kafka " + v
                    + " but kdr checks keys against MirrorMaker 2 " + built + " definitions",
                    "check keys added after " + built + " yourself, or use a kdr built for " + v));
        }
        for (PlanSetting o : PlanSetting.all(plan)) {
            KeyVersions.find(o.key()).filter(e -> KeyVersions.absentIn(e, v)).ifPresent(e -> {
                if (e.removedIn() != null && !v.isBefore(e.removedIn())) {
                    out.add(Finding.of(Code.REMOVED_KEY, o.subject(), o.path(), "'" + o.key() + "' was removed in Kafka "
                            + e.removedIn() + " (" + e.source() + ") and the plan targets " + v,
                            "use " + e.replacement()));
                } else {
                    out.add(Finding.of(Code.KEY_TOO_NEW, o.subject(), o.path(), "'" + o.key() + "' exists only since Kafka "
                            + e.addedIn() + " (" + e.source() + ") and the plan targets " + v,
                            "remove it, or raise kafkaVersion once MirrorMaker 2 runs " + e.addedIn() + " or newer"));
                }
            });
        }
        for (FlowSpec f : plan.flows()) {
            if (f.exactlyOnce() && v.isBefore(KeyVersions.EXACTLY_ONCE_SINCE)) {
                out.add(Finding.of(Code.KEY_TOO_NEW, "flow " + f.name(), f.path() + ".exactlyOnce",
                        "exactly-once MirrorMaker 2 needs Kafka " + KeyVersions.EXACTLY_ONCE_SINCE
                                + " or newer and the plan targets " + v,
                        "set exactlyOnce: false, or upgrade MirrorMaker 2 and raise kafkaVersion"));
            }
        }
        return out;
    }
}
