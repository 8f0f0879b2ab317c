package dev.kafkadr.restore.cli;

import dev.kafkadr.archive.FailureKind;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.restore.VerificationReport;
import dev.kafkadr.restore.Verifier;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kdr verify}: checks an archive; exit 0 only if all is well, 3 with one line per problem. Not thread-safe. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Verify an archive: manifests and their checksums, presence, size and SHA-256 of every"
                + " referenced object, continuity of every commit chain apart from recorded gaps.",
                "Exit 0 only if all is well; otherwise each problem on its own line and exit code 3."})
public final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ArchiveOptions archive;

    @Option(names = "--deep", description = "Also decode every block of every segment (reads all data).")
    boolean deep;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "4",
            description = "Segments checked at the same time (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Override
    public Integer call() {
        try (ObjectStore store = archive.open()) {
            VerificationReport r = new Verifier(archive.catalog(store), parallelism).verify(archive.cluster(), deep);
            spec.commandLine().getOut().print(VerifyFormat.render(r));
            spec.commandLine().getOut().flush();
            return r.ok() ? 0 : FailureKind.VERIFICATION_FAILED.exitCode();
        }
    }
}
