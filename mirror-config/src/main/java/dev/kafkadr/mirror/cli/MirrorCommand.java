package dev.kafkadr.mirror.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code mirror}: generate and validate MirrorMaker 2 configuration from a DR plan. Mounted as {@code kdr mirror}.
 * Without a subcommand it prints its usage. Not thread-safe (picocli fills it in).
 */
@Command(name = "mirror", mixinStandardHelpOptions = true,
        description = "Generate and validate MirrorMaker 2 configuration from a DR plan.",
        subcommands = {GenerateCommand.class, ValidateCommand.class},
        footer = {"", "Exit codes: 0 ok (warnings allowed unless --strict), 2 plan invalid or bad usage, 1 unexpected."})
public final class MirrorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
