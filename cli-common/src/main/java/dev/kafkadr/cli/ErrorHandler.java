package dev.kafkadr.cli;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.KdrException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The one place that turns a failure into an exit code and one line on stderr. Typed {@link KdrException}s give
 * their own message and exit code; anything else is reported as unexpected. Stack traces only with {@code -v}.
 * Stateless and thread-safe.
 */
public final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        String prefix = cmd.getCommandSpec().root().name() + ": error: ";
        Throwable failure = unwrap(ex);
        int code;
        if (failure instanceof KdrException kdr) {
            err.println(prefix + oneLine(kdr.getMessage()) + hint(kdr));
            code = kdr.kind().exitCode();
        } else if (failure instanceof InterruptedException) {
            err.println(prefix + "interrupted");
            code = FailureKind.INTERRUPTED.exitCode();
        } else {
            err.println(prefix + "unexpected " + failure.getClass().getSimpleName() + ": "
                    + oneLine(String.valueOf(failure.getMessage())) + " (run with -v for the stack trace)");
            code = FailureKind.INTERNAL.exitCode();
        }
        if (Verbosity.isVerbose(cmd)) {
            failure.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = oneLine(ex.getMessage()).replaceFirst("^Error: ", "");
        err.println(cmd.getCommandSpec().root().name() + ": error: " + message
                + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return FailureKind.USAGE.exitCode();
    }

    private static String hint(KdrException e) {
        return e.hint() == null ? "" : ": " + e.hint();
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof java.util.concurrent.ExecutionException
                || cur instanceof java.util.concurrent.CompletionException
                || cur instanceof java.lang.reflect.UndeclaredThrowableException)
                && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", "; ").strip();
    }
}
