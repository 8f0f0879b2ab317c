package dev.kafkadr.testkit.badinput;

import dev.kafkadr.testkit.CommandResult;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One row of the bad-input catalogue (docs/bad-input.md): the situation, the command line as documented, the exit
 * code, the documented stderr line (a template whose {@code <name>} placeholders are bound by the test or match
 * anything), the offending thing the line must name, the fix it must state, how to run it and how to check that
 * nothing was written. Immutable.
 */
public record BadInputCase(String id, String situation, String command, int exitCode, String message, String names,
                           String fix, boolean reportOnStdout, Supplier<CommandResult> run,
                           Runnable nothingWritten) {

    public BadInputCase {
        Objects.requireNonNull(id);
        Objects.requireNonNull(message);
        if (!message.contains(fix)) {
            throw new IllegalArgumentException(id + ": the fix '" + fix + "' is not part of the message " + message);
        }
        if (!message.contains(names)) {
            throw new IllegalArgumentException(id + ": '" + names + "' is not part of the message " + message);
        }
    }

    /** Starts a case; finish it with {@link Builder#run}. */
    public static Builder of(String id, String situation) {
        return new Builder(id, situation);
    }

    /** Builder for {@link BadInputCase}; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String situation;
        private String command;
        private int exitCode = -1;
        private String message;
        private String names;
        private String fix;
        private Runnable nothingWritten = () -> { };
        private boolean reportOnStdout;

        private Builder(String id, String situation) {
            this.id = id;
            this.situation = situation;
        }

        /** The command line as documented (placeholders allowed). */
        public Builder command(String command) {
            this.command = command;
            return this;
        }

        public Builder exit(int code) {
            this.exitCode = code;
            return this;
        }

        /** The whole stderr line as documented; {@code <name>} placeholders are bound by the catalogue or wildcards. */
        public Builder message(String template) {
            this.message = template;
            return this;
        }

        /** The offending thing the message names (a literal part of the message, placeholders allowed). */
        public Builder names(String thing) {
            this.names = thing;
            return this;
        }

        /** What to do: a literal part of the message. */
        public Builder fix(String fix) {
            this.fix = fix;
            return this;
        }

        /** Asserts that nothing was written or committed (runs after the command). */
        public Builder nothingWritten(Runnable check) {
            this.nothingWritten = check;
            return this;
        }

        /** The command prints a report or progress (findings, the run it restores) on stdout before failing. */
        public Builder reportOnStdout() {
            this.reportOnStdout = true;
            return this;
        }

        public BadInputCase run(Supplier<CommandResult> run) {
            return new BadInputCase(id, situation, command, exitCode, message, names, fix, reportOnStdout, run,
                    nothingWritten);
        }
    }
}
