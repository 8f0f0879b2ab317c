package dev.kafkadr.mirror.validate;

import static dev.kafkadr.mirror.validate.RuleTesting.flow;
import static dev.kafkadr.mirror.validate.RuleTesting.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.mirror.Examples;
import org.junit.jupiter.api.Test;

class ExactlyOnceRuleTest {

    private final Rule rule = new ExactlyOnceRule();

    @Test
    void exactly_once_with_generated_defaults_is_fine() {
        assertThat(flow(rule, "exactlyOnce: true")).isEmpty();
    }

    @Test
    void read_uncommitted_source_consumer_is_an_error() {
        assertThat(flow(rule, "exactlyOnce: true\nconfig: {consumer.isolation.level: read_uncommitted}"))
                .containsExactly("ERROR EXACTLY_ONCE_SETTINGS [flow a->b] flows[0].config.consumer.isolation.level: "
                        + "isolation level 'read_uncommitted' for the source consumers of an exactly-once flow would "
                        + "copy aborted transactions; fix: remove it (kdr sets read_committed) or set it to "
                        + "read_committed");
    }

    @Test
    void internal_rest_switched_off_is_an_error() {
        String yaml = Examples.minimal("exactlyOnce: true")
                + "mirrorMaker:\n  config:\n    dedicated.mode.enable.internal.rest: false\n";
        assertThat(lines(rule, yaml)).containsExactly("ERROR EXACTLY_ONCE_SETTINGS [flow a->b] "
                + "mirrorMaker.config.dedicated.mode.enable.internal.rest: exactly-once flows need the internal REST "
                + "server of dedicated mode, but it is set to false; fix: remove the override (kdr enables it for "
                + "exactly-once flows)");
    }

    @Test
    void worker_exactly_once_support_not_enabled_is_an_error() {
        String yaml = Examples.minimal("exactlyOnce: true")
                + "mirrorMaker:\n  worker:\n    exactly.once.source.support: preparing\n";
        assertThat(lines(rule, yaml)).singleElement().asString().startsWith("ERROR EXACTLY_ONCE_SETTINGS [flow a->b] "
                + "mirrorMaker.worker.exactly.once.source.support: exactly.once.source.support is 'preparing' for "
                + "workers writing to 'b'; exactly-once needs 'enabled'");
    }

    @Test
    void read_uncommitted_is_allowed_without_exactly_once() {
        assertThat(flow(rule, "config: {consumer.isolation.level: read_uncommitted}")).isEmpty();
    }
}
