package dev.kafkadr.mirror.validate;

import dev.kafkadr.mirror.mm2.EffectiveConfig;
import dev.kafkadr.mirror.plan.ClusterSpec;
import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.plan.FlowSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * UNDEFINED_ALIAS, MISSING_BOOTSTRAP, ALIAS_SEPARATOR, SELF_FLOW and DUPLICATE_FLOW: every alias a flow names is
 * defined and reachable (host:port bootstrap servers); aliases are usable inside remote topic names (no replication
 * separator, no '->', only topic-name characters); flows are distinct and never point at their own source.
 * Stateless.
 */
public final class AliasRule implements Rule {

    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[^:\\s,\\[\\]]+):(\\d{1,5})");
    private static final Pattern TOPIC_CHARS = Pattern.compile("[a-zA-Z0-9._-]+");

    @Override
    public List<Finding> check(DrPlan plan) {
        List<Finding> out = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        for (FlowSpec f : plan.flows()) {
            for (String[] end : List.of(new String[] {"source", f.source()}, new String[] {"target", f.target()})) {
                used.add(end[1]);
                if (!plan.clusters().containsKey(end[1])) {
                    out.add(Finding.of(Code.UNDEFINED_ALIAS, "flow " + f.name(), f.path() + "." + end[0],
                            "cluster '" + end[1] + "' is not defined under clusters (defined: "
                                    + String.join(", ", plan.clusters().keySet()) + ")"
                                    + dev.kafkadr.mirror.plan.DidYouMean.hint(end[1], plan.clusters().keySet()),
                            "define clusters." + end[1] + " or correct the alias"));
                }
            }
            if (f.source().equals(f.target())) {
                out.add(Finding.of(Code.SELF_FLOW, "flow " + f.name(), f.path() + ".target",
                        "source and target are both '" + f.source() + "'", "point the flow at another cluster"));
            }
            if (!seen.add(f.name())) {
                out.add(Finding.of(Code.DUPLICATE_FLOW, "flow " + f.name(), f.path(),
                        "a flow " + f.name() + " is already defined earlier", "merge the two flows into one"));
            }
        }
        for (String alias : used) {
            ClusterSpec c = plan.clusters().get(alias);
            if (c != null) {
                bootstrap(c, out);
                aliasCharacters(plan, c, out);
            }
        }
        return out;
    }

    private static void bootstrap(ClusterSpec c, List<Finding> out) {
        String path = "clusters." + c.alias() + ".bootstrapServers";
        if (c.bootstrapServers().isEmpty()) {
            out.add(Finding.of(Code.MISSING_BOOTSTRAP, "cluster " + c.alias(), path,
                    "no bootstrap servers for a cluster used by a flow", "list at least one host:port"));
            return;
        }
        for (String s : c.bootstrapServers()) {
            var m = HOST_PORT.matcher(s);
            if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 65535) {
                out.add(Finding.of(Code.MISSING_BOOTSTRAP, "cluster " + c.alias(), path,
                        "'" + s + "' is not host:port", "write it as host:port, e.g. kafka-0.example.com:9092"));
            }
        }
    }

    private static void aliasCharacters(DrPlan plan, ClusterSpec c, List<Finding> out) {
        String path = "clusters." + c.alias();
        Set<String> separators = new TreeSet<>();
        for (FlowSpec f : plan.flows()) {
            if ((f.source().equals(c.alias()) || f.target().equals(c.alias()))
                    && plan.clusters().containsKey(f.source()) && plan.clusters().containsKey(f.target())) {
                separators.add(EffectiveConfig.separator(plan, f));
            }
        }
        for (String sep : separators) {
            if (c.alias().contains(sep)) {
                out.add(Finding.of(Code.ALIAS_SEPARATOR, "cluster " + c.alias(), path, "alias '" + c.alias()
                        + "' contains the replication separator '" + sep + "', so remote topic names like '"
                        + c.alias() + sep + "orders' cannot be traced back to their source cluster",
                        "rename the alias without '" + sep + "' (e.g. '" + c.alias().replace(sep, "-") + "')"));
            }
        }
        if (c.alias().contains("->")) {
            out.add(Finding.of(Code.ALIAS_SEPARATOR, "cluster " + c.alias(), path, "alias '" + c.alias()
                    + "' contains '->', which MirrorMaker 2 uses between source and target", "rename the alias"));
        } else if (!TOPIC_CHARS.matcher(c.alias()).matches()) {
            out.add(Finding.of(Code.ALIAS_SEPARATOR, "cluster " + c.alias(), path, "alias '" + c.alias()
                    + "' has characters not allowed in topic names, and remote topics are named after it",
                    "use only letters, digits, '.', '_' and '-'"));
        }
    }
}
