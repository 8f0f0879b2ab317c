package dev.kafkadr.restore.cli;

import dev.kafkadr.archive.FailureKind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kdr backups}: groups {@code list} and {@code describe}. Not thread-safe. */
@Command(name = "backups", mixinStandardHelpOptions = true, description = "List and describe backups in a store.",
        subcommands = {BackupsListCommand.class, BackupsDescribeCommand.class})
public final class BackupsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return FailureKind.USAGE.exitCode();
    }
}
