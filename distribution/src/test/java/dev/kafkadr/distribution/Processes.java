package dev.kafkadr.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external command (a launcher, a script, promtool, ...) to completion and captures its output. Stateless. */
final class Processes {

    private Processes() {
    }

    /** Exit code, stdout and stderr of a finished command. Immutable. */
    record Result(List<String> command, int exitCode, String out, String err) {

        /** Fails with the command and both outputs unless the exit code is 0. */
        Result assertSuccess() {
            if (exitCode != 0) {
                throw new AssertionError(describe());
            }
            return this;
        }

        String describe() {
            return String.join(" ", command) + " exited " + exitCode + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    static Result run(List<String> command, Map<String, String> env, Duration timeout) {
        return run(command, env, null, timeout);
    }

    /**
     * @param env  variables to set; a null value removes the variable from the inherited environment
     * @param dir  working directory, or null for the current one
     */
    static Result run(List<String> command, Map<String, String> env, Path dir, Duration timeout) {
        try {
            Path out = Files.createTempFile("kdr-proc", ".out");
            Path err = Files.createTempFile("kdr-proc", ".err");
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            env.forEach((k, v) -> {
                if (v == null) {
                    pb.environment().remove(k);
                } else {
                    pb.environment().put(k, v);
                }
            });
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                        + "\n--- stdout:\n" + Files.readString(out) + "\n--- stderr:\n" + Files.readString(err));
            }
            Result r = new Result(List.copyOf(command), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
