package dev.kafkadr.agent.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {

    private static final TreeSet<String> RUNS = new TreeSet<>(List.of(
            "20261101T020000000Z-00000001", "20261102T020000000Z-00000002", "20261103T020000000Z-00000003",
            "20261104T020000000Z-00000004", "20261105T020000000Z-00000005"));
    private static final Instant NOW = Instant.parse("2026-11-05T12:00:00Z");

    @Test
    void max_runs_keeps_the_newest() {
        assertThat(new RetentionPolicy(3, Duration.ZERO, 1, Duration.ZERO).expired(RUNS, NOW))
                .containsExactly("20261101T020000000Z-00000001", "20261102T020000000Z-00000002");
    }

    @Test
    void max_age_expires_old_runs_but_min_runs_always_survive() {
        // cut-off 2026-11-03T12:00Z: the run of 11-03 02:00 is older than two days
        assertThat(new RetentionPolicy(0, Duration.ofDays(2), 1, Duration.ZERO).expired(RUNS, NOW))
                .containsExactly("20261101T020000000Z-00000001", "20261102T020000000Z-00000002",
                        "20261103T020000000Z-00000003");
        assertThat(new RetentionPolicy(0, Duration.ofDays(1), 4, Duration.ZERO).expired(RUNS, NOW))
                .containsExactly("20261101T020000000Z-00000001");
        assertThat(new RetentionPolicy(0, Duration.ofMillis(1), 1, Duration.ZERO).expired(RUNS, NOW))
                .hasSize(4).doesNotContain("20261105T020000000Z-00000005");
    }

    @Test
    void no_limits_expire_nothing() {
        RetentionPolicy none = new RetentionPolicy(0, Duration.ZERO, 1, Duration.ZERO);
        assertThat(none.limitsRuns()).isFalse();
        assertThat(none.expired(RUNS, NOW)).isEmpty();
    }
}
