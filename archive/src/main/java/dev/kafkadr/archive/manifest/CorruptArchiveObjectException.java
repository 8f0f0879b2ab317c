package dev.kafkadr.archive.manifest;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/** A JSON archive object (manifest, commit record, snapshot) fails its checksum or cannot be parsed. Immutable. */
public class CorruptArchiveObjectException extends KdrException {

    private static final long serialVersionUID = 1L;

    private final String object;

    public CorruptArchiveObjectException(String object, String problem) {
        this(object, problem, null);
    }

    public CorruptArchiveObjectException(String object, String problem, Throwable cause) {
        super("corrupt archive object " + object + ": " + problem, cause);
        this.object = object;
    }

    public String object() {
        return object;
    }

    @Override
    public FailureKind kind() {
        return FailureKind.CORRUPT;
    }

    @Override
    public String hint() {
        return "run 'kdr verify' to list every damaged object";
    }
}
