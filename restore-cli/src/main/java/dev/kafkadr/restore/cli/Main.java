package dev.kafkadr.restore.cli;

import dev.kafkadr.cli.Cli;
import picocli.CommandLine;

/** Entry point of the {@code kdr} command (scripts/kdr runs it). Stateless. */
public final class Main {

    private Main() {
    }

    /** The {@code kdr} command line with kafka-dr's error handling; a new one per call. */
    public static CommandLine commandLine() {
        return Cli.commandLine(new KdrCommand());
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(commandLine(), args));
    }
}
