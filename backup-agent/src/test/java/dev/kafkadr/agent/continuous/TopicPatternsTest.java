package dev.kafkadr.agent.continuous;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.agent.backup.TopicSelector;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TopicPatternsTest {

    private static final List<String> NAMES = List.of("orders", "orders.eu", "orders.tmp", "payments", "audit",
            "__consumer_offsets", "xorders");

    @Test
    void the_subscription_pattern_selects_exactly_what_the_topic_selector_selects() {
        check(List.of("orders.*", "payments"), List.of(".*\\.tmp"));
        check(List.of(".*"), List.of(""));
        check(List.of(".*"), List.of("audit", "payments"));
        check(List.of("orders"), List.of());
    }

    private static void check(List<String> include, List<String> exclude) {
        Pattern p = TopicPatterns.of(include, exclude);
        TopicSelector s = new TopicSelector(include, exclude, true);
        for (String name : NAMES) {
            assertThat(p.matcher(name).matches()).as("%s with include %s exclude %s", name, include, exclude)
                    .isEqualTo(s.matches(name));
        }
    }
}
