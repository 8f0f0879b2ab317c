package dev.kafkadr.agent.retention;

import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.archive.catalog.RunId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;

/**
 * Which committed runs to keep: at most {@code maxRuns} (0 = no limit), none older than {@code maxAge} (zero = no
 * limit), but never fewer than {@code minRuns} (the newest ones). {@code grace} protects objects of runs that have
 * not committed (yet). Immutable.
 */
public record RetentionPolicy(int maxRuns, Duration maxAge, int minRuns, Duration grace) {

    public static RetentionPolicy from(AgentConfig c) {
        return new RetentionPolicy(c.retentionMaxRuns(), c.retentionMaxAge(), c.retentionMinRuns(), c.garbageGrace());
    }

    public boolean limitsRuns() {
        return maxRuns > 0 || !maxAge.isZero();
    }

    /** The runs to delete, oldest first. */
    public List<String> expired(NavigableSet<String> committed, Instant now) {
        List<String> newestFirst = new ArrayList<>(committed.descendingSet());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            String run = newestFirst.get(i);
            if (i < Math.max(minRuns, 1)) {
                continue;
            }
            boolean tooMany = maxRuns > 0 && i >= maxRuns;
            boolean tooOld = !maxAge.isZero() && RunId.startTime(run).isBefore(now.minus(maxAge));
            if (tooMany || tooOld) {
                out.add(0, run);
            }
        }
        return out;
    }
}
