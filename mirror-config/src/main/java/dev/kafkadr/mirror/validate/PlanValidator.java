package dev.kafkadr.mirror.validate;

import dev.kafkadr.mirror.plan.DrPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every rule over a plan. MirrorMaker 2's own validation ({@link Mm2ConformanceRule}) runs last and only when
 * the plan's own rules found no error, since those explain the problem better. Stateless and thread-safe.
 */
public final class PlanValidator {

    private static final List<Rule> RULES = List.of(new AliasRule(), new PassThroughKeysRule(),
            new KafkaVersionRule(), new SecretRule(), new TopologyRule(), new RegexRule(),
            new ReplicationFactorRule(), new OffsetSyncRule(), new ExactlyOnceRule(), new RpoRule(),
            new StrimziAccessRule());

    private PlanValidator() {
    }

    public static ValidationReport validate(DrPlan plan) {
        List<Finding> findings = new ArrayList<>();
        for (Rule r : RULES) {
            findings.addAll(r.check(plan));
        }
        ValidationReport report = new ValidationReport(findings);
        if (report.errors() == 0) {
            report = report.plus(new Mm2ConformanceRule().check(plan));
        }
        return report;
    }
}
