package dev.kafkadr.mirror.plan;

import dev.kafkadr.archive.UsageException;

/**
 * The DR plan file cannot be read or is malformed (unknown key, wrong type, missing required value). The message
 * names the file and the key path, e.g. {@code plan.yaml: flows[0].topic: unknown key}. Exit code 2. Immutable.
 */
public final class PlanException extends UsageException {

    private static final long serialVersionUID = 1L;

    public PlanException(String message) {
        super(message);
    }

    public PlanException(String message, Throwable cause) {
        super(message, cause);
    }
}
