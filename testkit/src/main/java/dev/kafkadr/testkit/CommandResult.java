package dev.kafkadr.testkit;

/** What one CLI invocation produced: exit code, standard output and standard error. Immutable. */
public record CommandResult(int exitCode, String out, String err) {

    /** Fails with the captured output unless the exit code is {@code expected}. */
    public CommandResult assertExitCode(int expected) {
        if (exitCode != expected) {
            throw new AssertionError("expected exit code " + expected + " but was " + exitCode
                    + "\n--- out ---\n" + out + "\n--- err ---\n" + err);
        }
        return this;
    }

    public CommandResult assertSuccess() {
        return assertExitCode(0);
    }
}
