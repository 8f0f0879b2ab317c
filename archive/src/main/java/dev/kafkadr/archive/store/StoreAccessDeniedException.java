package dev.kafkadr.archive.store;

import dev.kafkadr.archive.FailureKind;
import java.net.URI;

/** The store refused the credentials or the operation (HTTP 403, HDFS permission denied, unwritable directory). Immutable. */
public class StoreAccessDeniedException extends StoreException {

    private static final long serialVersionUID = 1L;

    public StoreAccessDeniedException(URI store, String key, String problem) {
        super(store, key, problem, null);
    }

    public StoreAccessDeniedException(URI store, String key, String problem, Throwable cause) {
        super(store, key, problem, cause);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.ACCESS_DENIED;
    }
}
