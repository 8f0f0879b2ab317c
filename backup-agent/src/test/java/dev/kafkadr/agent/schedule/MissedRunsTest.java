package dev.kafkadr.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MissedRunsTest {

    private static final String NIGHTLY = "0 0 2 * * ?";
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    @Test
    void the_previous_fire_time_is_found_in_the_schedules_zone() {
        assertThat(MissedRuns.previousFireTime(NIGHTLY, ZoneOffset.UTC, NOW))
                .contains(Instant.parse("2026-11-27T02:00:00Z"));
        assertThat(MissedRuns.previousFireTime(NIGHTLY, ZoneId.of("Europe/Berlin"), NOW))
                .contains(Instant.parse("2026-11-27T01:00:00Z"));
    }

    @Test
    void a_run_older_than_the_previous_fire_time_was_missed() {
        assertThat(MissedRuns.wasMissed(NIGHTLY, ZoneOffset.UTC,
                Optional.of(Instant.parse("2026-11-26T02:00:03Z")), NOW)).isTrue();
        assertThat(MissedRuns.wasMissed(NIGHTLY, ZoneOffset.UTC,
                Optional.of(Instant.parse("2026-11-27T02:00:01Z")), NOW)).isFalse();
        assertThat(MissedRuns.wasMissed(NIGHTLY, ZoneOffset.UTC, Optional.empty(), NOW)).isTrue();
    }
}
