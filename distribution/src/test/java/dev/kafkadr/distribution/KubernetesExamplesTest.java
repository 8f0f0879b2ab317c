package dev.kafkadr.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kafkadr.agent.cli.AgentCommand;
import dev.kafkadr.agent.config.AgentConfig;
import dev.kafkadr.agent.config.AgentConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * deploy/kubernetes/: the CronJob, the service-mode Deployment, their ConfigMap (whose agent.yaml must load with the
 * agent's own loader, so the example never drifts from the config contract), Service, ServiceMonitor, ServiceAccount.
 */
class KubernetesExamplesTest {

    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|jaas|key).*");

    static List<JsonNode> objects = new ArrayList<>();

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws IOException {
        try (Stream<Path> files = Files.list(RepoFiles.path("deploy/kubernetes"))) {
            files.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(f -> objects.addAll(Yaml.documents(f)));
        }
    }

    static JsonNode object(String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())
                        && name.equals(o.path("metadata").path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/kubernetes"));
    }

    static JsonNode cronJobPod() {
        return object("CronJob", "kdr-agent").path("spec").path("jobTemplate").path("spec").path("template");
    }

    static JsonNode deploymentPod() {
        return object("Deployment", "kdr-agent").path("spec").path("template");
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    AgentConfig configMapAgentConfig(Map<String, Object> overrides) throws IOException {
        JsonNode cm = object("ConfigMap", "kdr-agent-config");
        Path file = Files.writeString(tmp.resolve("agent.yaml"), cm.path("data").path("agent.yaml").asText());
        return AgentConfigLoader.load(file, overrides, name -> null);
    }

    @Test
    void every_object_has_api_version_kind_name_namespace_and_the_app_label() {
        assertThat(objects).extracting(o -> o.path("kind").asText())
                .contains("ConfigMap", "CronJob", "Deployment", "Service", "ServiceMonitor", "ServiceAccount");
        for (JsonNode o : objects) {
            assertThat(o.path("apiVersion").asText()).as("apiVersion of %s", o.path("kind")).isNotBlank();
            assertThat(o.path("metadata").path("namespace").asText()).isEqualTo("kafka-dr");
            assertThat(o.path("metadata").path("labels").path("app.kubernetes.io/name").asText()).isEqualTo("kdr-agent");
        }
    }

    @Test
    void the_config_map_agent_yaml_loads_with_the_agents_own_loader() throws IOException {
        AgentConfig cfg = configMapAgentConfig(Map.of());
        assertThat(cfg.clusterName()).isEqualTo("prod");
        assertThat(cfg.storeUri()).startsWith("s3://");
        assertThat(cfg.cron()).isPresent();
        assertThat(cfg.commandConfig()).contains(Path.of("/var/run/secrets/kdr/client.properties"));
        assertThat(cfg.metricsPort()).isEqualTo(9404);
    }

    @Test
    void the_config_map_holds_no_secrets() {
        String agentYaml = object("ConfigMap", "kdr-agent-config").path("data").path("agent.yaml").asText();
        assertThat(agentYaml).doesNotContainIgnoringCase("secret-access-key").doesNotContainIgnoringCase("password")
                .doesNotContainIgnoringCase("sasl.jaas.config");
        assertThat(objects).as("no Secret manifests: secrets are created from files").noneMatch(
                o -> "Secret".equals(o.path("kind").asText()));
    }

    @Test
    void the_cron_job_runs_once_never_concurrently_with_deadlines_and_retries() throws IOException {
        JsonNode spec = object("CronJob", "kdr-agent").path("spec");
        assertThat(object("CronJob", "kdr-agent").path("apiVersion").asText()).isEqualTo("batch/v1");
        assertThat(spec.path("schedule").asText()).matches("\\S+( \\S+){4}");
        assertThat(spec.path("concurrencyPolicy").asText()).isEqualTo("Forbid");
        assertThat(spec.path("startingDeadlineSeconds").asInt()).isPositive();
        assertThat(spec.path("jobTemplate").path("spec").has("backoffLimit")).isTrue();
        assertThat(spec.path("jobTemplate").path("spec").path("activeDeadlineSeconds").asInt()).isPositive();
        assertThat(cronJobPod().path("spec").path("restartPolicy").asText()).isIn("Never", "OnFailure");

        List<String> args = strings(container(cronJobPod()).path("args"));
        assertThat(args).containsSubsequence("--once", "--config", "/etc/kdr/agent.yaml");
        CommandLine.ParseResult parsed = new CommandLine(new AgentCommand()).parseArgs(args.toArray(String[]::new));
        assertThat(parsed.hasMatchedOption("--once")).isTrue();
        // the --set overrides on the command line load too
        Map<String, String> sets = parsed.matchedOptionValue("--set", Map.of());
        assertThat(configMapAgentConfig(Map.copyOf(sets)).metricsPort()).isEqualTo(-1);
    }

    @Test
    void the_config_and_credentials_come_from_the_config_map_and_a_secret_mounted_as_files() throws IOException {
        for (JsonNode pod : List.of(cronJobPod(), deploymentPod())) {
            JsonNode container = container(pod);
            String configArg = strings(container.path("args")).get(strings(container.path("args")).indexOf("--config") + 1);
            JsonNode configVolume = volume(pod, "config");
            assertThat(configVolume.path("configMap").path("name").asText()).isEqualTo("kdr-agent-config");
            assertThat(mountPath(container, "config") + "/" + configVolume.path("configMap").path("items").get(0)
                    .path("path").asText()).isEqualTo(configArg);
            assertThat(object("ConfigMap", "kdr-agent-config").path("data").has(
                    configVolume.path("configMap").path("items").get(0).path("key").asText())).isTrue();

            JsonNode secretVolume = volume(pod, "kafka-client");
            assertThat(secretVolume.path("secret").path("secretName").asText()).isEqualTo("kdr-kafka-client");
            assertThat(Path.of(mountPath(container, "kafka-client"), secretVolume.path("secret").path("items").get(0)
                    .path("path").asText())).isEqualTo(configMapAgentConfig(Map.of()).commandConfig().orElseThrow());
            for (JsonNode env : container.path("env")) {
                if (SECRET_NAME.matcher(env.path("name").asText()).matches()) {
                    assertThat(env.has("value")).as("%s must come from a Secret", env.path("name")).isFalse();
                    assertThat(env.path("valueFrom").path("secretKeyRef").path("name").asText()).isNotBlank();
                }
            }
        }
    }

    @Test
    void pods_run_as_non_root_with_a_read_only_root_file_system_a_writable_tmp_and_resources() {
        for (JsonNode pod : List.of(cronJobPod(), deploymentPod())) {
            JsonNode spec = pod.path("spec");
            assertThat(spec.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
            assertThat(spec.path("securityContext").path("runAsUser").asInt()).isPositive();
            assertThat(spec.path("terminationGracePeriodSeconds").asInt()).as("time to abandon a run")
                    .isGreaterThanOrEqualTo(90);
            JsonNode c = container(pod);
            assertThat(c.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
            assertThat(strings(c.path("securityContext").path("capabilities").path("drop"))).contains("ALL");
            assertThat(volume(pod, "tmp").has("emptyDir")).isTrue();
            assertThat(mountPath(c, "tmp")).isEqualTo("/tmp");
            assertThat(c.path("resources").path("requests").path("memory").asText()).isNotBlank();
            assertThat(c.path("resources").path("requests").path("cpu").asText()).isNotBlank();
            assertThat(c.path("resources").path("limits").path("memory").asText()).isNotBlank();
        }
    }

    @Test
    void the_service_mode_deployment_is_a_single_scheduled_agent_exposing_its_metrics_port() throws IOException {
        JsonNode spec = object("Deployment", "kdr-agent").path("spec");
        assertThat(spec.path("replicas").asInt()).isEqualTo(1);
        assertThat(spec.path("strategy").path("type").asText()).isEqualTo("Recreate");
        JsonNode c = container(deploymentPod());
        List<String> args = strings(c.path("args"));
        assertThat(args).doesNotContain("--once").contains("--config");
        new CommandLine(new AgentCommand()).parseArgs(args.toArray(String[]::new));

        int port = configMapAgentConfig(Map.of()).metricsPort();
        assertThat(c.path("ports").get(0).path("containerPort").asInt()).isEqualTo(port);
        JsonNode annotations = deploymentPod().path("metadata").path("annotations");
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(String.valueOf(port));
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/metrics");
        assertThat(c.path("livenessProbe").path("httpGet").path("path").asText())
                .as("/health is 503 after a failed run: not a liveness signal").isEqualTo("/metrics");
    }

    @Test
    void the_service_and_service_monitor_select_the_agent_and_its_metrics_port() {
        JsonNode service = object("Service", "kdr-agent-metrics");
        JsonNode podLabels = deploymentPod().path("metadata").path("labels");
        service.path("spec").path("selector").fields().forEachRemaining(e ->
                assertThat(podLabels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
        assertThat(service.path("spec").path("ports").get(0).path("targetPort").asText())
                .isEqualTo(container(deploymentPod()).path("ports").get(0).path("name").asText());

        JsonNode monitor = object("ServiceMonitor", "kdr-agent").path("spec");
        monitor.path("selector").path("matchLabels").fields().forEachRemaining(e ->
                assertThat(service.path("metadata").path("labels").path(e.getKey()).asText())
                        .isEqualTo(e.getValue().asText()));
        assertThat(monitor.path("endpoints").get(0).path("port").asText())
                .isEqualTo(service.path("spec").path("ports").get(0).path("name").asText());
        // the alert rules expect job="kdr-agent": the job label comes from the Service's label named by jobLabel
        assertThat(service.path("metadata").path("labels").path(monitor.path("jobLabel").asText()).asText())
                .isEqualTo("kdr-agent");
        assertThat(RepoFiles.read(PrometheusRulesTest.RULES)).contains("job=\"kdr-agent\"");
    }

    @Test
    void pods_use_the_agents_service_account_which_has_no_api_token() {
        assertThat(object("ServiceAccount", "kdr-agent").path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(cronJobPod().path("spec").path("serviceAccountName").asText()).isEqualTo("kdr-agent");
        assertThat(deploymentPod().path("spec").path("serviceAccountName").asText()).isEqualTo("kdr-agent");
    }

    static JsonNode container(JsonNode pod) {
        JsonNode containers = pod.path("spec").path("containers");
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode v : pod.path("spec").path("volumes")) {
            if (name.equals(v.path("name").asText())) {
                return v;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    static String mountPath(JsonNode container, String volume) {
        for (JsonNode m : container.path("volumeMounts")) {
            if (volume.equals(m.path("name").asText())) {
                return m.path("mountPath").asText();
            }
        }
        throw new AssertionError("volume " + volume + " not mounted");
    }
}
