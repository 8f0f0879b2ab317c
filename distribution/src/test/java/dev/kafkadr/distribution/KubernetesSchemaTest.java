package dev.kafkadr.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A strict schema check of deploy/kubernetes: every object is read into fabric8's typed Kubernetes model (wrong
 * types fail) and no field may end up in a model's "additional properties" (misspelled or unknown fields fail), in
 * the spirit of kubeconform -strict. The ServiceMonitor (a CRD) is checked structurally by KubernetesExamplesTest.
 */
class KubernetesSchemaTest {

    static final Map<String, Class<?>> TYPES = Map.of("batch/v1/CronJob", CronJob.class,
            "apps/v1/Deployment", Deployment.class, "v1/ConfigMap", ConfigMap.class, "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class);
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_builtin_object_matches_the_kubernetes_schema_without_unknown_fields() throws IOException {
        int checked = 0;
        try (Stream<Path> files = Files.list(RepoFiles.path("deploy/kubernetes"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                for (JsonNode doc : Yaml.documents(f)) {
                    Class<?> type = TYPES.get(doc.path("apiVersion").asText() + "/" + doc.path("kind").asText());
                    if (type == null) {
                        assertThat(doc.path("kind").asText()).as("only CRDs are left unchecked").isEqualTo(
                                "ServiceMonitor");
                        continue;
                    }
                    assertThat(unknownFields(JSON.treeToValue(doc, type))).as("%s %s in %s", doc.path("kind"),
                            doc.path("metadata").path("name"), f.getFileName()).isEmpty();
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(5);
    }

    @Test
    void a_misspelled_field_is_found() throws Exception {
        JsonNode doc = Yaml.documents(RepoFiles.path("deploy/kubernetes/kdr-agent-cronjob.yaml")).get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("spec")).put("concurencyPolicy", "Forbid");
        assertThat(unknownFields(JSON.treeToValue(doc, CronJob.class)))
                .containsExactly(".spec: unknown [concurencyPolicy]");
    }

    /** Paths of every model object with fields the model does not know. */
    static List<String> unknownFields(Object model) {
        List<String> out = new ArrayList<>();
        walk(model, "", out);
        return out;
    }

    private static void walk(Object o, String path, List<String> out) {
        if (o == null || o instanceof CharSequence || o instanceof Number || o instanceof Boolean || o instanceof Enum) {
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, out));
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                walk(e, path + "[" + i++ + "]", out);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || Modifier.isStatic(m.getModifiers())
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(o);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(m.toString(), e);
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(path + ": unknown " + extra.keySet());
                }
            } else {
                String name = m.getName().substring(3);
                walk(value, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), out);
            }
        }
    }
}
