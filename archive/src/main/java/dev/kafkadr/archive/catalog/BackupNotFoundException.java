package dev.kafkadr.archive.catalog;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/** The store holds no committed backup for what was asked (cluster, run, topic, time). Immutable. */
public class BackupNotFoundException extends KdrException {

    private static final long serialVersionUID = 1L;

    private final String hint;

    public BackupNotFoundException(String message, String hint) {
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
