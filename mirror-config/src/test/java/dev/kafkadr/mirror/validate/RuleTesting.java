package dev.kafkadr.mirror.validate;

import dev.kafkadr.mirror.Examples;
import dev.kafkadr.mirror.plan.PlanLoader;
import java.util.List;

/** Test helper: runs one rule over plan text and returns the finding lines. */
final class RuleTesting {

    private RuleTesting() {
    }

    static List<String> lines(Rule rule, String yaml) {
        return rule.check(PlanLoader.parse(yaml, "plan.yaml")).stream().map(Finding::line).toList();
    }

    /** The minimal two-cluster plan a->b with {@code flowExtra} added to its flow. */
    static List<String> flow(Rule rule, String flowExtra) {
        return lines(rule, Examples.minimal(flowExtra));
    }
}
