package dev.kafkadr.mirror.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kafkadr.cli.YamlErrors;
import dev.kafkadr.mirror.plan.FlowSpec.FlowMode;
import dev.kafkadr.mirror.plan.FlowSpec.OffsetSyncsLocation;
import dev.kafkadr.mirror.plan.FlowSpec.ReplicationPolicyKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a DR plan from YAML and checks its structure: every key known (unknown ones are rejected with their path and
 * a suggestion), every value of the right type, required values present, duplicate keys refused. Semantic checks
 * (aliases, cycles, replication factors, ...) are the validation rules' job. Stateless and thread-safe.
 */
public final class PlanLoader {

    /** The only plan format version this code reads. */
    public static final int FORMAT_VERSION = 1;

    private static final YAMLMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private static final Set<String> TOP = Set.of("version", "name", "kafkaVersion", "clusters", "flows",
            "mirrorMaker");
    private static final Set<String> CLUSTER = Set.of("bootstrapServers", "brokers", "minInsyncReplicas",
            "topicReplicationFactor", "client", "secrets", "strimzi", "agent");
    private static final Set<String> SECRETS = Set.of("file", "fileKeys", "env");
    private static final Set<String> FLOW = Set.of("source", "target", "mode", "topics", "groups",
            "replicationPolicy", "offsetSyncs", "exactlyOnce", "syncGroupOffsets", "heartbeats", "tasks",
            "replicationFactor", "rpo", "config");
    private static final Set<String> PATTERNS = Set.of("include", "exclude");
    private static final Set<String> MIRROR_MAKER = Set.of("config", "worker", "restListener", "strimzi");
    private static final Set<String> MM_STRIMZI = Set.of("replicas", "version", "namespace");
    private static final Set<String> AGENT = Set.of("storeUri", "schedule", "commandConfig", "topics");
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private PlanLoader() {
    }

    /** Loads the plan at {@code file}. */
    public static DrPlan load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "the file does not exist"
                    : e.getMessage();
            throw new PlanException("cannot read plan " + file + ": " + why + ": check --plan", e);
        }
        return parse(text, file.toString());
    }

    /** Parses plan YAML; {@code fileName} is used in messages only. */
    public static DrPlan parse(String yaml, String fileName) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new PlanException(fileName + ": not valid YAML" + YamlErrors.describe(e)
                    + ": fix the syntax there (indentation, quotes, brackets)", e);
        }
        YamlNode root = new YamlNode(fileName, "", tree);
        root.allowOnly(TOP);
        int version = root.integer("version", null, 1);
        if (version != FORMAT_VERSION) {
            throw root.child("version").error("plan format version " + version + " is not supported; this kdr reads "
                    + FORMAT_VERSION);
        }
        String name = root.string("name");
        if (!NAME.matcher(name).matches() || name.length() > 63) {
            throw root.child("name").error("must be lower-case letters, digits and '-' (a Kubernetes name, at most 63"
                    + " characters) but was '" + name + "'");
        }
        String versionText = root.string("kafkaVersion", KafkaVersion.BUILT_AGAINST.toString());
        KafkaVersion kafkaVersion = KafkaVersion.parse(versionText);
        if (kafkaVersion == null) {
            throw root.child("kafkaVersion").error("expected a version like 4.3 or 4.3.1 but was '" + versionText
                    + "'");
        }
        SortedMap<String, ClusterSpec> clusters = new TreeMap<>();
        YamlNode clustersNode = root.child("clusters");
        Map<String, YamlNode> clusterEntries = clustersNode.entries();
        if (clusterEntries.isEmpty()) {
            throw clustersNode.error("at least one cluster is required");
        }
        clusterEntries.forEach((alias, node) -> clusters.put(alias, cluster(alias, node)));
        List<FlowSpec> flows = new ArrayList<>();
        List<YamlNode> flowItems = root.child("flows").items();
        if (flowItems.isEmpty()) {
            throw root.child("flows").error("at least one flow is required");
        }
        for (int i = 0; i < flowItems.size(); i++) {
            flows.add(flow(i, flowItems.get(i)));
        }
        return new DrPlan(fileName, name, kafkaVersion, clusters, flows, mirrorMaker(root.optionalMap("mirrorMaker")));
    }

    private static ClusterSpec cluster(String alias, YamlNode n) {
        if (alias.isBlank()) {
            throw n.error("a cluster alias must not be empty");
        }
        n.allowOnly(CLUSTER);
        List<String> bootstrap = n.stringList("bootstrapServers", List.of());
        int brokers = n.integer("brokers", null, 1);
        int minIsr = n.integer("minInsyncReplicas", 1, 1);
        Integer topicRf = n.has("topicReplicationFactor") ? n.integer("topicReplicationFactor", null, 1) : null;
        return new ClusterSpec(alias, bootstrap, brokers, minIsr, topicRf, n.settings("client"),
                secrets(n.optionalMap("secrets")), StrimziAccessReader.read(n.optionalMap("strimzi")),
                n.has("agent") ? agent(n.child("agent")) : null);
    }

    private static SecretRefs secrets(YamlNode n) {
        n.allowOnly(SECRETS);
        String file = n.string("file", null);
        List<String> fileKeys = n.stringList("fileKeys", List.of());
        if (!fileKeys.isEmpty() && file == null) {
            throw n.child("file").error("required when fileKeys is set (the client properties file holding them)");
        }
        return new SecretRefs(file, fileKeys, n.settings("env"));
    }

    private static AgentSpec agent(YamlNode n) {
        n.allowOnly(AGENT);
        return new AgentSpec(n.string("storeUri"), n.string("schedule"), n.string("commandConfig", null),
                patterns(n.optionalMap("topics"), Patterns.all()));
    }

    private static FlowSpec flow(int index, YamlNode n) {
        n.allowOnly(FLOW);
        Integer rf = n.has("replicationFactor") ? n.integer("replicationFactor", null, 1) : null;
        return new FlowSpec(index, n.string("source"), n.string("target"),
                n.enumValue("mode", FlowMode.class, FlowMode.ACTIVE_PASSIVE),
                patterns(n.optionalMap("topics"), Patterns.all()),
                patterns(n.optionalMap("groups"), Patterns.all()),
                n.enumValue("replicationPolicy", ReplicationPolicyKind.class, ReplicationPolicyKind.PREFIXED),
                n.enumValue("offsetSyncs", OffsetSyncsLocation.class, OffsetSyncsLocation.SOURCE),
                n.bool("exactlyOnce", false), n.bool("syncGroupOffsets", true), n.bool("heartbeats", true),
                n.integer("tasks", 1, 1), rf, n.duration("rpo"), n.settings("config"));
    }

    private static Patterns patterns(YamlNode n, Patterns dflt) {
        n.allowOnly(PATTERNS);
        List<String> include = n.stringList("include", dflt.include());
        if (include.isEmpty()) {
            throw n.child("include").error("must list at least one pattern (use '.*' for everything)");
        }
        return new Patterns(include, n.stringList("exclude", dflt.exclude()));
    }

    private static MirrorMakerSpec mirrorMaker(YamlNode n) {
        n.allowOnly(MIRROR_MAKER);
        YamlNode strimzi = n.optionalMap("strimzi");
        strimzi.allowOnly(MM_STRIMZI);
        return new MirrorMakerSpec(n.settings("config"), n.settings("worker"), n.string("restListener", null),
                strimzi.integer("replicas", 1, 1), strimzi.string("version", null),
                strimzi.string("namespace", null));
    }
}
