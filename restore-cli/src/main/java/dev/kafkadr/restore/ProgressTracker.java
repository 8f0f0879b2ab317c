package dev.kafkadr.restore;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts acknowledged records and bytes of a restore and reports a {@link RestoreProgress} to the listener at a fixed
 * interval from one daemon thread, and once more when closed. Thread-safe.
 */
final class ProgressTracker implements AutoCloseable {

    private final RestoreListener listener;
    private final long totalRecords;
    private final long totalPartitions;
    private final long startNanos = System.nanoTime();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong partitionsDone = new AtomicLong();
    private final ScheduledExecutorService timer;

    ProgressTracker(RestoreListener listener, long totalRecords, long totalPartitions, Duration interval) {
        this.listener = listener;
        this.totalRecords = totalRecords;
        this.totalPartitions = totalPartitions;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kdr-restore-progress");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(50, interval.toMillis());
        timer.scheduleAtFixedRate(this::report, ms, ms, TimeUnit.MILLISECONDS);
    }

    void acked(long recordBytes) {
        records.incrementAndGet();
        bytes.addAndGet(recordBytes);
    }

    void partitionDone() {
        partitionsDone.incrementAndGet();
    }

    long records() {
        return records.get();
    }

    long bytes() {
        return bytes.get();
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private synchronized void report() {
        listener.onProgress(new RestoreProgress(records.get(), totalRecords, bytes.get(), partitionsDone.get(),
                totalPartitions, elapsed()));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        report();
    }
}
