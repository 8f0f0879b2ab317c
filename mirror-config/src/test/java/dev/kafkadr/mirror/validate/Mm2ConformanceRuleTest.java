package dev.kafkadr.mirror.validate;

import static dev.kafkadr.mirror.validate.RuleTesting.flow;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Mm2ConformanceRuleTest {

    private final Rule rule = new Mm2ConformanceRule();

    @Test
    void mm2_accepts_the_minimal_plan() {
        assertThat(flow(rule, "")).isEmpty();
    }

    @Test
    void a_value_of_the_wrong_type_is_reported_from_mm2s_own_validation() {
        assertThat(flow(rule, "config: {offset.lag.max: lots}")).contains("ERROR MM2_REJECTED [flow a->b] "
                + "mm2/mm2-b.properties a->b.offset.lag.max: MirrorMaker 2 rejects the generated configuration: "
                + "MirrorSourceConnector: Invalid value lots for configuration offset.lag.max: Not a number of type LONG; "
                + "fix: correct the pass-through setting named in the message");
    }

    @Test
    void an_invalid_enum_value_is_reported() {
        assertThat(flow(rule, "config: {errors.tolerance: some}")).isNotEmpty()
                .allMatch(l -> l.startsWith("ERROR MM2_REJECTED [flow a->b]") && l.contains("errors.tolerance"));
    }
}
