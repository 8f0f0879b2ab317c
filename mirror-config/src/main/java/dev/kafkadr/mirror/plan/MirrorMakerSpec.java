package dev.kafkadr.mirror.plan;

import java.util.SortedMap;

/**
 * Settings of the MirrorMaker 2 runtime itself. {@code config} are top-level {@code mm2.properties} keys;
 * {@code worker} are Connect worker settings written for each target cluster ({@code TARGET.KEY}), because MirrorMaker
 * 2 ignores most worker keys at the top level. Immutable.
 *
 * @param restListener    internal REST listener, needed by exactly-once flows and multi-node dedicated clusters
 * @param strimziReplicas pods of the Strimzi resource
 * @param strimziVersion  Kafka version Strimzi should run, or null for the operator's default
 * @param namespace       Kubernetes namespace of the Strimzi resource, or null
 */
public record MirrorMakerSpec(SortedMap<String, String> config, SortedMap<String, String> worker,
                              String restListener, int strimziReplicas, String strimziVersion, String namespace) {

    public MirrorMakerSpec {
        config = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(config));
        worker = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(worker));
    }
}
