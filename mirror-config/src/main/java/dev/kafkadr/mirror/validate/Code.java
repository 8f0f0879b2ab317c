package dev.kafkadr.mirror.validate;

/**
 * Every finding code with its severity and what it checks, declared once; the rules table in
 * {@code docs/mirror-config.md} is generated from this list. Immutable.
 */
public enum Code {
    UNKNOWN_KEY(Severity.ERROR, "A pass-through key is not a MirrorMaker 2 / Kafka client setting where it is "
            + "written (MirrorMaker 2 would silently drop it)."),
    IGNORED_KEY(Severity.ERROR, "A Connect worker key at the top level of mm2.properties, where MirrorMaker 2 "
            + "ignores it."),
    MANAGED_KEY(Severity.ERROR, "A pass-through key that the plan itself sets from one of its fields."),
    REMOVED_KEY(Severity.ERROR, "A key removed in the plan's Kafka version."),
    KEY_TOO_NEW(Severity.ERROR, "A key or feature not yet present in the plan's Kafka version."),
    VERSION_UNCHECKED(Severity.WARNING, "The plan's Kafka version is newer than the definitions kdr checks "
            + "against."),
    UNDEFINED_ALIAS(Severity.ERROR, "A flow names a cluster alias the plan does not define."),
    MISSING_BOOTSTRAP(Severity.ERROR, "A cluster has no bootstrap servers, or one is not host:port."),
    ALIAS_SEPARATOR(Severity.ERROR, "An alias contains the replication separator or '->', or characters not "
            + "allowed in topic names."),
    SELF_FLOW(Severity.ERROR, "A flow replicates a cluster into itself."),
    DUPLICATE_FLOW(Severity.ERROR, "Two flows have the same source and target."),
    CYCLE_NEEDS_PREFIXED(Severity.ERROR, "Flows form a cycle while one of them uses the identity policy, so "
            + "records would loop."),
    ACTIVE_ACTIVE_MODE(Severity.ERROR, "A flow's mode does not match the flows that exist (active-active needs "
            + "the reverse flow)."),
    RF_EXCEEDS_BROKERS(Severity.ERROR, "A replication factor is larger than the broker count of the cluster "
            + "where the topic is created."),
    RF_NOT_ABOVE_MIN_ISR(Severity.ERROR, "A replication factor is not above the cluster's min.insync.replicas "
            + "(a warning when the cluster has no more brokers than that)."),
    REMOTE_RF_LOWER(Severity.WARNING, "Remote topics get a lower replication factor than the source topics."),
    CHECKPOINTS_NEED_OFFSET_SYNCS(Severity.ERROR, "Checkpoints or group offset sync are on while offset syncs "
            + "(or checkpoints) they depend on are off."),
    EXACTLY_ONCE_SETTINGS(Severity.ERROR, "An exactly-once flow with settings that break it (read_uncommitted, "
            + "internal REST off, worker exactly-once support off)."),
    INVALID_REGEX(Severity.ERROR, "A topic or group pattern does not compile, or contains a comma (MirrorMaker "
            + "2 splits lists on commas)."),
    RPO_EXCEEDED(Severity.ERROR, "Checkpoint plus group-offset-sync intervals are longer than the flow's RPO."),
    RPO_REFRESH(Severity.WARNING, "New topics or groups are picked up less often than the flow's RPO."),
    CLEAR_TEXT_SECRET(Severity.ERROR, "A secret (password, JAAS config, token, key) written in clear text in "
            + "the plan."),
    STRIMZI_ACCESS(Severity.WARNING, "A cluster uses TLS or SASL but its strimzi section does not say how the "
            + "Strimzi resource authenticates."),
    MM2_REJECTED(Severity.ERROR, "MirrorMaker 2's own validation (MirrorMakerConfig, DistributedConfig, "
            + "connector validate()) rejects the generated configuration."),
    PREVIEW_NO_MATCH(Severity.WARNING, "With --bootstrap: a flow's patterns match no existing topic."),
    PREVIEW_UNREACHABLE(Severity.WARNING, "With --bootstrap: a cluster could not be reached for the preview."),
    PREVIEW_BROKERS(Severity.WARNING, "With --bootstrap: the live broker count differs from the plan's.");

    private final Severity severity;
    private final String description;

    Code(Severity severity, String description) {
        this.severity = severity;
        this.description = description;
    }

    public Severity severity() {
        return severity;
    }

    public String description() {
        return description;
    }
}
