package dev.kafkadr.benchmarks.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code benchmarks/run.sh SCENARIO [--json FILE] [--scale F] [--profile] [--work DIR]}: starts a broker, runs the
 * scenario's rows, prints one table on stdout (progress on stderr) and writes the JSON. Not thread-safe.
 */
public final class HarnessMain {

    private HarnessMain() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
            usage();
            return;
        }
        Options o = Options.parse(args);
        if (o == null) {
            usage();
            System.exit(2);
            return;
        }
        List<RowSpec> rows = new ArrayList<>();
        for (RowSpec r : Scenarios.rows(o.scenario)) {
            long bytes = Math.max(r.recordBytes(), (long) (r.payloadBytes() * o.scale));
            rows.add(o.scale == 1.0 ? r : r.withPayload(bytes));
        }
        Files.createDirectories(o.work);
        MachineFacts facts = new MachineFacts();
        facts.javaVersion = javaVersion(o.work);
        S3Holder s3 = new S3Holder(o.work);
        Broker broker = new Broker(o.repo, o.work);
        Thread hook = new Thread(() -> {
            Proc.killAll();
            s3.close();
            broker.close();
        }, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        List<RowResult> results = new ArrayList<>();
        RowRunner.log("starting a Kafka broker; work dir " + o.work);
        broker.start();
        RowRunner runner = new RowRunner(o.repo, o.work, broker, s3::get, o.profile, o.heap);
        for (RowSpec r : rows) {
            results.add(runner.run(r));
        }
        runner.cleanUp();
        facts.finish();
        System.out.print(ResultTable.render(o.scenario, results, facts));
        System.out.println("agent and restore ran with -Xmx" + o.heap + "; command: " + String.join(" ", o.command));
        JsonReport.write(o.json, JsonReport.render(o.scenario, o.command, facts, results, o.heap));
        System.out.println("JSON: " + o.json.toAbsolutePath());
        System.out.flush();
        boolean failed = results.stream().anyMatch(r -> !r.errors.isEmpty());
        System.exit(failed ? 1 : 0);
    }

    private static String javaVersion(Path work) {
        Proc.Result r = Proc.run(List.of("java", "-version"), Map.of(), work.resolve("java-version.txt"),
                java.time.Duration.ofMinutes(1));
        return r.output().strip().split("\n")[0];
    }

    private static void usage() {
        System.err.println("Usage: benchmarks/run.sh SCENARIO [--json FILE] [--scale F] [--heap SIZE] [--profile] "
                + "[--work DIR]");
        System.err.println("Scenarios:");
        Scenarios.descriptions().forEach((k, v) -> System.err.printf(Locale.ROOT, "  %-11s %s%n", k, v));
        System.err.println("--scale F multiplies every row's data size (e.g. 0.25); --heap SIZE is the -Xmx of the"
                + " agent and restore (default " + RowRunner.HEAP + "); --profile records a JFR file of each agent and"
                + " restore JVM (in the work dir).");
    }

    /** Parsed command line. */
    static final class Options {
        String scenario;
        Path json;
        Path work;
        Path repo = Path.of(System.getProperty("kdr.repo", ".")).toAbsolutePath().normalize();
        double scale = 1.0;
        String heap = RowRunner.HEAP;
        boolean profile;
        List<String> command = new ArrayList<>(List.of("benchmarks/run.sh"));

        static Options parse(String[] args) {
            Options o = new Options();
            o.command.addAll(List.of(args));
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--json" -> o.json = Path.of(args[++i]);
                    case "--work" -> o.work = Path.of(args[++i]);
                    case "--scale" -> o.scale = Double.parseDouble(args[++i]);
                    case "--profile" -> o.profile = true;
                    case "--heap" -> o.heap = args[++i];
                    case "-h", "--help" -> {
                        return null;
                    }
                    default -> {
                        if (args[i].startsWith("-") || o.scenario != null) {
                            return null;
                        }
                        o.scenario = args[i];
                    }
                }
            }
            if (o.scenario == null || !Scenarios.descriptions().containsKey(o.scenario) || o.scale <= 0
                    || !o.heap.matches("\\d+[kKmMgG]")) {
                return null;
            }
            Path out = o.repo.resolve("benchmarks/target/bench");
            o.work = (o.work != null ? o.work : out.resolve("work-" + stamp)).toAbsolutePath();
            o.json = (o.json != null ? o.json : out.resolve(o.scenario + "-" + stamp + ".json")).toAbsolutePath();
            return o;
        }
    }

    /** Starts S3Mock on first use only. */
    private static final class S3Holder {
        private final Path work;
        private S3Mock mock;

        S3Holder(Path work) {
            this.work = work;
        }

        synchronized S3Mock get() throws java.io.IOException, InterruptedException {
            if (mock == null) {
                RowRunner.log("starting S3Mock");
                mock = S3Mock.start(work);
            }
            return mock;
        }

        synchronized void close() {
            if (mock != null) {
                mock.close();
            }
        }
    }
}
