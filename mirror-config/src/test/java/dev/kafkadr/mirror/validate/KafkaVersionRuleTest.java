package dev.kafkadr.mirror.validate;

import static dev.kafkadr.mirror.validate.RuleTesting.lines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.mirror.Examples;
import org.junit.jupiter.api.Test;

class KafkaVersionRuleTest {

    private final Rule rule = new KafkaVersionRule();

    @Test
    void key_removed_in_4_0_is_an_error_naming_its_replacement() {
        assertThat(lines(rule, Examples.minimal("config: {topics.blacklist: 'tmp.*'}"))).containsExactly(
                "ERROR REMOVED_KEY [flow a->b] flows[0].config.topics.blacklist: 'topics.blacklist' was removed in "
                        + "Kafka 4.0 (Kafka 4.0 upgrade notes) and the plan targets 4.3.1; fix: use topics.exclude");
    }

    @Test
    void removed_key_is_no_unknown_key_error_for_older_versions() {
        String yaml = Examples.minimal("config: {topics.blacklist: 'tmp.*'}").replace("name: test",
                "name: test\nkafkaVersion: 3.7.1");
        assertThat(lines(rule, yaml)).isEmpty();
        assertThat(lines(new PassThroughKeysRule(), yaml)).isEmpty();
    }

    @Test
    void key_newer_than_the_declared_version_is_an_error() {
        String yaml = Examples.minimal("config: {emit.offset-syncs.enabled: true}").replace("name: test",
                "name: test\nkafkaVersion: 3.7");
        assertThat(lines(rule, yaml)).containsExactly("ERROR KEY_TOO_NEW [flow a->b] "
                + "flows[0].config.emit.offset-syncs.enabled: 'emit.offset-syncs.enabled' exists only since Kafka 3.9 "
                + "(KIP-1031) and the plan targets 3.7; fix: remove it, or raise kafkaVersion once MirrorMaker 2 runs "
                + "3.9 or newer");
    }

    @Test
    void exactly_once_before_3_5_is_an_error() {
        String yaml = Examples.minimal("exactlyOnce: true").replace("name: test", "name: test\nkafkaVersion: 3.4.1");
        assertThat(lines(rule, yaml)).containsExactly("ERROR KEY_TOO_NEW [flow a->b] flows[0].exactlyOnce: "
                + "exactly-once MirrorMaker 2 needs Kafka 3.5 or newer and the plan targets 3.4.1; fix: set "
                + "exactlyOnce: false, or upgrade MirrorMaker 2 and raise kafkaVersion");
    }

    @Test
    void newer_kafka_than_kdr_knows_is_a_warning() {
        String yaml = Examples.minimal("").replace("name: test", "name: test\nkafkaVersion: 4.4.0");
        assertThat(lines(rule, yaml)).containsExactly("WARNING VERSION_UNCHECKED [plan] kafkaVersion: the plan "
                + "targets Kafka 4.4 but kdr checks keys against MirrorMaker 2 4.3.1 definitions; fix: check keys added "
                + "after 4.3.1 yourself, or use a kdr built for 4.4");
    }
}
