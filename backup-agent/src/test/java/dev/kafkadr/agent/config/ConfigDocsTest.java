package dev.kafkadr.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {

    @Test
    void the_committed_configuration_reference_is_generated_from_the_definitions() throws Exception {
        Path doc = Path.of("../docs/agent-configuration.md");
        String generated = ConfigDocs.markdown();
        if (Boolean.getBoolean("kdr.docs.update")) {
            Files.writeString(doc, generated);
        }
        assertThat(Files.readString(doc)).as("docs/agent-configuration.md is stale: run "
                + "mvn -pl backup-agent test -Dtest=ConfigDocsTest -Dkdr.docs.update=true").isEqualTo(generated);
        for (String key : AgentConfig.DEFINITION.names()) {
            assertThat(generated).contains("`" + key + "`");
        }
    }
}
