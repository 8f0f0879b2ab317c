package dev.kafkadr.restore;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/**
 * The target is not in the state a restore needs: a non-empty foreign topic, too few partitions, a group with active
 * members, a topic changed since the restore. Nothing was changed for what the message names. Immutable.
 */
public class RestoreConflictException extends KdrException {

    private static final long serialVersionUID = 1L;

    private final String hint;

    public RestoreConflictException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    @Override
    public FailureKind kind() {
        return FailureKind.CONFLICT;
    }

    @Override
    public String hint() {
        return hint;
    }
}
