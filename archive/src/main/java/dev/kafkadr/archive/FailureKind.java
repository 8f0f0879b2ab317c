package dev.kafkadr.archive;

/**
 * The kinds of failure every kafka-dr tool distinguishes, each with the process exit code the CLIs use for it.
 * Immutable.
 */
public enum FailureKind {
    /** Anything unexpected. */
    INTERNAL(1),
    /** Bad command line or configuration. */
    USAGE(2),
    /** A verification found problems in an archive. */
    VERIFICATION_FAILED(3),
    /** A store object, backup, cluster, topic or group that was asked for does not exist. */
    NOT_FOUND(4),
    /** A store or Kafka cluster could not be reached. */
    UNAVAILABLE(5),
    /** Wrong credentials or missing permissions. */
    ACCESS_DENIED(6),
    /** The target is not in the state the operation needs (non-empty topic, active group, object exists, fenced). */
    CONFLICT(7),
    /** Archive data is damaged or of an unknown format. */
    CORRUPT(8),
    /** The operation was interrupted or cancelled. */
    INTERRUPTED(130);

    private final int exitCode;

    FailureKind(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
