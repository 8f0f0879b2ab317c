package dev.kafkadr.kafka;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/** A Kafka request failed for a reason other than reachability or access (the message says which). Immutable. */
public class KafkaOperationException extends KdrException {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;

    public KafkaOperationException(FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    @Override
    public FailureKind kind() {
        return kind;
    }
}
