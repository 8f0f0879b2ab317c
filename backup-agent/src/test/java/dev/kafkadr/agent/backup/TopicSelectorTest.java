package dev.kafkadr.agent.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicSelectorTest {

    @Test
    void whole_names_must_match_an_include_and_no_exclude_and_internal_topics_never_match() {
        TopicSelector s = new TopicSelector(List.of("orders.*", "payments"), List.of(".*-tmp"), true);
        assertThat(s.select(List.of("orders", "orders.eu", "orders-tmp", "payments", "payments2", "__consumer_offsets",
                "x-orders"))).containsExactly("orders", "orders.eu", "payments");
    }

    @Test
    void include_patterns_matching_nothing_are_reported() {
        TopicSelector s = new TopicSelector(List.of("orders.*", "ordrs"), List.of(), true);
        assertThat(s.unmatchedIncludes(List.of("orders", "__ordrs"))).containsExactly("ordrs");
    }
}
