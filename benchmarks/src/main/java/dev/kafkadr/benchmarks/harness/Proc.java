package dev.kafkadr.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process with its output (stdout and stderr) in a file, timing it and sampling its peak resident set
 * ({@code VmHWM} of /proc/PID/status; launchers that {@code exec} java keep the PID). Children still running when
 * the harness exits are killed by {@link #killAll()}. Thread-safe.
 */
public final class Proc {

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    /** USER_HZ: 100 on every Linux architecture the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private Proc() {
    }

    /**
     * Exit code, wall time, peak RSS (0 if it could not be sampled), CPU seconds (user + system of the process and
     * its descendants, sampled every 50 ms: the last interval of each process is missed) and the captured output.
     */
    public record Result(int exit, double wallSeconds, double peakRssMib, double cpuSeconds, String output,
                         Path outputFile) {
        public boolean ok() {
            return exit == 0;
        }

        /** The last lines of the output, for error messages. */
        public String tail() {
            String[] lines = output.strip().split("\n");
            return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - 3), lines.length));
        }
    }

    public static Result run(List<String> cmd, Map<String, String> env, Path out, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + cmd.get(0) + ": " + e.getMessage(), e);
        }
        LIVE.add(p);
        double rss = 0;
        Map<Long, Long> cpuTicks = new HashMap<>();
        long deadline = start + timeout.toNanos();
        try {
            while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
                rss = Math.max(rss, vmHwmMib(p.pid()));
                sampleCpu(p.toHandle(), cpuTicks);
                if (System.nanoTime() > deadline) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor();
                    throw new IllegalStateException(cmd.get(0) + " did not finish within " + timeout
                            + "; killed it; output in " + out);
                }
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + cmd.get(0), e);
        } finally {
            LIVE.remove(p);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = cpuTicks.values().stream().mapToLong(Long::longValue).sum() / TICKS_PER_SECOND;
        return new Result(p.exitValue(), wall, rss, cpu, read(out), out);
    }

    /** Kills every child still running (shutdown hook). */
    public static void killAll() {
        for (Process p : LIVE) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static void sampleCpu(ProcessHandle root, Map<Long, Long> ticks) {
        ticks.merge(root.pid(), cpuTicks(root.pid()), Math::max);
        root.descendants().forEach(d -> ticks.merge(d.pid(), cpuTicks(d.pid()), Math::max));
    }

    /** utime + stime of /proc/PID/stat in clock ticks (fields 14 and 15, counted after the command's ')'). */
    static long cpuTicks(long pid) {
        try {
            return parseCpuTicks(Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    static long parseCpuTicks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static double vmHwmMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process has exited between two samples
        }
        return 0;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
