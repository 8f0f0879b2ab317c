package dev.kafkadr.restore.cli;

import dev.kafkadr.archive.FailureKind;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kdr restore}: groups {@code topics} and {@code offsets}. Not thread-safe. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore topics, then consumer-group offsets, from a backup into a Kafka cluster.",
        subcommands = {RestoreTopicsCommand.class, RestoreOffsetsCommand.class})
public final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return FailureKind.USAGE.exitCode();
    }
}
