package dev.kafkadr.archive;

/** Bad input from the operator: an invalid option, configuration key or value. Immutable. */
public class UsageException extends KdrException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.USAGE;
    }
}
