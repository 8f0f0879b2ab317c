package dev.kafkadr.benchmarks.harness;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses what Kafka's perf tools, {@code kdr-agent --once} and {@code kdr restore topics} print. Stateless. */
public final class PerfOutput {

    private static final Pattern PRODUCER = Pattern.compile(
            "(\\d+) records sent, ([0-9.]+) records/sec \\(([0-9.]+) MB/sec\\)");
    private static final Pattern AGENT = Pattern.compile(
            "run \\S+ committed: .*?, (\\d+) records, ([0-9.]+) (B|KiB|MiB|GiB|TiB) in ([0-9.]+) s");
    private static final Pattern RESTORE = Pattern.compile(
            "restored ([0-9,]+) records \\(.*?\\) into .* partitions in ((?:\\d+h)?(?:\\d+m)?[0-9.]+s)");

    private PerfOutput() {
    }

    /** One ConsumerPerformance result line: MiB read, its MB.sec (MiB/s incl. group join) and fetch-only MiB/s. */
    public record ConsumerPerf(double mib, double mibPerSec, long records, double recordsPerSec, long rebalanceMs,
                               long fetchMs, double fetchMibPerSec) {
        /** Seconds from the tool's start (incl. group join) to its last record. */
        public double seconds() {
            return mibPerSec <= 0 ? 0 : mib / mibPerSec;
        }
    }

    /** ProducerPerformance's final summary line. */
    public record ProducerPerf(long records, double recordsPerSec, double mibPerSec) {
        public double seconds() {
            return recordsPerSec <= 0 ? 0 : records / recordsPerSec;
        }
    }

    /** The agent's "run ... committed" line: records backed up and the run's duration (excl. JVM start). */
    public record AgentRun(long records, double seconds) {
    }

    /** The restore's "restored ..." line: records written and the restore's duration (excl. JVM start). */
    public record RestoreRun(long records, double seconds) {
    }

    /**
     * Finds the data line after ConsumerPerformance's header {@code start.time, end.time, data.consumed.in.MB,
     * MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec}.
     */
    public static Optional<ConsumerPerf> consumerPerf(String out) {
        for (String line : out.split("\n")) {
            String[] f = line.split(",\\s*");
            if (f.length >= 10 && Character.isDigit(f[0].trim().isEmpty() ? 'x' : f[0].trim().charAt(0))) {
                try {
                    return Optional.of(new ConsumerPerf(d(f[2]), d(f[3]), (long) d(f[4]), d(f[5]), (long) d(f[6]),
                            (long) d(f[7]), d(f[8])));
                } catch (NumberFormatException notTheDataLine) {
                    // keep looking
                }
            }
        }
        return Optional.empty();
    }

    /** The last "N records sent, R records/sec (M MB/sec)" line of ProducerPerformance. */
    public static Optional<ProducerPerf> producerPerf(String out) {
        ProducerPerf last = null;
        Matcher m = PRODUCER.matcher(out);
        while (m.find()) {
            last = new ProducerPerf(Long.parseLong(m.group(1)), d(m.group(2)), d(m.group(3)));
        }
        return Optional.ofNullable(last);
    }

    public static Optional<AgentRun> agentRun(String out) {
        Matcher m = AGENT.matcher(out);
        return m.find() ? Optional.of(new AgentRun(Long.parseLong(m.group(1)), d(m.group(4)))) : Optional.empty();
    }

    public static Optional<RestoreRun> restoreRun(String out) {
        Matcher m = RESTORE.matcher(out);
        return m.find()
                ? Optional.of(new RestoreRun(Long.parseLong(m.group(1).replace(",", "")), duration(m.group(2))))
                : Optional.empty();
    }

    /** Seconds of the restore's duration text: {@code 8.3s}, {@code 2m05s}, {@code 1h02m03s}. */
    static double duration(String text) {
        Matcher m = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?([0-9.]+)s").matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        double s = d(m.group(3));
        if (m.group(2) != null) {
            s += 60.0 * Long.parseLong(m.group(2));
        }
        if (m.group(1) != null) {
            s += 3600.0 * Long.parseLong(m.group(1));
        }
        return s;
    }

    private static double d(String s) {
        return Double.parseDouble(s.trim());
    }
}
