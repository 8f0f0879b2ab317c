package dev.kafkadr.distribution;

import dev.kafkadr.agent.backup.BackupListener;
import dev.kafkadr.agent.backup.RunResult;
import dev.kafkadr.agent.metrics.AgentMetrics;
import dev.kafkadr.archive.manifest.OffsetGap;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric series names (and their label names) the agent really exports: a real {@link AgentMetrics} is fed one
 * event of every kind through its {@link BackupListener} methods (some meters only exist after their first event)
 * and then scraped in the Prometheus text format. No hard-coded list. Stateless.
 */
final class ExportedMetrics {

    /** The labels every Prometheus scrape adds to every series. */
    static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{([^}]*)})?\\s");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

    private ExportedMetrics() {
    }

    /** Series name to its label names, from one scrape after every kind of event. */
    static Map<String, Set<String>> scrape() {
        String cluster = "c";
        AgentMetrics metrics = new AgentMetrics(cluster);
        BackupListener listener = metrics;
        Instant now = Instant.now();
        listener.runStarted(cluster, "r1");
        listener.partitionsPending(cluster, 3);
        listener.archived(cluster, "orders", 10, 1000);
        listener.gap(cluster, "orders", 0, new OffsetGap(0, 5, OffsetGap.RETENTION));
        listener.runCommitted(new RunResult(cluster, "r1", "m1", 1, 1, 1, 10, 1000, 1, now.minusSeconds(3), now));
        listener.runFailed(cluster, "r2", new IllegalStateException("boom"), Duration.ofSeconds(1));
        listener.partitionLag(cluster, "orders", 0, 42, 1.5);
        listener.partitionCommitted(cluster, "orders", 0, now);
        Map<String, Set<String>> out = new TreeMap<>();
        for (String line : metrics.registry().scrape().split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.find()) {
                continue;
            }
            Set<String> labels = out.computeIfAbsent(m.group(1), k -> new TreeSet<>());
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.add(l.group(1));
                }
            }
        }
        return out;
    }
}
