package dev.kafkadr.mirror.validate;

import static dev.kafkadr.mirror.validate.RuleTesting.flow;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OffsetSyncRuleTest {

    private final Rule rule = new OffsetSyncRule();

    @Test
    void checkpoints_without_offset_syncs_are_an_error() {
        assertThat(flow(rule, "config: {emit.offset-syncs.enabled: false}")).containsExactly(
                "ERROR CHECKPOINTS_NEED_OFFSET_SYNCS [flow a->b] flows[0].config.emit.offset-syncs.enabled: "
                        + "emit.offset-syncs.enabled is false, but checkpoints and group offset sync are on: without "
                        + "offset syncs no consumer offset can be translated; fix: remove emit.offset-syncs.enabled: "
                        + "false, or also set emit.checkpoints.enabled: false and syncGroupOffsets: false (then clients "
                        + "must find their position themselves)");
    }

    @Test
    void group_sync_without_checkpoints_is_an_error() {
        assertThat(flow(rule, "config: {emit.checkpoints.enabled: false}")).containsExactly(
                "ERROR CHECKPOINTS_NEED_OFFSET_SYNCS [flow a->b] flows[0].config.emit.checkpoints.enabled: "
                        + "syncGroupOffsets is on but emit.checkpoints.enabled is false: group offsets are synced from "
                        + "checkpoints; fix: remove emit.checkpoints.enabled: false, or set syncGroupOffsets: false");
    }

    @Test
    void everything_off_together_is_consistent() {
        assertThat(flow(rule, "syncGroupOffsets: false\nconfig: {emit.offset-syncs.enabled: false, "
                + "emit.checkpoints.enabled: false}")).isEmpty();
    }
}
