package dev.kafkadr.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code -v/--verbose} option, declared once on a root command and inherited by every subcommand. With it,
 * failures print their stack trace after the one-line message. Mixin; not thread-safe (picocli fills it in).
 */
public final class Verbosity {

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print stack traces with errors (for bug reports).")
    boolean verbose;

    /** True when -v was given anywhere on the command line that ran {@code cmd}. */
    public static boolean isVerbose(CommandLine cmd) {
        CommandLine root = cmd;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        for (ParseResult pr = root.getParseResult(); pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
