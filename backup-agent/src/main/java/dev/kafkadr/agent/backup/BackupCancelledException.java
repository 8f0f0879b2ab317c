package dev.kafkadr.agent.backup;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/** The run was stopped (shutdown, SIGTERM) before its commit; nothing of it was committed. Immutable. */
public class BackupCancelledException extends KdrException {

    private static final long serialVersionUID = 1L;

    public BackupCancelledException(String runId) {
        super("backup run " + runId + " was cancelled before it committed; nothing of it counts as backed up");
    }

    @Override
    public FailureKind kind() {
        return FailureKind.INTERRUPTED;
    }
}
