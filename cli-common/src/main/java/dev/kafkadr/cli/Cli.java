package dev.kafkadr.cli;

import dev.kafkadr.archive.FailureKind;
import java.io.PrintWriter;
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
        System.exit(execute(commandLine(root), args));
    }

    /**
     * Runs {@code cmd} like {@link CommandLine#execute}, except that a JVM out of heap (an {@link Error}, which
     * picocli lets through) gives one line on stderr with the heap it had and how to raise it, and exit code 1.
     */
    public static int execute(CommandLine cmd, String... args) {
        try {
            return cmd.execute(args);
        } catch (OutOfMemoryError e) {
            long maxMiB = Runtime.getRuntime().maxMemory() >> 20;
            PrintWriter err = cmd.getErr();
            err.println(cmd.getCommandSpec().root().name() + ": error: the JVM ran out of memory (" + e.getMessage()
                    + ") with a heap of at most " + maxMiB + " MiB: run it again with a larger heap, e.g. KDR_OPTS="
                    + "-Xmx" + larger(maxMiB));
            err.flush();
            return FailureKind.INTERNAL.exitCode();
        }
    }

    /** Twice {@code maxMiB}, in whole GiB from 1 GiB on. */
    static String larger(long maxMiB) {
        long twice = Math.max(64, 2 * maxMiB);
        return twice >= 1024 ? (twice + 1023) / 1024 + "g" : twice + "m";
    }
}
