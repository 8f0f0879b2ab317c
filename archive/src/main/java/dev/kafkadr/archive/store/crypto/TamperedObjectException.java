package dev.kafkadr.archive.store.crypto;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/**
 * An encrypted object fails authentication: a damaged header, a chunk whose AES-GCM tag does not verify (altered
 * bytes, truncation, reordered chunks, an object moved to another key). Immutable.
 */
public class TamperedObjectException extends KdrException {

    private static final long serialVersionUID = 1L;

    private final String object;

    public TamperedObjectException(String object, String problem) {
        this(object, problem, null);
    }

    public TamperedObjectException(String object, String problem, Throwable cause) {
        super("encrypted object " + object + " failed authentication: " + problem, cause);
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
        return "the object was altered, truncated or moved after it was written; restore it from a copy or "
                + "run 'kdr verify' to list every damaged object";
    }
}
