package dev.kafkadr.e2e;

import dev.kafkadr.testkit.JavaProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a kafka-dr main class in a child JVM as an operator would, with every logger at DEBUG (kafka-dr's own at
 * TRACE) into a log file, and stdout+stderr captured into an output file. Not thread-safe.
 */
final class DebugChild {

    static final String AGENT = "dev.kafkadr.agent.cli.Main";
    static final String KDR = "dev.kafkadr.restore.cli.Main";

    private static final String LOG4J2 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Configuration status="WARN" shutdownHook="disable">
              <Appenders>
                <File name="FILE" fileName="${sys:kdr.test.logfile}" immediateFlush="true">
                  <PatternLayout pattern="%d %-5p [%t] %c - %m%n%throwable"/>
                </File>
              </Appenders>
              <Loggers>
                <Logger name="dev.kafkadr" level="TRACE"/>
                <Root level="DEBUG"><AppenderRef ref="FILE"/></Root>
              </Loggers>
            </Configuration>
            """;

    /** What one child run left: its exit code, its stdout+stderr and its log file. */
    record Outcome(String name, int exitCode, Path outputFile, Path logFile) {
        String output() {
            return read(outputFile);
        }

        String log() {
            return read(logFile);
        }
    }

    private final Path dir;
    private final Path config;

    DebugChild(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            this.config = Files.writeString(dir.resolve("log4j2-debug.xml"), LOG4J2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@code mainClass}; the caller waits for it or stops it. */
    JavaProcess start(String name, String mainClass, List<String> args, Map<String, String> env) {
        List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + config, "-Dkdr.test.logfile=" + logFile(name)));
        return JavaProcess.start(mainClass, jvm, args, env, dir.resolve(name + ".out"));
    }

    /** Runs {@code mainClass} to its end (at most 3 minutes). */
    Outcome run(String name, String mainClass, List<String> args, Map<String, String> env) {
        long started = System.nanoTime();
        try (JavaProcess p = start(name, mainClass, args, env)) {
            int code = p.waitFor(3, TimeUnit.MINUTES);
            System.out.printf("%s exited %d after %d ms%n", name, code, (System.nanoTime() - started) / 1_000_000);
            return outcome(name, code);
        }
    }

    Outcome outcome(String name, int exitCode) {
        return new Outcome(name, exitCode, dir.resolve(name + ".out"), logFile(name));
    }

    private Path logFile(String name) {
        return dir.resolve(name + ".log");
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
