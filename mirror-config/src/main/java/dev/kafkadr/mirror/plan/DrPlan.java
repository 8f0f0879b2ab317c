package dev.kafkadr.mirror.plan;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * A disaster-recovery plan: the clusters, the replication flows between them and the MirrorMaker 2 runtime settings,
 * as loaded from one YAML file by {@link PlanLoader}. Structure is checked at load; semantic rules run in
 * {@code dev.kafkadr.mirror.validate}. Immutable.
 *
 * @param file where the plan was read from (for messages), e.g. {@code plans/dr.yaml}
 */
public record DrPlan(String file, String name, KafkaVersion kafkaVersion, SortedMap<String, ClusterSpec> clusters,
                     List<FlowSpec> flows, MirrorMakerSpec mirrorMaker) {

    public DrPlan {
        clusters = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(clusters));
        flows = List.copyOf(flows);
    }

    public Optional<ClusterSpec> cluster(String alias) {
        return Optional.ofNullable(clusters.get(alias));
    }

    /** Aliases that are the target of at least one flow, sorted. */
    public List<String> targets() {
        TreeSet<String> t = new TreeSet<>();
        flows.forEach(f -> t.add(f.target()));
        return List.copyOf(t);
    }

    /** Flows into {@code target}, in plan order. */
    public List<FlowSpec> flowsInto(String target) {
        return flows.stream().filter(f -> f.target().equals(target)).toList();
    }

    /** The flow {@code source->target}, if the plan has it. */
    public Optional<FlowSpec> flow(String source, String target) {
        return flows.stream().filter(f -> f.source().equals(source) && f.target().equals(target)).findFirst();
    }
}
