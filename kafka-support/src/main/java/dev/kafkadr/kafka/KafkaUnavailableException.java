package dev.kafkadr.kafka;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/** The Kafka cluster could not be reached or did not answer in time. Immutable. */
public class KafkaUnavailableException extends KdrException {

    private static final long serialVersionUID = 1L;

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.UNAVAILABLE;
    }

    @Override
    public String hint() {
        return "check --bootstrap-server, the network, and the security.protocol in --command-config";
    }
}
