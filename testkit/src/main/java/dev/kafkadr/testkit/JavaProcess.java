package dev.kafkadr.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a main class on this test's classpath, so a test can kill it (SIGKILL) mid-run and
 * look at what it left behind. Output goes to a log file. Not thread-safe.
 */
public final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private JavaProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code mainClass} with {@code args}, extra environment variables, stdout+stderr to {@code log}. */
    public static JavaProcess start(String mainClass, List<String> jvmArgs, List<String> args, Map<String, String> env,
                                    Path log) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        try {
            return new JavaProcess(pb.start(), log);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + mainClass, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the exit code; fails if the process does not exit in time. */
    public int waitFor(long timeout, TimeUnit unit) {
        try {
            if (!process.waitFor(timeout, unit)) {
                process.destroyForcibly();
                throw new AssertionError("process " + pid() + " did not exit within " + timeout + " " + unit
                        + "; log: " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to the timeout; true if the process has exited (it is left alone either way). */
    public boolean waitForExit(long timeout, TimeUnit unit) {
        try {
            return process.waitFor(timeout, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hooks, no finally blocks; waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM: shutdown hooks run. */
    public void terminate() {
        process.destroy();
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
