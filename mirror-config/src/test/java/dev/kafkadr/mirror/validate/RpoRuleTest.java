package dev.kafkadr.mirror.validate;

import static dev.kafkadr.mirror.validate.RuleTesting.flow;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RpoRuleTest {

    private final Rule rule = new RpoRule();

    @Test
    void derived_intervals_fit_the_rpo() {
        assertThat(flow(rule, "")).isEmpty();
        assertThat(flow(rule, "").toString()).isEqualTo(flow(rule, "").toString());
    }

    @Test
    void checkpoint_plus_sync_intervals_longer_than_the_rpo_are_an_error() {
        assertThat(flow(rule, "config: {emit.checkpoints.interval.seconds: 240, sync.group.offsets.interval.seconds: 120}"))
                .containsExactly("ERROR RPO_EXCEEDED [flow a->b] flows[0].rpo: consumer offsets on 'b' may lag by "
                        + "emit.checkpoints.interval.seconds (240) + sync.group.offsets.interval.seconds (120) = 360 s, "
                        + "more than the RPO of 300 s; fix: lower those intervals in flows[0].config so their sum is at "
                        + "most 300, or relax the RPO");
    }

    @Test
    void slow_topic_refresh_is_a_warning() {
        assertThat(flow(rule, "config: {refresh.topics.interval.seconds: 600}")).containsExactly(
                "WARNING RPO_REFRESH [flow a->b] flows[0].config.refresh.topics.interval.seconds: "
                        + "refresh.topics.interval.seconds is 600 s, longer than the RPO of 300 s: new topics are "
                        + "mirrored that late; fix: set refresh.topics.interval.seconds to at most 300");
    }
}
