package dev.kafkadr.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ExternalToolTest {

    @Test
    void a_missing_tool_that_is_not_required_skips_the_test() {
        assertThat(ExternalTool.required("kdr-no-such-tool")).isFalse();
        assertThatThrownBy(() -> ExternalTool.require("kdr-no-such-tool", "apt-get install nothing"))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("KDR_REQUIRE_KDR_NO_SUCH_TOOL=1");
    }

    @Test
    void the_requirement_variable_is_named_after_the_tool() {
        assertThat(ExternalTool.requirementVariable("systemd-analyze")).isEqualTo("KDR_REQUIRE_SYSTEMD_ANALYZE");
        assertThat(ExternalTool.requirementVariable("promtool")).isEqualTo("KDR_REQUIRE_PROMTOOL");
    }

    @Test
    void a_tool_on_the_path_is_found() {
        assertThat(ExternalTool.find("sh")).isPresent();
    }
}
