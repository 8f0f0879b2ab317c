package dev.kafkadr.restore.cli;

import dev.kafkadr.restore.RestoreListener;
import dev.kafkadr.restore.RestorePlan;
import dev.kafkadr.restore.RestoreProgress;
import dev.kafkadr.restore.TopicAction;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * Shows a restore as it runs: once the targets are decided, a header line on the output stream; then progress on
 * the error stream: on a terminal a bar (records, bytes, rate, ETA) redrawn on one line, otherwise a plain line every
 * {@code lineInterval}. Warnings go on their own lines. Not thread-safe (the engine calls it from one thread at a
 * time).
 */
final class ProgressPrinter implements RestoreListener {

    private static final int BAR = 30;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean dryRun;
    private final boolean terminal;
    private final Duration lineInterval;
    private long lastLineNanos = System.nanoTime();
    private boolean barShown;

    ProgressPrinter(PrintWriter out, PrintWriter err, boolean dryRun, boolean terminal, Duration lineInterval) {
        this.out = out;
        this.err = err;
        this.dryRun = dryRun;
        this.terminal = terminal;
        this.lineInterval = lineInterval;
    }

    @Override
    public void onPlanned(RestorePlan plan, List<TopicAction> actions) {
        out.print(RestoreFormat.header(plan, dryRun));
        out.flush();
    }

    @Override
    public void onWarning(String message) {
        clearBar();
        err.println("warning: " + message);
        err.flush();
    }

    @Override
    public void onProgress(RestoreProgress p) {
        if (terminal) {
            err.print("\r" + bar(p));
            barShown = true;
            if (p.records() >= p.totalRecords()) {
                err.println();
                barShown = false;
            }
        } else if (System.nanoTime() - lastLineNanos >= lineInterval.toNanos() || p.records() >= p.totalRecords()) {
            lastLineNanos = System.nanoTime();
            err.println(line(p));
        }
        err.flush();
    }

    static String bar(RestoreProgress p) {
        int filled = (int) Math.round(p.fraction() * BAR);
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + String.format("%3d%%",
                (int) (p.fraction() * 100)) + "  " + Text.count(p.records()) + "/" + Text.count(p.totalRecords())
                + " records  " + Text.bytes(p.bytes()) + "  " + Text.rate(p.recordsPerSecond()) + " rec/s  "
                + Text.bytes(p.bytesPerSecond()) + "/s  ETA " + p.eta().map(Text::duration).orElse("?") + "   ";
    }

    static String line(RestoreProgress p) {
        return "progress: " + Text.count(p.records()) + " of " + Text.count(p.totalRecords()) + " records ("
                + (int) (p.fraction() * 100) + "%), " + Text.bytes(p.bytes()) + ", " + p.partitionsDone() + " of "
                + p.totalPartitions() + " partitions done, " + Text.rate(p.recordsPerSecond()) + " records/s, ETA "
                + p.eta().map(Text::duration).orElse("unknown");
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r" + " ".repeat(120) + "\r");
            barShown = false;
        }
    }
}
