package dev.kafkadr.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.agent.config.AgentConfigLoader;
import dev.kafkadr.kafka.KafkaClientConfig;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The distribution's launchers and conf/ examples, checked against the code they drive. */
class DistributionSourcesTest {

    static final String DIST = "distribution/src/main/dist/";
    static final String AGENT_MAIN = "dev.kafkadr.agent.cli.Main";
    static final String RESTORE_MAIN = "dev.kafkadr.restore.cli.Main";

    @Test
    void bin_kdr_is_bin_kdr_agent_with_only_the_name_and_main_class_changed() {
        List<String> agent = RepoFiles.read(DIST + "bin/kdr-agent").lines().toList();
        List<String> kdr = RepoFiles.read(DIST + "bin/kdr").lines().toList();
        assertThat(kdr).hasSameSizeAs(agent);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < agent.size(); i++) {
            if (!agent.get(i).equals(kdr.get(i))) {
                differences.add(agent.get(i) + " -> " + kdr.get(i));
            }
        }
        assertThat(differences).containsExactly("APP=kdr-agent -> APP=kdr",
                "MAIN_CLASS=" + AGENT_MAIN + " -> MAIN_CLASS=" + RESTORE_MAIN);
    }

    @Test
    void the_agent_launcher_names_the_agents_real_main_class() throws Exception {
        Method main = Class.forName(AGENT_MAIN).getMethod("main", String[].class);
        assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
        Method restoreMain = Class.forName(RESTORE_MAIN).getMethod("main", String[].class);
        assertThat(Modifier.isStatic(restoreMain.getModifiers())).isTrue();
    }

    @Test
    void the_example_agent_yaml_loads_with_the_agents_own_loader() {
        Path yaml = RepoFiles.path(DIST + "conf/agent.yaml");
        AgentConfig cfg = AgentConfigLoader.load(yaml, Map.of(), name -> null);
        assertThat(cfg.clusterName()).isEqualTo("prod");
        assertThat(cfg.storeUri()).isEqualTo("file:///var/lib/kdr/archive");
        assertThat(cfg.cron()).contains("0 0 2 * * ?");
        assertThat(cfg.commandConfig()).contains(yaml.getParent().resolve("client.properties"));
        assertThat(cfg.retentionMinRuns()).isEqualTo(3);
        assertThat(cfg.metricsPort()).isEqualTo(9404);
    }

    @Test
    void the_example_client_properties_use_only_kafka_client_settings_and_placeholders() throws Exception {
        Path file = RepoFiles.path(DIST + "conf/client.properties");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Set<String> known = new HashSet<>(AdminClientConfig.configNames());
        known.addAll(ConsumerConfig.configNames());
        known.addAll(ProducerConfig.configNames());
        assertThat(known).containsAll(p.stringPropertyNames());
        assertThat(p.getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(p.getProperty("sasl.jaas.config")).contains("REPLACE-WITH-THE-PASSWORD");
        assertThat(RepoFiles.read(DIST + "conf/client.properties")).contains("0600");
        assertThat(KafkaClientConfig.load("kafka-1.example.com:9093", file).toString())
                .doesNotContain("REPLACE-WITH-THE-PASSWORD");
    }

    @Test
    void the_log4j2_config_logs_to_stderr_so_stdout_stays_for_command_output() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(RepoFiles.path(DIST + "conf/log4j2.xml").toFile());
        var consoles = doc.getElementsByTagName("Console");
        assertThat(consoles.getLength()).isEqualTo(1);
        assertThat(((Element) consoles.item(0)).getAttribute("target")).isEqualTo("SYSTEM_ERR");
        assertThat(doc.getElementsByTagName("RollingFile").getLength() + doc.getElementsByTagName("File").getLength())
                .isZero();
    }

    @Test
    void the_agent_log4j2_config_keeps_info_on_stdout_and_warnings_and_errors_on_stderr() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(RepoFiles.path(DIST + "conf/log4j2-agent.xml").toFile());
        var consoles = doc.getElementsByTagName("Console");
        assertThat(consoles.getLength()).isEqualTo(2);
        java.util.Map<String, String> byTarget = new java.util.HashMap<>();
        for (int i = 0; i < consoles.getLength(); i++) {
            Element console = (Element) consoles.item(i);
            Element filter = (Element) console.getElementsByTagName("ThresholdFilter").item(0);
            byTarget.put(console.getAttribute("target"), filter.getAttribute("level") + " "
                    + filter.getAttribute("onMatch") + " " + filter.getAttribute("onMismatch"));
        }
        assertThat(byTarget).containsEntry("SYSTEM_OUT", "WARN DENY ACCEPT")
                .containsEntry("SYSTEM_ERR", "WARN ACCEPT DENY");
        assertThat(RepoFiles.read("distribution/src/main/dist/bin/kdr-agent")).contains("conf/log4j2-agent.xml");
    }
}
