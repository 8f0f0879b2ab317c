package dev.kafkadr.mirror.mm2;

import java.time.Duration;

/**
 * Default MirrorMaker 2 intervals derived from a flow's RPO, so a generated config meets its RPO unless an override
 * says otherwise: checkpoints and group-offset sync each at a quarter of the RPO (1 s to 60 s), topic and group
 * refresh at half of it (1 s to 600 s, MirrorMaker 2's own default). Stateless.
 */
public final class Intervals {

    private Intervals() {
    }

    /** Seconds for {@code emit.checkpoints.interval.seconds} and {@code sync.group.offsets.interval.seconds}. */
    public static long offsetSyncSeconds(Duration rpo) {
        return clamp(rpo.dividedBy(4).toSeconds(), 1, 60);
    }

    /** Seconds for {@code refresh.topics.interval.seconds} and {@code refresh.groups.interval.seconds}. */
    public static long refreshSeconds(Duration rpo) {
        return clamp(rpo.dividedBy(2).toSeconds(), 1, 600);
    }

    private static long clamp(long v, long min, long max) {
        return Math.max(min, Math.min(max, v));
    }
}
