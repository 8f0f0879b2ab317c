package dev.kafkadr.mirror.validate;

import static dev.kafkadr.mirror.validate.RuleTesting.flow;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegexRuleTest {

    private final Rule rule = new RegexRule();

    @Test
    void pattern_that_does_not_compile_is_an_error() {
        assertThat(flow(rule, "topics: {include: ['orders.(eu|us']}")).containsExactly("ERROR INVALID_REGEX "
                + "[flow a->b] flows[0].topics.include[0]: 'orders.(eu|us' is not a valid regular expression: "
                + "Unclosed group near index 13; fix: fix the pattern (Java regex syntax)");
    }

    @Test
    void pattern_with_a_comma_is_an_error_because_mm2_splits_lists() {
        assertThat(flow(rule, "groups: {include: ['.*'], exclude: ['tmp-\\d{1,3}']}")).containsExactly(
                "ERROR INVALID_REGEX [flow a->b] flows[0].groups.exclude[0]: 'tmp-\\d{1,3}' contains a comma, and "
                        + "MirrorMaker 2 splits this setting on commas; fix: rewrite it without ',' (e.g. a{1,3} as "
                        + "(a|aa|aaa)) or use two patterns");
    }
}
