package dev.kafkadr.restore;

import dev.kafkadr.archive.manifest.SegmentRef;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The segment checks of one verification, run on a pool while the chains are still being walked: each segment key
 * is checked once, and at most a few hundred checks are pending at a time, so memory does not grow with the size of
 * the archive (a year of nightly runs of 1,000 partitions is 365,000 segments). Not thread-safe: one walking thread
 * submits; the pool's threads only run {@link SegmentChecker#check}.
 */
final class SegmentChecks implements AutoCloseable {

    private static final int MAX_PENDING_PER_THREAD = 64;

    private final SegmentChecker checker;
    private final boolean deep;
    private final List<VerificationProblem> problems;
    private final ExecutorService pool;
    private final int maxPending;
    private final ArrayDeque<Future<List<VerificationProblem>>> pending = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private long bytes;

    SegmentChecks(SegmentChecker checker, boolean deep, int parallelism, List<VerificationProblem> problems) {
        this.checker = checker;
        this.deep = deep;
        this.problems = problems;
        this.maxPending = parallelism * MAX_PENDING_PER_THREAD;
        this.pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "kdr-verify");
            t.setDaemon(true);
            return t;
        });
    }

    /** Checks {@code ref} (once per key), waiting for older checks first if too many are pending. */
    void submit(SegmentRef ref, String partition) {
        if (!seen.add(ref.key())) {
            return;
        }
        bytes += ref.bytes();
        pending.add(pool.submit(() -> checker.check(ref, partition, deep)));
        while (pending.size() > maxPending) {
            collect(pending.poll());
        }
    }

    /** Waits for every pending check. */
    void finish() {
        while (!pending.isEmpty()) {
            collect(pending.poll());
        }
    }

    /** Checks submitted and not yet collected. */
    int pendingChecks() {
        return pending.size();
    }

    int segments() {
        return seen.size();
    }

    long bytes() {
        return bytes;
    }

    private void collect(Future<List<VerificationProblem>> f) {
        try {
            problems.addAll(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
