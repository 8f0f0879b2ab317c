package dev.kafkadr.restore;

import java.util.List;

/**
 * What a topic restore reports while it runs; the CLI renders it (progress bar or lines). Callbacks may come from
 * several threads but never concurrently with each other. Implementations need not be thread-safe.
 */
public interface RestoreListener {

    RestoreListener NONE = new RestoreListener() {
    };

    /** The decisions for every target topic, before anything is written. */
    default void onPlanned(RestorePlan plan, List<TopicAction> actions) {
    }

    /** Something the operator should know (a changed config, a resumed partition). */
    default void onWarning(String message) {
    }

    /** Periodically while writing, and once at the end. */
    default void onProgress(RestoreProgress progress) {
    }
}
