package dev.kafkadr.agent.continuous;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reacts to the consumer group moving partitions (cooperative-sticky: only the partitions that move are named):
 * assigned ones are opened at the archive's head; revoked ones get their in-flight data committed (or abandoned if
 * that fails) before they are released; lost ones (this member was fenced out of the group) are abandoned at once.
 * Not thread-safe: Kafka calls it on the poll thread.
 */
final class AssignmentListener implements ConsumerRebalanceListener {

    private static final Logger LOG = LoggerFactory.getLogger(AssignmentListener.class);

    /** What the listener needs from the backup loop. */
    interface Owner {
        Map<TopicPartition, OpenPartition> owned();

        void open(Collection<TopicPartition> assigned);

        /** Commits the in-flight data of partitions about to be released; never throws. */
        void commitBeforeRelease(List<OpenPartition> revoked);

        void released(OpenPartition p);
    }

    private final Owner owner;

    AssignmentListener(Owner owner) {
        this.owner = owner;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        if (!assigned.isEmpty()) {
            LOG.info("assigned {} partitions: {}", assigned.size(), assigned);
            owner.open(assigned);
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        List<OpenPartition> mine = take(revoked);
        if (mine.isEmpty()) {
            return;
        }
        LOG.info("revoked {} partitions: committing their in-flight data before releasing them: {}", mine.size(),
                mine);
        owner.commitBeforeRelease(mine);
        mine.forEach(owner::released);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        List<OpenPartition> mine = take(lost);
        if (mine.isEmpty()) {
            return;
        }
        LOG.warn("lost {} partitions (this agent was out of its consumer group, e.g. paused past session.timeout.ms;"
                + " another agent may own them now): abandoning their in-flight data without committing: {}",
                mine.size(), mine);
        for (OpenPartition p : mine) {
            p.abandon();
            owner.released(p);
        }
    }

    private List<OpenPartition> take(Collection<TopicPartition> tps) {
        List<OpenPartition> out = new ArrayList<>();
        for (TopicPartition tp : tps) {
            OpenPartition p = owner.owned().remove(tp);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }
}
