package dev.kafkadr.benchmarks.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    private Proc() {
    }

    /** Exit code, wall time, peak RSS (0 if it could not be sampled) and the captured output. */
    public record Result(int exit, double wallSeconds, double peakRssMib, String output, Path outputFile) {
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
        long deadline = start + timeout.toNanos();
        try {
            while (!p.waitFor(50, TimeUnit.MILLISECONDS)) {
                rss = Math.max(rss, vmHwmMib(p.pid()));
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
        return new Result(p.exitValue(), wall, rss, read(out), out);
    }

    /** Kills every child still running (shutdown hook). */
    public static void killAll() {
        for (Process p : LIVE) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
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
