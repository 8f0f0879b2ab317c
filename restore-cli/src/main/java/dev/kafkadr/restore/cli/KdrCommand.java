package dev.kafkadr.restore.cli;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.cli.KdrVersion;
import dev.kafkadr.cli.Verbosity;
import dev.kafkadr.mirror.cli.MirrorCommand;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root {@code kdr} command: inspect, verify and restore kafka-dr backups, and generate/validate MirrorMaker 2
 * configuration ({@code kdr mirror}, from the mirror-config module). Subcommands only. Not thread-safe (picocli
 * fills it in).
 */
@Command(name = "kdr", mixinStandardHelpOptions = true, versionProvider = KdrVersion.class,
        description = {"Inspect, verify and restore kafka-dr backups of Apache Kafka; generate and validate "
                + "MirrorMaker 2 configuration.", "",
                "Exit codes: 0 ok, 1 internal error, 2 usage, 3 verification failed, 4 not found, 5 unavailable,"
                        + " 6 access denied, 7 conflict, 8 corrupt archive, 130 interrupted."},
        subcommands = {
                BackupsCommand.class,
                VerifyCommand.class,
                RestoreCommand.class,
                DrillCommand.class,
                MirrorCommand.class,
                AutoComplete.GenerateCompletion.class})
public final class KdrCommand implements Callable<Integer> {

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return FailureKind.USAGE.exitCode();
    }
}
