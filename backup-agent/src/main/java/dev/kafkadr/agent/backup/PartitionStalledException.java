package dev.kafkadr.agent.backup;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/** A partition made no progress towards its cut for longer than backup.idle.timeout.ms. Immutable. */
public class PartitionStalledException extends KdrException {

    private static final long serialVersionUID = 1L;

    public PartitionStalledException(String topic, int partition, long position, long cut, long millis) {
        super("partition " + topic + "-" + partition + " made no progress for " + millis + " ms at offset " + position
                + " (cut " + cut + ")");
    }

    @Override
    public FailureKind kind() {
        return FailureKind.UNAVAILABLE;
    }

    @Override
    public String hint() {
        return "check the partition's leader and the agent's READ permission; raise backup.idle.timeout.ms for slow"
                + " clusters";
    }
}
