package dev.kafkadr.kafka;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/** Kafka rejected the credentials (authentication) or the operation (authorization). Immutable. */
public class KafkaAccessDeniedException extends KdrException {

    private static final long serialVersionUID = 1L;

    private final String hint;

    public KafkaAccessDeniedException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    @Override
    public FailureKind kind() {
        return FailureKind.ACCESS_DENIED;
    }

    @Override
    public String hint() {
        return hint;
    }
}
