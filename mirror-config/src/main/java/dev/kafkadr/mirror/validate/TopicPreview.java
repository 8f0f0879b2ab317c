package dev.kafkadr.mirror.validate;

import dev.kafkadr.mirror.mm2.EffectiveConfig;
import dev.kafkadr.mirror.plan.ClusterSpec;
import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.plan.FlowSpec;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.connect.mirror.DefaultGroupFilter;
import org.apache.kafka.connect.mirror.DefaultTopicFilter;
import org.apache.kafka.connect.mirror.ReplicationPolicy;

/**
 * Lists, per flow, which existing topics and consumer groups of the source cluster the flow would mirror, using
 * MirrorMaker 2's own filters and replication policy on the effective settings, plus warnings the live clusters
 * reveal (nothing matched, unreachable, broker count differs, remote replication factor lower than a source topic's).
 * Connects with the plan's client settings and secrets (read from the secrets file and environment), to the given
 * bootstrap servers. Not thread-safe; one preview per instance.
 */
public final class TopicPreview {

    /** What one flow would mirror. Immutable. */
    public record FlowPreview(String flow, Map<String, String> topicsToRemote, List<String> groups) {
    }

    /** The previews and live findings. Immutable. */
    public record Result(List<FlowPreview> flows, List<Finding> findings) {
    }

    private final DrPlan plan;
    private final Map<String, String> bootstrap;
    private final Duration timeout;

    /** {@code bootstrap}: alias → servers to connect to (aliases absent are not previewed). */
    public TopicPreview(DrPlan plan, Map<String, String> bootstrap, Duration timeout) {
        this.plan = plan;
        this.bootstrap = bootstrap;
        this.timeout = timeout;
    }

    public Result run() {
        List<FlowPreview> previews = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, Live> live = new TreeMap<>();
        for (FlowSpec f : plan.flows()) {
            ClusterSpec source = plan.clusters().get(f.source());
            if (source == null || !bootstrap.containsKey(f.source())) {
                continue;
            }
            Live l = live.computeIfAbsent(f.source(), a -> fetch(source, findings));
            if (l == null) {
                continue;
            }
            previews.add(preview(f, l, findings));
        }
        return new Result(previews, findings);
    }

    private record Live(Map<String, Integer> topicRf, List<String> groups) {
    }

    private Live fetch(ClusterSpec c, List<Finding> findings) {
        try (Admin admin = Admin.create(adminConfig(c))) {
            int brokers = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            if (brokers != c.brokers()) {
                findings.add(Finding.of(Code.PREVIEW_BROKERS, "cluster " + c.alias(), "clusters." + c.alias()
                                + ".brokers", "the plan says " + c.brokers() + " broker(s) but " + bootstrap.get(c.alias())
                                + " has " + brokers, "set brokers to " + brokers + " so replication factors are checked "
                                + "against the real cluster"));
            }
            TreeSet<String> names = new TreeSet<>(admin.listTopics().names().get(timeout.toMillis(),
                    TimeUnit.MILLISECONDS));
            Map<String, Integer> rf = new TreeMap<>();
            Map<String, TopicDescription> d = admin.describeTopics(names).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            d.forEach((t, desc) -> rf.put(t, desc.partitions().isEmpty() ? 0
                    : desc.partitions().get(0).replicas().size()));
            List<String> groups = new ArrayList<>();
            admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach(g -> groups.add(g.groupId()));
            groups.sort(null);
            return new Live(rf, groups);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            findings.add(Finding.of(Code.PREVIEW_UNREACHABLE, "cluster " + c.alias(), "clusters." + c.alias()
                            + ".bootstrapServers", "could not list topics and groups at " + bootstrap.get(c.alias())
                            + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    "check the address and client settings, or drop --bootstrap for this cluster"));
            return null;
        }
    }

    private FlowPreview preview(FlowSpec f, Live live, List<Finding> findings) {
        Map<String, String> eff = EffectiveConfig.flow(plan, f);
        DefaultTopicFilter topicFilter = new DefaultTopicFilter();
        topicFilter.configure(eff);
        DefaultGroupFilter groupFilter = new DefaultGroupFilter();
        groupFilter.configure(eff);
        ReplicationPolicy policy = policy(eff);
        Map<String, String> topics = new TreeMap<>();
        int remoteRf = parse(eff.get("replication.factor"));
        for (Map.Entry<String, Integer> t : live.topicRf().entrySet()) {
            String topic = t.getKey();
            boolean cycle = f.target().equals(policy.topicSource(topic));
            if (topicFilter.shouldReplicateTopic(topic) && !policy.isInternalTopic(topic) && !cycle) {
                topics.put(topic, policy.formatRemoteTopic(f.source(), topic));
                if (remoteRf > 0 && remoteRf < t.getValue()) {
                    findings.add(Finding.of(Code.REMOTE_RF_LOWER, "flow " + f.name(), f.path() + ".replicationFactor",
                            "topic '" + topic + "' has replication factor " + t.getValue() + " on '" + f.source()
                                    + "' but its remote copy gets " + remoteRf,
                            "set replicationFactor to " + t.getValue() + " (at most the target's broker count)"));
                }
            }
        }
        if (topics.isEmpty()) {
            findings.add(Finding.of(Code.PREVIEW_NO_MATCH, "flow " + f.name(), f.path() + ".topics", "no existing topic "
                    + "on '" + f.source() + "' matches " + f.topics().include(), "check the patterns (Java regex, "
                    + "matched against the whole topic name)"));
        }
        List<String> groups = live.groups().stream().filter(groupFilter::shouldReplicateGroup).toList();
        return new FlowPreview(f.name(), topics, groups);
    }

    private static ReplicationPolicy policy(Map<String, String> eff) {
        try {
            ReplicationPolicy p = (ReplicationPolicy) Class.forName(eff.get("replication.policy.class"))
                    .getDeclaredConstructor().newInstance();
            if (p instanceof org.apache.kafka.common.Configurable c) {
                c.configure(eff);
            }
            return p;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create replication policy " + eff.get("replication.policy.class"), e);
        }
    }

    private static int parse(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException | NullPointerException e) {
            return -1;
        }
    }

    private Map<String, Object> adminConfig(ClusterSpec c) {
        Map<String, Object> m = new HashMap<>(c.client());
        c.secrets().env().forEach((k, var) -> {
            String v = System.getenv(var);
            if (v != null) {
                m.put(k, v);
            }
        });
        if (c.secrets().file() != null && !c.secrets().fileKeys().isEmpty()) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(Paths.get(c.secrets().file()))) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + c.secrets().file() + ": " + e.getMessage(), e);
            }
            c.secrets().fileKeys().forEach(k -> {
                if (p.getProperty(k) != null) {
                    m.put(k, p.getProperty(k));
                }
            });
        }
        m.put("bootstrap.servers", bootstrap.get(c.alias()));
        m.put("request.timeout.ms", (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        m.put("default.api.timeout.ms", (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        return m;
    }
}
