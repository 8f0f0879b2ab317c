package dev.kafkadr.agent.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps a background task with a name: logs its start, its duration, a warning when it runs longer than expected,
 * and its failure with the name (as MirrorMaker's Scheduler does), so no scheduled failure is silent. Thread-safe.
 */
public final class TimedTask implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(TimedTask.class);

    private final String name;
    private final Runnable task;
    private final Duration expected;
    private final Clock clock;

    public TimedTask(String name, Runnable task, Duration expected, Clock clock) {
        this.name = name;
        this.task = task;
        this.expected = expected;
        this.clock = clock;
    }

    @Override
    public void run() {
        Instant start = clock.instant();
        LOG.info("{} started", name);
        try {
            task.run();
            Duration took = Duration.between(start, clock.instant());
            if (took.compareTo(expected) > 0) {
                LOG.warn("{} took {} s, longer than the expected {} s", name, took.toSeconds(), expected.toSeconds());
            } else {
                LOG.info("{} finished in {} ms", name, took.toMillis());
            }
        } catch (RuntimeException e) {
            LOG.error("{} failed after {} ms: {}", name, Duration.between(start, clock.instant()).toMillis(),
                    e.getMessage());
            LOG.debug("{} failure", name, e);
        }
    }

    public String name() {
        return name;
    }
}
