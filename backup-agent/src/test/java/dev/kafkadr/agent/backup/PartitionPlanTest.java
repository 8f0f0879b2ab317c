package dev.kafkadr.agent.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.catalog.PartitionStart;
import dev.kafkadr.archive.manifest.OffsetGap;
import dev.kafkadr.archive.manifest.PartitionCommit;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionPlanTest {

    private static PartitionStart start(Long headEnd, String topicId) {
        PartitionCommit head = headEnd == null ? null : new PartitionCommit("c", "t", 0, topicId, 3, 2, "r", "w",
                0, headEnd, 0, List.of(), List.of(), 0, 0, Instant.EPOCH);
        return new PartitionStart("t", 0, head, headEnd == null ? 0 : 3);
    }

    @Test
    void the_first_run_starts_at_the_log_start() {
        PartitionPlan p = PartitionPlan.of(start(null, null), "id", 40, 100);
        assertThat(p.from()).isEqualTo(40);
        assertThat(p.to()).isEqualTo(100);
        assertThat(p.gaps()).isEmpty();
        assertThat(p.unchanged()).isFalse();
    }

    @Test
    void a_later_run_continues_at_the_committed_end() {
        PartitionPlan p = PartitionPlan.of(start(70L, "id"), "id", 40, 100);
        assertThat(p.from()).isEqualTo(70);
        assertThat(p.newChain()).isFalse();
        assertThat(p.warning()).isNull();
    }

    @Test
    void nothing_new_means_no_commit() {
        assertThat(PartitionPlan.of(start(100L, "id"), "id", 40, 100).unchanged()).isTrue();
    }

    @Test
    void a_log_start_past_the_committed_end_is_a_recorded_retention_gap() {
        PartitionPlan p = PartitionPlan.of(start(70L, "id"), "id", 90, 100);
        assertThat(p.gaps()).containsExactly(new OffsetGap(70, 90, OffsetGap.RETENTION));
        assertThat(p.from()).isEqualTo(90);
        assertThat(p.unchanged()).isFalse();
        assertThat(p.warning()).contains("retention gap: offsets 70 to 89 (20 offsets)");
    }

    @Test
    void a_recreated_topic_starts_a_new_history() {
        PartitionPlan p = PartitionPlan.of(start(70L, "old"), "new", 0, 5);
        assertThat(p.newChain()).isTrue();
        assertThat(p.from()).isZero();
        assertThat(p.warning()).contains("deleted and recreated");
    }

    @Test
    void an_end_offset_below_the_backup_starts_a_new_history() {
        PartitionPlan p = PartitionPlan.of(start(70L, null), null, 0, 50);
        assertThat(p.newChain()).isTrue();
        assertThat(p.warning()).contains("below the 70 already backed up");
    }
}
