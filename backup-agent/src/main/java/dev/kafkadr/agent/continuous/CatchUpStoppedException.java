package dev.kafkadr.agent.continuous;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;

/**
 * {@code kdr-agent --continuous --once} was stopped (SIGTERM) before the archive held every selected partition up to
 * the cut; what it committed stays committed and a new catch-up continues from there. Immutable.
 */
public class CatchUpStoppedException extends KdrException {

    private static final long serialVersionUID = 1L;

    public CatchUpStoppedException(String cluster) {
        super("catch-up of cluster " + cluster + " was stopped before the archive held every selected partition up "
                + "to the cut; what was committed stays committed");
    }

    @Override
    public FailureKind kind() {
        return FailureKind.INTERRUPTED;
    }

    @Override
    public String hint() {
        return "run 'kdr-agent --continuous --once' again to finish";
    }
}
