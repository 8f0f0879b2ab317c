package dev.kafkadr.restore;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/** Something the operation needs on the target cluster (a restored topic, a partition) does not exist. Immutable. */
public class TargetNotFoundException extends KdrException {

    private static final long serialVersionUID = 1L;

    private final String hint;

    public TargetNotFoundException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    @Override
    public FailureKind kind() {
        return FailureKind.NOT_FOUND;
    }

    @Override
    public String hint() {
        return hint;
    }
}
