package dev.kafkadr.mirror.render;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of output {@code kdr mirror generate} writes. Immutable. */
public enum Format {
    /** Dedicated-mode {@code mm2/mm2-TARGET.properties}, one per target cluster. */
    MM2,
    /** Kafka Connect connector JSON, three per flow, under {@code connect/}. */
    CONNECT,
    /** A Strimzi {@code KafkaMirrorMaker2} (v1) per target cluster, under {@code strimzi/}. */
    STRIMZI,
    /** {@code runbook.md}: failover and failback steps for this plan. */
    RUNBOOK,
    /** Backup-agent configs for clusters with an {@code agent} section, under {@code agent/}. */
    AGENT,
    /** Everything above. */
    ALL;

    /** The concrete formats {@code selected} stands for. */
    public static Set<Format> expand(Set<Format> selected) {
        if (selected.contains(ALL)) {
            return EnumSet.complementOf(EnumSet.of(ALL));
        }
        return EnumSet.copyOf(selected);
    }
}
