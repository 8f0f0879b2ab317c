package dev.kafkadr.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Runs a picocli command line in-process and captures what it writes to its out and err writers and its exit code.
 * Each {@link #run} uses a fresh {@link CommandLine} from the factory. Not thread-safe.
 */
public final class CommandContext {

    private final Supplier<CommandLine> factory;

    public CommandContext(Supplier<CommandLine> factory) {
        this.factory = factory;
    }

    public CommandResult run(String... args) {
        CommandLine cmd = factory.get();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CommandResult(code, out.toString(), err.toString());
    }
}
