package dev.kafkadr.archive.store;

import dev.kafkadr.archive.FailureKind;
import java.net.URI;

/** An object that was expected does not exist. Immutable. */
public class ObjectNotFoundException extends StoreException {

    private static final long serialVersionUID = 1L;

    public ObjectNotFoundException(URI store, String key, String problem) {
        super(store, key, problem, null);
    }

    public ObjectNotFoundException(URI store, String key, String problem, Throwable cause) {
        super(store, key, problem, cause);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.NOT_FOUND;
    }
}
