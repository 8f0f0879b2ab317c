package dev.kafkadr.distribution;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * A command-line checker from the OS (promtool, systemd-analyze, shellcheck, kcat). A test that needs one is
 * skipped where it is not installed, unless {@code KDR_REQUIRE_<NAME>=1} (e.g. {@code KDR_REQUIRE_PROMTOOL=1},
 * set by .ci/run) says it must be there: then its absence fails the test. Stateless.
 */
final class ExternalTool {

    private ExternalTool() {
    }

    static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static String requirementVariable(String name) {
        return "KDR_REQUIRE_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    static boolean required(String name) {
        return "1".equals(System.getenv(requirementVariable(name)));
    }

    /** The tool's path; skips the calling test if it is missing and not required, fails if it is required. */
    static Path require(String name, String installHint) {
        Optional<Path> tool = find(name);
        if (tool.isEmpty() && required(name)) {
            throw new AssertionError(name + " is required (" + requirementVariable(name) + "=1) but not on PATH: "
                    + installHint);
        }
        Assumptions.assumeTrue(tool.isPresent(), name + " not installed (" + installHint + "); set "
                + requirementVariable(name) + "=1 to make this a failure");
        return tool.get();
    }
}
