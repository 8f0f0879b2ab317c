package dev.kafkadr.distribution;

import dev.kafkadr.distribution.Processes.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** shellcheck on every shell script we ship or run (KDR_REQUIRE_SHELLCHECK=1 makes a missing shellcheck fail). */
class ShellScriptsTest {

    static final List<String> SCRIPTS = List.of("scripts/kafka-local.sh", "scripts/kdr-agent", "scripts/kdr",
            "scripts/lib/dev-launcher.sh", "scripts/demo.sh", "scripts/dr-drill.sh",
            "distribution/src/main/dist/bin/kdr-agent", "distribution/src/main/dist/bin/kdr");

    @Test
    void shellcheck_finds_nothing_in_our_scripts() {
        Path shellcheck = ExternalTool.require("shellcheck", "Debian: apt-get install -y shellcheck");
        for (String script : SCRIPTS) {
            RepoFiles.path(script);
            Result r = Processes.run(List.of(shellcheck.toString(), "-x", "--shell=bash", "--severity=style", script),
                    Map.of(), RepoFiles.root(), Duration.ofSeconds(60));
            r.assertSuccess();
        }
    }
}
