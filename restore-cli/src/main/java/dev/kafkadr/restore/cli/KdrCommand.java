package dev.kafkadr.restore.cli;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.cli.Verbosity;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root {@code kdr} command: inspect, verify and restore kafka-dr backups. Subcommands only.
 * The mirror command (mirror-config module) is mounted here once it exists: add its class to {@code subcommands}
 * (and the module as a dependency); nothing else needs to change. Not thread-safe (picocli fills it in).
 */
@Command(name = "kdr", mixinStandardHelpOptions = true, versionProvider = KdrCommand.Version.class,
        description = {"Inspect, verify and restore kafka-dr backups of Apache Kafka.", "",
                "Exit codes: 0 ok, 1 internal error, 2 usage, 3 verification failed, 4 not found, 5 unavailable,"
                        + " 6 access denied, 7 conflict, 8 corrupt archive, 130 interrupted."},
        subcommands = {
                BackupsCommand.class,
                VerifyCommand.class,
                RestoreCommand.class,
                // MirrorCommand.class, — mounted here by the mirror-config module
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

    /** The version from the jar manifest. Stateless. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = KdrCommand.class.getPackage().getImplementationVersion();
            return new String[] {"kdr " + (v == null ? "(development build)" : v)};
        }
    }
}
