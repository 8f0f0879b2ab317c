package dev.kafkadr.agent.continuous;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the continuous agent's consumer-group offsets at the archive's committed end offsets, so standard lag
 * tooling (kafka-consumer-groups, Burrow, exporters) sees the agent. The archive stays the source of truth: these
 * offsets are never read back. A commit that fails (a rebalance in progress, a coordinator move) is retried about
 * once a second until it lands, so the group's lag reaches 0 on an idle topic instead of staying at the last
 * failed cycle. Used from the poll thread only (commit callbacks run there too); not thread-safe.
 */
final class GroupOffsetCommitter {

    /** The consumer's asynchronous commit, so tests can fail it. */
    interface AsyncCommit {
        void commit(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback);
    }

    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(GroupOffsetCommitter.class);

    private final AsyncCommit consumer;
    private final Clock clock;
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private boolean inFlight;
    private Instant retryAt = Instant.EPOCH;

    GroupOffsetCommitter(AsyncCommit consumer, Clock clock) {
        this.consumer = consumer;
        this.clock = clock;
    }

    /** The archive now holds these partitions up to these offsets: commit them to the group. */
    void archived(Map<TopicPartition, OffsetAndMetadata> offsets) {
        pending.putAll(offsets);
        if (!inFlight) {
            send();
        }
    }

    /** The partition went to another agent: its new owner commits its offsets. */
    void released(TopicPartition tp) {
        pending.remove(tp);
    }

    /** Called on every loop: sends what a failed commit left behind, at most once per {@link #RETRY_AFTER}. */
    void retryIfDue() {
        if (!pending.isEmpty() && !inFlight && !clock.instant().isBefore(retryAt)) {
            send();
        }
    }

    /** Offsets not yet acknowledged by the group coordinator. */
    Map<TopicPartition, OffsetAndMetadata> pending() {
        return Map.copyOf(pending);
    }

    private void send() {
        if (pending.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> sent = Map.copyOf(pending);
        inFlight = true;
        try {
            consumer.commit(sent, (offsets, e) -> {
                inFlight = false;
                if (e == null) {
                    sent.forEach(pending::remove);
                } else {
                    failed(e);
                }
            });
        } catch (RuntimeException e) {
            inFlight = false;
            failed(e);
        }
    }

    private void failed(Exception e) {
        retryAt = clock.instant().plus(RETRY_AFTER);
        LOG.debug("committing group offsets of {} partitions (for lag tooling only) failed, retrying in {} ms: {}",
                pending.size(), RETRY_AFTER.toMillis(), e.getMessage());
    }
}
