package dev.kafkadr.mirror.validate;

import dev.kafkadr.mirror.plan.DrPlan;
import java.util.List;

/** One validation rule (or a small group of related ones) over a whole plan. Implementations are stateless and thread-safe. */
public interface Rule {

    /** The findings for {@code plan}, in a deterministic order; empty when the plan is fine. */
    List<Finding> check(DrPlan plan);
}
