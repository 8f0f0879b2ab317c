package dev.kafkadr.benchmarks.harness;

import dev.kafkadr.benchmarks.harness.RowSpec.Step;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The named scenarios of the harness and their rows. Stateless. */
public final class Scenarios {

    static final long MIB = 1L << 20;
    static final long GIB = 1L << 30;
    private static final Set<Step> BACKUP_RESTORE = EnumSet.of(Step.CONSUMER_PERF, Step.BACKUP, Step.PRODUCER_PERF,
            Step.RESTORE);
    private static final Set<Step> BACKUP_ONLY = EnumSet.of(Step.BACKUP);
    private static final Set<Step> MEMORY = EnumSet.of(Step.BACKUP, Step.RESTORE);

    private Scenarios() {
    }

    /** Scenario name to a one-line description, in the order {@code all} runs them. */
    public static Map<String, String> descriptions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("smoke", "32 MiB of 1 KiB records in 3 partitions, every step, file store (checks the harness)");
        m.put("target", "the issue's targets: 1 GiB of 1 KiB records in 12 partitions, every step, file store");
        m.put("sizes", "1 GiB of 100 B, 1 KiB and 10 KiB records in 12 partitions, every step");
        m.put("partitions", "1 GiB of 1 KiB records in 1, 12 and 100 partitions, every step");
        m.put("scaling", "0.25 and 1 GiB, 12 and 100 partitions, 1 KiB records: backup and restore time growth");
        m.put("codecs", "0.25 GiB of 1 KiB records in 12 partitions backed up with each codec: archive vs topic size");
        m.put("memory", "0.25 and 1 GiB of 1 KiB records in 12 partitions: backup and restore only (with --heap: "
                + "does the heap they need grow with the data?)");
        m.put("s3", "0.25 GiB of 1 KiB records in 12 partitions, S3 store (S3Mock): backup and restore");
        m.put("all", "every scenario above except smoke, one after another on one broker");
        return m;
    }

    public static List<RowSpec> rows(String scenario) {
        return switch (scenario) {
            case "smoke" -> List.of(new RowSpec("smoke", 1024, 3, 32 * MIB, "zstd", RowSpec.Store.FILE, RowSpec.ALL));
            case "target" -> List.of(file("target", 1024, 12, GIB, RowSpec.ALL));
            case "sizes" -> List.of(file("100B", 100, 12, GIB, RowSpec.ALL), file("1KiB", 1024, 12, GIB, RowSpec.ALL),
                    file("10KiB", 10240, 12, GIB, RowSpec.ALL));
            case "partitions" -> List.of(file("1p", 1024, 1, GIB, RowSpec.ALL),
                    file("12p", 1024, 12, GIB, RowSpec.ALL), file("100p", 1024, 100, GIB, RowSpec.ALL));
            case "scaling" -> List.of(file("12p-0.25GiB", 1024, 12, GIB / 4, BACKUP_RESTORE),
                    file("12p-1GiB", 1024, 12, GIB, BACKUP_RESTORE),
                    file("100p-0.25GiB", 1024, 100, GIB / 4, BACKUP_RESTORE),
                    file("100p-1GiB", 1024, 100, GIB, BACKUP_RESTORE));
            case "codecs" -> codecs();
            case "memory" -> List.of(file("0.25GiB", 1024, 12, GIB / 4, MEMORY), file("1GiB", 1024, 12, GIB, MEMORY));
            case "s3" -> List.of(new RowSpec("s3", 1024, 12, GIB / 4, "zstd", RowSpec.Store.S3, BACKUP_RESTORE),
                    file("file", 1024, 12, GIB / 4, BACKUP_RESTORE));
            case "all" -> all();
            default -> throw new IllegalArgumentException("unknown scenario '" + scenario + "': expected one of "
                    + String.join(", ", descriptions().keySet()));
        };
    }

    private static List<RowSpec> codecs() {
        List<RowSpec> rows = new ArrayList<>();
        for (String codec : List.of("zstd", "lz4", "snappy", "gzip", "none")) {
            rows.add(new RowSpec(codec, 1024, 12, GIB / 4, codec, RowSpec.Store.FILE, BACKUP_ONLY));
        }
        return rows;
    }

    private static List<RowSpec> all() {
        List<RowSpec> rows = new ArrayList<>();
        for (String s : descriptions().keySet()) {
            if (!s.equals("smoke") && !s.equals("all")) {
                rows.addAll(rows(s).stream().map(r -> rename(r, s + "/" + r.label())).toList());
            }
        }
        return rows;
    }

    private static RowSpec rename(RowSpec r, String label) {
        return new RowSpec(label, r.recordBytes(), r.partitions(), r.payloadBytes(), r.codec(), r.store(), r.steps());
    }

    private static RowSpec file(String label, int recordBytes, int partitions, long bytes, Set<Step> steps) {
        return new RowSpec(label, recordBytes, partitions, bytes, "zstd", RowSpec.Store.FILE, steps);
    }
}
