package dev.kafkadr.benchmarks.harness;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Peak heap of a JVM from its {@code -Xlog:gc,gc+heap+exit} output: the largest heap occupancy seen before a
 * collection or at exit (peak used: G1 lets the young generation grow into whatever -Xmx allows, so this follows the
 * heap size and the run's length more than the need), the largest occupancy right after any collection (young
 * collections leave old garbage in place), and the largest right after a mixed or full collection (old regions
 * collected too: the closest the log gets to the live set, i.e. to what the JVM needs). Stateless.
 */
public final class GcLog {

    private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern EXIT_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private GcLog() {
    }

    /**
     * Heap figures in MiB; {@code peakAfterMixedMib} is 0 when no mixed or full collection ran; {@code collections}
     * counts the GC pauses seen.
     */
    public record Heap(double peakUsedMib, double peakLiveMib, double peakAfterMixedMib, double maxCommittedMib,
                       int collections) {
        public static final Heap NONE = new Heap(0, 0, 0, 0, 0);
    }

    public static Heap parse(String log) {
        double used = 0;
        double live = 0;
        double committed = 0;
        double afterMixed = 0;
        int collections = 0;
        for (String line : log.split("\n")) {
            Matcher m = PAUSE.matcher(line);
            if (line.contains("GC(") && m.find()) {
                collections++;
                used = Math.max(used, mib(m.group(1), m.group(2)));
                live = Math.max(live, mib(m.group(3), m.group(4)));
                committed = Math.max(committed, mib(m.group(5), m.group(6)));
                if (line.contains("(Mixed)") || line.contains("Pause Full")) {
                    afterMixed = Math.max(afterMixed, mib(m.group(3), m.group(4)));
                }
                continue;
            }
            Matcher e = EXIT_USED.matcher(line);
            if (line.contains("heap") && e.find()) {
                committed = Math.max(committed, Long.parseLong(e.group(1)) / 1024.0);
                used = Math.max(used, Long.parseLong(e.group(2)) / 1024.0);
            }
        }
        return new Heap(used, live, afterMixed, committed, collections);
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
