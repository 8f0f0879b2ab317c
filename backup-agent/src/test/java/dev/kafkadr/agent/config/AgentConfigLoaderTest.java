package dev.kafkadr.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kafkadr.archive.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigLoaderTest {

    @TempDir
    Path dir;

    private Path yaml(String text) throws Exception {
        Path f = dir.resolve("agent.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void the_documented_minimal_config_loads_with_every_key_as_shown() throws Exception {
        Path f = yaml("""
                source:
                  name: prod                      # the cluster's name inside the archive
                  bootstrap-servers: 127.0.0.1:9092
                  command-config: client.properties   # optional
                topics:
                  include: ["orders.*", "payments"]
                  exclude: []
                store:
                  uri: file:///var/lib/kdr/archive
                schedule:
                  cron: "0 0 2 * * ?"             # Quartz cron
                """);
        AgentConfig c = AgentConfigLoader.load(f, Map.of());
        assertThat(c.clusterName()).isEqualTo("prod");
        assertThat(c.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(c.commandConfig()).contains(dir.resolve("client.properties"));
        assertThat(c.topicsInclude()).containsExactly("orders.*", "payments");
        assertThat(c.topicsExclude()).isEmpty();
        assertThat(c.storeUri()).isEqualTo("file:///var/lib/kdr/archive");
        assertThat(c.cron()).contains("0 0 2 * * ?");
        assertThat(c.compression().configName()).isEqualTo("zstd");
    }

    @Test
    void dotted_keys_and_flag_overrides_work_and_flags_win() throws Exception {
        Path f = yaml("source.name: a\nsource.bootstrap-servers: h:1\nstore.uri: file:///x\nbackup:\n  parallelism: 2\n");
        AgentConfig c = AgentConfigLoader.load(f, Map.of(AgentConfig.SOURCE_NAME, "b",
                AgentConfig.TOPICS_INCLUDE, List.of("x{1,2}")));
        assertThat(c.clusterName()).isEqualTo("b");
        assertThat(c.parallelism()).isEqualTo(2);
        assertThat(c.topicsInclude()).containsExactly("x{1,2}");
    }

    @Test
    void an_unknown_key_is_rejected_with_a_suggestion() throws Exception {
        Path f = yaml("source:\n  bootstrap-servers: h:1\ntopic:\n  include: [a]\nstore:\n  uri: file:///x\n");
        assertThatThrownBy(() -> AgentConfigLoader.load(f, Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage("config " + f + ": unknown key 'topic.include'; did you mean 'topics.include'? "
                        + "(see docs/agent-configuration.md)");
    }

    @Test
    void a_bad_regex_bad_cron_and_bad_uri_each_name_the_key() throws Exception {
        String base = "source:\n  bootstrap-servers: h:1\nstore:\n  uri: file:///x\n";
        assertThatThrownBy(() -> AgentConfigLoader.load(yaml(base + "topics:\n  include: ['orders[']\n"), Map.of()))
                .hasMessageContaining("topics.include").hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> AgentConfigLoader.load(yaml(base + "schedule:\n  cron: '0 0 25 * * ?'\n"), Map.of()))
                .hasMessageContaining("schedule.cron").hasMessageContaining("Hour values must be between 0 and 23");
        assertThatThrownBy(() -> AgentConfigLoader.load(yaml("source:\n  bootstrap-servers: h:1\nstore:\n"
                + "  uri: ftp://x/y\n"), Map.of()))
                .hasMessageContaining("store.uri").hasMessageContaining("unsupported store URI scheme 'ftp'");
        assertThatThrownBy(() -> AgentConfigLoader.load(yaml(base + "backup:\n  parallelism: -1\n"), Map.of()))
                .hasMessageContaining("backup.parallelism");
    }

    @Test
    void continuous_retention_needs_a_grace_period_of_at_least_twice_the_segment_age() {
        Map<String, Object> m = new java.util.HashMap<>(Map.of(AgentConfig.SOURCE_BOOTSTRAP, "h:1",
                AgentConfig.STORE_URI, "file:///x", AgentConfig.MODE, "continuous",
                AgentConfig.SEGMENT_MAX_AGE_MS, "60000", AgentConfig.RETENTION_MAX_RUNS, "10",
                AgentConfig.RETENTION_GRACE_MS, "119999"));
        assertThatThrownBy(() -> AgentConfigLoader.load(null, m)).isInstanceOf(UsageException.class)
                .hasMessage("retention.garbage-grace.ms is 119999 but continuous mode with a retention policy needs "
                        + "at least twice backup.segment.max.age.ms (120000), or the sweep could delete another "
                        + "agent's in-flight segments: raise it (default 86400000)");
        m.put(AgentConfig.RETENTION_GRACE_MS, "120000");
        AgentConfigLoader.load(null, m);
        m.put(AgentConfig.RETENTION_GRACE_MS, "0");
        m.put(AgentConfig.MODE, "scheduled"); // one writer sweeping after its own run: no one else is in flight
        AgentConfigLoader.load(null, m);
    }

    @Test
    void missing_required_settings_say_which_flag_to_give() {
        assertThatThrownBy(() -> AgentConfigLoader.load(null, Map.of(AgentConfig.SOURCE_BOOTSTRAP, "h:1")))
                .hasMessageContaining("store.uri").hasMessageContaining("--store");
        assertThatThrownBy(() -> AgentConfigLoader.load(null, Map.of(AgentConfig.STORE_URI, "file:///x")))
                .hasMessageContaining("source.bootstrap-servers").hasMessageContaining("--bootstrap-server");
    }

    @Test
    void environment_references_are_substituted_and_missing_ones_rejected() throws Exception {
        Path f = yaml("source:\n  bootstrap-servers: ${env:KAFKA}\nstore:\n  uri: file:///x\n");
        AgentConfig c = AgentConfigLoader.load(f, Map.of(), Map.of("KAFKA", "k:9092")::get);
        assertThat(c.bootstrapServers()).isEqualTo("k:9092");
        assertThatThrownBy(() -> AgentConfigLoader.load(f, Map.of(), Map.<String, String>of()::get))
                .hasMessageContaining("environment variable KAFKA, which is not set");
    }

    @Test
    void malformed_yaml_is_one_line_with_the_line_number() throws Exception {
        Path f = yaml("source:\n  name: [unclosed\n");
        assertThatThrownBy(() -> AgentConfigLoader.load(f, Map.of())).isInstanceOf(UsageException.class)
                .hasMessageContaining("is not valid YAML").hasMessageContaining("line");
    }

    @Test
    void the_s3_secret_never_shows_in_strings() throws Exception {
        Path f = yaml("source:\n  bootstrap-servers: h:1\nstore:\n  uri: s3://b/p\n  s3:\n"
                + "    secret-access-key: hunter2\n    access-key-id: AKIA\n");
        AgentConfig c = AgentConfigLoader.load(f, Map.of());
        assertThat(c.toString()).doesNotContain("hunter2");
        assertThat(c.storeOptions().toString()).doesNotContain("hunter2");
        assertThat(c.storeOptions().get("s3.secret-access-key")).contains("hunter2");
    }

    @Test
    void encryption_key_locations_resolve_against_the_config_file_and_a_key_needs_an_id() throws Exception {
        String base = "source:\n  bootstrap-servers: h:1\nstore:\n  uri: file:///x\n  encryption:\n"
                + "    key-file: keys/current.key\n";
        AgentConfig c = AgentConfigLoader.load(yaml(base + "    key-id: 2026q4\n"
                + "    previous-key-files: ['2026q3=keys/old.key']\n"), Map.of());
        assertThat(c.storeOptions().get("encryption.key-file")).contains(dir.resolve("keys/current.key").toString());
        assertThat(c.storeOptions().get("encryption.key-id")).contains("2026q4");
        assertThat(c.storeOptions().get("encryption.previous-key-files"))
                .contains("2026q3=" + dir.resolve("keys/old.key"));
        assertThatThrownBy(() -> AgentConfigLoader.load(yaml(base), Map.of())).isInstanceOf(UsageException.class)
                .hasMessageContaining("store.encryption.key-id is required");
    }

    @Test
    void the_documented_continuous_config_loads_and_defaults_the_group_from_the_source_name() throws Exception {
        Path f = yaml("""
                source: {name: prod, bootstrap-servers: 127.0.0.1:9092}
                store: {uri: file:///var/lib/kdr/archive}
                mode: continuous
                agent: {group-id: kdr-agent-prod, writer-id: agent-1}
                backup: {segment.max.age.ms: 180000, snapshot.interval.ms: 300000}
                """);
        AgentConfig c = AgentConfigLoader.load(f, Map.of());
        assertThat(c.continuous()).isTrue();
        assertThat(c.groupId()).isEqualTo("kdr-agent-prod");
        assertThat(c.writerId()).isEqualTo("agent-1");
        assertThat(c.segmentMaxAge()).hasSeconds(180);
        assertThat(c.snapshotInterval()).hasSeconds(300);
        AgentConfig defaults = AgentConfigLoader.load(null, Map.of("source.bootstrap-servers", "h:1",
                "store.uri", "file:///x", "source.name", "east"));
        assertThat(defaults.continuous()).isFalse();
        assertThat(defaults.groupId()).isEqualTo("kdr-agent-east");
        assertThatThrownBy(() -> AgentConfigLoader.load(null, Map.of("source.bootstrap-servers", "h:1",
                "store.uri", "file:///x", "mode", "sometimes"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("mode");
    }
}
