package dev.kafkadr.restore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.archive.manifest.OffsetGap;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionSourceTest {

    private static PartitionSource source(long from, long end, OffsetGap... gaps) {
        return new PartitionSource("orders", 3, List.of(), from, end, null, 0, List.of(gaps));
    }

    @Test
    void only_gaps_inside_the_restored_range_are_reported() {
        OffsetGap before = new OffsetGap(10, 20, OffsetGap.RETENTION);
        OffsetGap inside = new OffsetGap(50, 100, OffsetGap.RETENTION);
        OffsetGap after = new OffsetGap(300, 310, OffsetGap.RETENTION);

        assertThat(source(20, 300, before, inside, after).gapsInRange()).containsExactly(inside);
        assertThat(source(0, 300, before, inside).gapsInRange()).containsExactly(before, inside);
        assertThat(source(100, 300, inside).gapsInRange()).isEmpty();
    }

    @Test
    void a_gap_warning_names_the_partition_the_offsets_and_the_reason() {
        assertThat(source(0, 200, new OffsetGap(50, 100, OffsetGap.RETENTION)).gapWarnings()).containsExactly(
                "orders-3: offsets [50, 100) (50) are not in the archive (RETENTION: Kafka deleted them before a"
                        + " backup read them); the restore goes around the gap");
    }
}
