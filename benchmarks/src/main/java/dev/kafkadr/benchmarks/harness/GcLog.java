package dev.kafkadr.benchmarks.harness;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Peak heap of a JVM from its {@code -Xlog:gc,gc+heap+exit} output: the largest heap occupancy seen before a
 * collection or at exit (peak used) and the largest occupancy right after a collection (an upper bound of the live set). Stateless.
 */
public final class GcLog {

    private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern EXIT_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private GcLog() {
    }

    /** Heap figures in MiB; {@code collections} counts the GC pauses seen. */
    public record Heap(double peakUsedMib, double peakLiveMib, double maxCommittedMib, int collections) {
        public static final Heap NONE = new Heap(0, 0, 0, 0);
    }

    public static Heap parse(String log) {
        double used = 0;
        double live = 0;
        double committed = 0;
        int collections = 0;
        for (String line : log.split("\n")) {
            Matcher m = PAUSE.matcher(line);
            if (line.contains("GC(") && m.find()) {
                collections++;
                used = Math.max(used, mib(m.group(1), m.group(2)));
                live = Math.max(live, mib(m.group(3), m.group(4)));
                committed = Math.max(committed, mib(m.group(5), m.group(6)));
                continue;
            }
            Matcher e = EXIT_USED.matcher(line);
            if (line.contains("heap") && e.find()) {
                committed = Math.max(committed, Long.parseLong(e.group(1)) / 1024.0);
                used = Math.max(used, Long.parseLong(e.group(2)) / 1024.0);
            }
        }
        return new Heap(used, live, committed, collections);
    }

    private static double mib(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }
}
