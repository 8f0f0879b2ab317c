package dev.kafkadr.restore;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Limits throughput to a number of bytes per second across all callers: each call reserves its share of time and
 * sleeps until then; bursts are limited to a tenth of a second. Thread-safe.
 */
public final class Throttle {

    private static final Throttle NONE = new Throttle(0);

    private final long bytesPerSecond;
    private long nextFreeNanos;

    private Throttle(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
        this.nextFreeNanos = System.nanoTime();
    }

    /** A throttle for {@code bytesPerSecond}, or none when it is 0. */
    public static Throttle of(long bytesPerSecond) {
        return bytesPerSecond <= 0 ? NONE : new Throttle(bytesPerSecond);
    }

    /** Waits until {@code bytes} more bytes fit in the limit. */
    public void acquire(long bytes) {
        if (bytesPerSecond <= 0) {
            return;
        }
        long wakeAt;
        synchronized (this) {
            long now = System.nanoTime();
            long burstFloor = now - TimeUnit.MILLISECONDS.toNanos(100);
            nextFreeNanos = Math.max(nextFreeNanos, burstFloor);
            nextFreeNanos += (long) (bytes * 1e9 / bytesPerSecond);
            wakeAt = nextFreeNanos;
        }
        long wait;
        while ((wait = wakeAt - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
