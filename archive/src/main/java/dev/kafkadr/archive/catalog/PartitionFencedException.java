package dev.kafkadr.archive.catalog;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/**
 * Another writer created a commit record for the same partition while this run was writing it: this writer no
 * longer owns the partition and must not commit it. Immutable.
 */
public class PartitionFencedException extends KdrException {

    private static final long serialVersionUID = 1L;

    public PartitionFencedException(String topic, int partition, long seq, String detail) {
        super("partition " + topic + "-" + partition + ": commit seq " + seq + " " + detail
                + "; another writer owns this partition now");
    }

    @Override
    public FailureKind kind() {
        return FailureKind.CONFLICT;
    }

    @Override
    public String hint() {
        return "make sure only one agent (or one agent group) backs up this cluster into this store";
    }
}
