package dev.kafkadr.archive.store;

import dev.kafkadr.archive.KdrException;
import java.net.URI;

/** A failed store operation; the message names the store and the object. Immutable. */
public abstract class StoreException extends KdrException {

    private static final long serialVersionUID = 1L;

    private final String key;

    protected StoreException(URI store, String key, String problem, Throwable cause) {
        super(describe(store, key) + ": " + problem, cause);
        this.key = key;
    }

    /** The object key, or null for a store-wide failure. */
    public String key() {
        return key;
    }

    static String describe(URI store, String key) {
        String base = store == null ? "store" : store.toString();
        if (key == null || key.isEmpty()) {
            return base;
        }
        return base.endsWith("/") ? base + key : base + "/" + key;
    }
}
