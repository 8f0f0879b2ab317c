package dev.kafkadr.mirror.validate;

import dev.kafkadr.mirror.plan.ClusterSpec;
import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.plan.FlowSpec;
import dev.kafkadr.mirror.plan.Patterns;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * INVALID_REGEX: every topic and group pattern compiles as a Java regular expression (what MirrorMaker 2 and the
 * backup agent use) and has no comma, because MirrorMaker 2 reads these settings as comma-separated lists and
 * would cut the pattern in two. Stateless.
 */
public final class RegexRule implements Rule {

    @Override
    public List<Finding> check(DrPlan plan) {
        List<Finding> out = new ArrayList<>();
        for (FlowSpec f : plan.flows()) {
            check(f.topics(), "flow " + f.name(), f.path() + ".topics", out);
            check(f.groups(), "flow " + f.name(), f.path() + ".groups", out);
        }
        for (ClusterSpec c : plan.clusters().values()) {
            if (c.agent() != null) {
                check(c.agent().topics(), "cluster " + c.alias(), "clusters." + c.alias() + ".agent.topics", out);
            }
        }
        return out;
    }

    private static void check(Patterns p, String subject, String path, List<Finding> out) {
        check(p.include(), subject, path + ".include", out);
        check(p.exclude(), subject, path + ".exclude", out);
    }

    private static void check(List<String> patterns, String subject, String path, List<Finding> out) {
        for (int i = 0; i < patterns.size(); i++) {
            String p = patterns.get(i);
            String at = path + "[" + i + "]";
            try {
                Pattern.compile(p);
            } catch (PatternSyntaxException e) {
                out.add(Finding.of(Code.INVALID_REGEX, subject, at, "'" + p + "' is not a valid regular expression: "
                        + e.getDescription() + " near index " + e.getIndex(), "fix the pattern (Java regex syntax)"));
                continue;
            }
            if (p.contains(",")) {
                out.add(Finding.of(Code.INVALID_REGEX, subject, at, "'" + p + "' contains a comma, and MirrorMaker 2 "
                        + "splits this setting on commas", "rewrite it without ',' (e.g. a{1,3} as (a|aa|aaa)) or use "
                        + "two patterns"));
            }
        }
    }
}
