package dev.kafkadr.agent.schedule;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * Decides at start-up whether a scheduled run was missed while the agent was down: the newest committed run is
 * older than the schedule's previous fire time (or there is none). Uses the archive, not a Quartz job store, as the
 * record of what ran. Stateless.
 */
public final class MissedRuns {

    private MissedRuns() {
    }

    /** The schedule's last fire time at or before {@code now}, if any. */
    public static Optional<Instant> previousFireTime(String cron, ZoneId zone, Instant now) {
        try {
            CronExpression c = new CronExpression(cron);
            c.setTimeZone(TimeZone.getTimeZone(zone));
            Date before = c.getTimeBefore(Date.from(now.plusMillis(1)));
            return Optional.ofNullable(before).map(Date::toInstant);
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid cron " + cron, e);
        }
    }

    /** True when a run should happen right away at start-up. */
    public static boolean wasMissed(String cron, ZoneId zone, Optional<Instant> newestRunStart, Instant now) {
        Optional<Instant> previous = previousFireTime(cron, zone, now);
        if (previous.isEmpty()) {
            return false;
        }
        return newestRunStart.isEmpty() || newestRunStart.get().isBefore(previous.get());
    }
}
