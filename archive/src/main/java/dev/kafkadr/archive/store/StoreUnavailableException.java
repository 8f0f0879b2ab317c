package dev.kafkadr.archive.store;

import dev.kafkadr.archive.FailureKind;
import java.net.URI;

/** The store could not be reached or failed to answer (network, server error, I/O error). Immutable. */
public class StoreUnavailableException extends StoreException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(URI store, String key, String problem) {
        super(store, key, problem, null);
    }

    public StoreUnavailableException(URI store, String key, String problem, Throwable cause) {
        super(store, key, problem, cause);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.UNAVAILABLE;
    }
}
