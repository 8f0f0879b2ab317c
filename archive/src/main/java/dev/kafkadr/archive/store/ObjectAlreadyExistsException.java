package dev.kafkadr.archive.store;

import dev.kafkadr.archive.FailureKind;
import java.net.URI;

/** A put-if-absent found an object already under the key (someone else committed first). Immutable. */
public class ObjectAlreadyExistsException extends StoreException {

    private static final long serialVersionUID = 1L;

    public ObjectAlreadyExistsException(URI store, String key, String problem) {
        super(store, key, problem, null);
    }

    public ObjectAlreadyExistsException(URI store, String key, String problem, Throwable cause) {
        super(store, key, problem, cause);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.CONFLICT;
    }
}
