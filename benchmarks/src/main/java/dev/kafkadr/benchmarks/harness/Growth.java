package dev.kafkadr.benchmarks.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * How backup and restore time grow between two rows that differ only in data size or only in partition count.
 * {@code factor} is the size (or partition) ratio; time ratios divided by the size factor give the linearity
 * (1.0 = linear). Immutable.
 */
public record Growth(String kind, String from, String to, double factor, Double backupTimeRatio,
                     Double restoreTimeRatio, Double backupHeapRatio) {

    /** Every pair of rows of {@code rows} that differs in exactly one of payload size or partitions. */
    public static List<Growth> of(List<RowResult> rows) {
        List<Growth> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < rows.size(); j++) {
                RowSpec a = rows.get(i).spec;
                RowSpec b = rows.get(j).spec;
                if (i == j || a.recordBytes() != b.recordBytes() || !a.codec().equals(b.codec())
                        || a.store() != b.store()) {
                    continue;
                }
                if (a.partitions() == b.partitions() && a.payloadBytes() < b.payloadBytes()) {
                    out.add(pair("size", rows.get(i), rows.get(j), (double) b.producedBytes() / a.producedBytes()));
                } else if (a.payloadBytes() == b.payloadBytes() && a.partitions() < b.partitions()) {
                    out.add(pair("partitions", rows.get(i), rows.get(j), (double) b.partitions() / a.partitions()));
                }
            }
        }
        return out;
    }

    private static Growth pair(String kind, RowResult a, RowResult b, double factor) {
        return new Growth(kind, a.spec.label(), b.spec.label(), factor,
                ratio(a.backup == null ? null : a.backup.seconds(), b.backup == null ? null : b.backup.seconds()),
                ratio(a.restore == null ? null : a.restore.seconds(), b.restore == null ? null : b.restore.seconds()),
                ratio(afterMixed(a), afterMixed(b)));
    }

    /** The agent's heap after a mixed or full collection, null if none ran. */
    private static Double afterMixed(RowResult r) {
        double mib = r.backup == null ? 0 : r.backup.heap().peakAfterMixedMib();
        return mib <= 0 ? null : mib;
    }

    private static Double ratio(Double small, Double big) {
        return small == null || big == null || small == 0 ? null : big / small;
    }

    /** One line for the text under the table. */
    public String text() {
        String what = (kind.equals("size") ? "data ×" : "partitions ×") + Units.num(factor, 2);
        return String.format("%s → %s (%s): backup time ×%s, restore time ×%s, agent heap after mixed GC ×%s",
                from, to, what, Units.num(backupTimeRatio, 2), Units.num(restoreTimeRatio, 2),
                Units.num(backupHeapRatio, 2));
    }
}
