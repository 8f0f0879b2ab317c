package dev.kafkadr.archive;

/**
 * Root of every typed kafka-dr failure. Its message is one line that names what failed (topic, partition, offset,
 * object) and what was expected and found; {@link #kind()} tells the CLI which exit code to use. Immutable.
 */
public abstract class KdrException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected KdrException(String message) {
        super(message);
    }

    protected KdrException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The category of this failure. */
    public abstract FailureKind kind();

    /** What the operator can do about it, or null when the message says it all. */
    public String hint() {
        return null;
    }
}
