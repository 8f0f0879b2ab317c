package dev.kafkadr.benchmarks.harness;

import java.util.Locale;

/** Number formatting for the table. Stateless. */
final class Units {

    static final double MIB = 1024.0 * 1024.0;

    private Units() {
    }

    static String size(long bytes) {
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " B";
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (MIB * 1024));
    }

    static String num(Double v, int decimals) {
        return v == null || v.isNaN() || v.isInfinite() ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    static String ratio(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? "–" : String.format(Locale.ROOT, "%.2f×", v);
    }
}
