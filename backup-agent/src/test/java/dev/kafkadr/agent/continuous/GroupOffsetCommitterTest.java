package dev.kafkadr.agent.continuous;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.junit.jupiter.api.Test;

class GroupOffsetCommitterTest {

    static final TopicPartition P0 = new TopicPartition("t", 0);
    static final TopicPartition P1 = new TopicPartition("t", 1);

    /** Records each commit; the test completes it (like the consumer's next poll would) with or without an error. */
    static final class FakeConsumer implements GroupOffsetCommitter.AsyncCommit {
        final List<Map<TopicPartition, OffsetAndMetadata>> sent = new ArrayList<>();
        OffsetCommitCallback callback;

        @Override
        public void commit(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback cb) {
            sent.add(offsets);
            callback = cb;
        }

        void complete(Exception e) {
            callback.onComplete(sent.get(sent.size() - 1), e);
        }
    }

    Instant now = Instant.parse("2026-11-27T12:00:00Z");
    final FakeConsumer consumer = new FakeConsumer();
    final Clock clock = new Clock() {
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    };
    final GroupOffsetCommitter committer = new GroupOffsetCommitter(consumer, clock);

    @Test
    void a_failed_commit_is_sent_again_after_a_second_until_it_lands() {
        committer.archived(Map.of(P0, new OffsetAndMetadata(10)));
        consumer.complete(new RebalanceInProgressException("rebalancing"));

        committer.retryIfDue();
        assertThat(consumer.sent).as("not before the retry delay").hasSize(1);
        now = now.plus(Duration.ofMillis(1001));
        committer.retryIfDue();
        assertThat(consumer.sent).hasSize(2);
        assertThat(consumer.sent.get(1)).isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));
        consumer.complete(null);

        assertThat(committer.pending()).isEmpty();
        now = now.plus(Duration.ofSeconds(5));
        committer.retryIfDue();
        assertThat(consumer.sent).as("nothing left to send").hasSize(2);
    }

    @Test
    void offsets_archived_while_a_commit_is_in_flight_follow_it_and_the_newest_offset_wins() {
        committer.archived(Map.of(P0, new OffsetAndMetadata(10)));
        committer.archived(Map.of(P0, new OffsetAndMetadata(20), P1, new OffsetAndMetadata(5)));
        assertThat(consumer.sent).as("one commit in flight at a time").hasSize(1);
        consumer.complete(null);

        assertThat(committer.pending()).isEqualTo(Map.of(P0, new OffsetAndMetadata(20), P1,
                new OffsetAndMetadata(5)));
        committer.retryIfDue();
        assertThat(consumer.sent.get(1)).isEqualTo(Map.of(P0, new OffsetAndMetadata(20), P1,
                new OffsetAndMetadata(5)));
        consumer.complete(null);
        assertThat(committer.pending()).isEmpty();
    }

    @Test
    void a_released_partition_is_left_to_its_new_owner() {
        committer.archived(Map.of(P0, new OffsetAndMetadata(10), P1, new OffsetAndMetadata(7)));
        consumer.complete(new RebalanceInProgressException("rebalancing"));
        committer.released(P1);
        now = now.plus(Duration.ofSeconds(2));
        committer.retryIfDue();
        assertThat(consumer.sent.get(1)).isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));
    }

    @Test
    void a_commit_that_throws_is_retried_like_one_that_fails() {
        GroupOffsetCommitter throwing = new GroupOffsetCommitter((o, cb) -> {
            consumer.sent.add(o);
            if (consumer.sent.size() == 1) {
                throw new IllegalStateException("consumer is closing");
            }
        }, clock);
        throwing.archived(Map.of(P0, new OffsetAndMetadata(3)));
        assertThat(throwing.pending()).containsKey(P0);
        throwing.retryIfDue();
        assertThat(consumer.sent).hasSize(1);
        now = now.plus(Duration.ofSeconds(2));
        throwing.retryIfDue();
        assertThat(consumer.sent).hasSize(2);
    }
}
