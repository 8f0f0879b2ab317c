package dev.kafkadr.restore.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Human-readable sizes, durations, rates and times for CLI output. Stateless. */
final class Text {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    private Text() {
    }

    /** 1536 → "1.5 KiB". */
    static String bytes(double bytes) {
        int u = 0;
        double v = bytes;
        while (v >= 1024 && u < UNITS.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f B", v) : String.format(Locale.ROOT, "%.1f %s", v, UNITS[u]);
    }

    /** 75 s → "1m15s"; below a minute with one decimal. */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, (s % 3600) / 60, s % 60);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String time(Instant t) {
        return t == null ? "-" : t.toString();
    }

    static String time(Long epochMillis) {
        return epochMillis == null ? "-" : Instant.ofEpochMilli(epochMillis).toString();
    }
}
