package dev.kafkadr.agent.continuous;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns topics.include / topics.exclude into the one pattern a consumer subscribes with: a topic matches when its
 * whole name matches an include and no exclude (the same rule as {@link dev.kafkadr.agent.backup.TopicSelector});
 * internal topics are left out by the consumer itself. Stateless.
 */
public final class TopicPatterns {

    private TopicPatterns() {
    }

    public static Pattern of(List<String> include, List<String> exclude) {
        String in = "(?:" + String.join("|", include.stream().filter(r -> !r.isBlank()).map(r -> "(?:" + r + ")")
                .toList()) + ")";
        List<String> ex = exclude.stream().filter(r -> !r.isBlank()).map(r -> "(?:" + r + ")").toList();
        String notInternal = "(?!__)";
        return Pattern.compile(ex.isEmpty() ? notInternal + in
                : notInternal + "(?!(?:" + String.join("|", ex) + ")$)" + in);
    }
}
