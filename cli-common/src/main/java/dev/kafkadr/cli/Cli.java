package dev.kafkadr.cli;

import picocli.CommandLine;

/** Builds a kafka-dr command line with the shared error handling and conventions. Stateless. */
public final class Cli {

    private Cli() {
    }

    /** A command line for {@code root} using {@link ErrorHandler} for every failure. */
    public static CommandLine commandLine(Object root) {
        ErrorHandler handler = new ErrorHandler();
        CommandLine cmd = new CommandLine(root)
                .setExecutionExceptionHandler(handler)
                .setParameterExceptionHandler(handler)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpAutoWidth(true);
        return cmd;
    }

    /** Runs {@code root} with {@code args} and exits the JVM with its exit code. */
    public static void main(Object root, String[] args) {
        System.exit(commandLine(root).execute(args));
    }
}
