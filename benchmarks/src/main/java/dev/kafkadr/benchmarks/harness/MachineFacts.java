package dev.kafkadr.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** Facts about the machine a run was measured on (CPU, RAM, Java, load average at start and end). Not thread-safe. */
public final class MachineFacts {

    public final int cores = Runtime.getRuntime().availableProcessors();
    public final String cpu = cpuModel();
    public final double ramGib = memTotalKib() / 1024.0 / 1024.0;
    public final String kernel = read("/proc/sys/kernel/osrelease").trim();
    public String javaVersion = "";
    public final String startedAt = Instant.now().toString();
    public final double[] loadAtStart = loadAverage();
    public double[] loadAtEnd = new double[0];
    public String endedAt = "";

    /** Call once the run is over. */
    public void finish() {
        loadAtEnd = loadAverage();
        endedAt = Instant.now().toString();
    }

    public String text() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB RAM, kernel %s, %s; load average 1/5/15 min "
                        + "at start %s, at end %s; %s .. %s", cores, cpu, ramGib, kernel, javaVersion,
                load(loadAtStart), load(loadAtEnd), startedAt, endedAt);
    }

    private static String load(double[] l) {
        return l.length < 3 ? "?" : String.format(Locale.ROOT, "%.2f/%.2f/%.2f", l[0], l[1], l[2]);
    }

    /** The 1, 5 and 15 minute load averages from /proc/loadavg (empty where there is none). */
    public static double[] loadAverage() {
        String[] f = read("/proc/loadavg").trim().split("\\s+");
        if (f.length < 3) {
            return new double[0];
        }
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    }

    public static double load1() {
        double[] l = loadAverage();
        return l.length == 0 ? Double.NaN : l[0];
    }

    private static String cpuModel() {
        for (String line : read("/proc/cpuinfo").split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown CPU";
    }

    private static long memTotalKib() {
        for (String line : read("/proc/meminfo").split("\n")) {
            if (line.startsWith("MemTotal:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
