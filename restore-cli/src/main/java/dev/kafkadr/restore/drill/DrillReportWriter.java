package dev.kafkadr.restore.drill;

import dev.kafkadr.archive.manifest.ArchiveJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a {@link DrillReport} as drill-report.json (for tooling) and drill-report.md (for people). Stateless. */
public final class DrillReportWriter {

    public static final String JSON = "drill-report.json";
    public static final String MARKDOWN = "drill-report.md";

    private DrillReportWriter() {
    }

    public static void write(DrillReport r, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(JSON), ArchiveJson.toPrettyJson(new Json(r)) + "\n");
            Files.writeString(dir.resolve(MARKDOWN), markdown(r));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the drill report to " + dir, e);
        }
    }

    /** The JSON shape: the report plus the derived verdict. */
    record Json(String result, DrillReport report) {
        Json(DrillReport report) {
            this(report.passed() ? "PASS" : "FAIL", report);
        }
    }

    public static String markdown(DrillReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# DR drill report: ").append(r.passed() ? "PASS" : "FAIL").append("\n\n")
                .append("| | |\n|---|---|\n")
                .append("| archived cluster | `").append(r.cluster()).append("` |\n")
                .append("| backup run | `").append(r.runId()).append("` (cut ").append(r.runCutAt()).append(") |\n")
                .append("| drill started | ").append(r.drillStartedAt()).append(" |\n")
                .append("| **RPO** (age of the newest committed run at the drill's start) | ")
                .append(human(r.rpoSeconds())).append(" |\n")
                .append("| **RTO** (restore of topics and offsets) | ")
                .append(String.format(Locale.ROOT, "%.1f s", r.rtoSeconds())).append(" |\n")
                .append("| data restored | ").append(r.records()).append(" records, ").append(r.payloadBytes())
                .append(" payload bytes |\n")
                .append("| consumer groups / offsets restored | ").append(r.groupsRestored()).append(" / ")
                .append(r.offsetsRestored()).append(" |\n\n")
                .append("| source topic | drill topic | partitions | records | result |\n|---|---|---|---|---|\n");
        for (TopicCheck t : r.topics()) {
            sb.append("| ").append(t.sourceTopic()).append(" | ").append(t.targetTopic()).append(" | ")
                    .append(t.partitions().size()).append(" | ").append(t.records()).append(" | ")
                    .append(t.passed() ? "PASS" : "**FAIL**").append(" |\n");
        }
        for (TopicCheck t : r.topics()) {
            for (PartitionCheck p : t.partitions()) {
                if (!p.passed()) {
                    sb.append("\n- `").append(p.targetTopic()).append("-").append(p.partition())
                            .append("`: expected ").append(p.expectedRecords()).append(" records (sha256 ")
                            .append(p.expectedSha256()).append("), found ").append(p.actualRecords())
                            .append(" (sha256 ").append(p.actualSha256()).append(")");
                }
            }
        }
        if (!r.warnings().isEmpty()) {
            sb.append("\n\nWarnings:\n");
            r.warnings().forEach(w -> sb.append("- ").append(w).append('\n'));
        }
        return sb.append('\n').toString();
    }

    static String human(long seconds) {
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return (seconds / 60) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600.0);
    }
}
