package dev.kafkadr.agent.continuous;

import dev.kafkadr.agent.backup.BackupListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Computes per-partition backup lag for the metrics, about once a second: records between the archive's committed
 * end and the partition's end (read_committed), and seconds since the oldest of them was seen (0 when none).
 * Not thread-safe (poll thread).
 */
final class PartitionLag {

    private static final Duration EVERY = Duration.ofSeconds(1);

    private final String cluster;
    private final BackupListener listener;
    private final Clock clock;
    private final Map<OpenPartition, Instant> caughtUpSince = new HashMap<>();
    private Instant last = Instant.EPOCH;

    PartitionLag(String cluster, BackupListener listener, Clock clock) {
        this.cluster = cluster;
        this.listener = listener;
        this.clock = clock;
    }

    void update(Collection<OpenPartition> owned, Consumer<?, ?> consumer) {
        Instant now = clock.instant();
        if (now.isBefore(last.plus(EVERY))) {
            return;
        }
        last = now;
        for (OpenPartition p : owned) {
            OptionalLong behindConsumer = consumer.currentLag(new TopicPartition(p.topic(), p.partition()));
            long records = Math.max(0, p.position() - p.from()) + behindConsumer.orElse(0);
            double seconds = 0;
            if (p.hasPending()) {
                seconds = Duration.between(p.pendingSince(), now).toMillis() / 1000.0;
            } else if (records > 0) {
                seconds = Duration.between(caughtUpSince.getOrDefault(p, now), now).toMillis() / 1000.0;
            } else {
                caughtUpSince.put(p, now);
            }
            listener.partitionLag(cluster, p.topic(), p.partition(), records, seconds);
        }
    }

    void committed(OpenPartition p, Instant at) {
        caughtUpSince.put(p, at);
        listener.partitionCommitted(cluster, p.topic(), p.partition(), at);
    }

    void released(OpenPartition p) {
        caughtUpSince.remove(p);
        listener.partitionReleased(cluster, p.topic(), p.partition());
    }
}
