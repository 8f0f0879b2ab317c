package dev.kafkadr.agent.backup;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/** The topic selection matches no topic of the cluster; a run refuses rather than commit an empty backup. Immutable. */
public class NoTopicsSelectedException extends KdrException {

    private static final long serialVersionUID = 1L;

    public NoTopicsSelectedException(String message) {
        super(message);
    }

    @Override
    public FailureKind kind() {
        return FailureKind.NOT_FOUND;
    }

    @Override
    public String hint() {
        return "check topics.include / --topics (whole-name Java regexes) against 'kafka-topics --list'";
    }
}
