package dev.kafkadr.agent.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kafkadr.archive.UsageException;
import dev.kafkadr.cli.YamlErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;

/**
 * Loads {@link AgentConfig} from a YAML file (nested or dotted keys, both work) plus command-line overrides, rejecting
 * unknown keys and invalid values with one line that names the file and the key. {@code ${env:NAME}} in a value is
 * replaced by that environment variable. Stateless.
 */
public final class AgentConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private AgentConfigLoader() {
    }

    /**
     * @param file      the YAML config, or null for flags only
     * @param overrides settings from command-line flags (win over the file)
     * @param env       environment lookup for ${env:NAME}
     */
    public static AgentConfig load(Path file, Map<String, Object> overrides, Function<String, String> env) {
        String where = file == null ? "command line" : "config " + file;
        Map<String, Object> values = new LinkedHashMap<>();
        if (file != null) {
            values.putAll(readYaml(file));
        }
        values.putAll(overrides);
        for (String key : values.keySet()) {
            if (!AgentConfig.DEFINITION.names().contains(key)) {
                throw new UsageException(where + ": unknown key '" + key + "'" + suggestion(key)
                        + " (see docs/agent-configuration.md)");
            }
        }
        values.replaceAll((k, v) -> substitute(v, env, where, k));
        Path base = file == null ? Path.of("").toAbsolutePath() : file.toAbsolutePath().getParent();
        try {
            return new AgentConfig(values, base);
        } catch (ConfigException e) {
            throw new UsageException(where + ": " + e.getMessage() + hintFor(e.getMessage()));
        }
    }

    public static AgentConfig load(Path file, Map<String, Object> overrides) {
        return load(file, overrides, System::getenv);
    }

    private static Map<String, Object> readYaml(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("config " + file + " does not exist or is not a file");
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new UsageException("config " + file + " is not valid YAML" + YamlErrors.describe(e)
                    + ": fix the syntax there (indentation, quotes, brackets)");
        } catch (IOException e) {
            throw new UsageException("config " + file + " cannot be read: " + e.getMessage());
        }
        Map<String, Object> flat = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return flat;
        }
        if (!root.isObject()) {
            throw new UsageException("config " + file + " must be a YAML mapping of settings");
        }
        flatten("", root, flat, file);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> out, Path file) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                flatten(key, v, out, file);
            } else if (v.isArray()) {
                List<String> list = new ArrayList<>();
                for (JsonNode item : v) {
                    if (item.isContainerNode()) {
                        throw new UsageException("config " + file + ": " + key + " must be a list of strings");
                    }
                    list.add(item.asText());
                }
                out.put(key, list);
            } else if (!v.isNull()) {
                out.put(key, v.asText());
            }
        }
    }

    private static Object substitute(Object v, Function<String, String> env, String where, String key) {
        if (v instanceof String s) {
            return substituteString(s, env, where, key);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(x -> substituteString(String.valueOf(x), env, where, key)).toList();
        }
        return v;
    }

    private static String substituteString(String s, Function<String, String> env, String where, String key) {
        Matcher m = ENV.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = env.apply(m.group(1));
            if (value == null) {
                throw new UsageException(where + ": " + key + " refers to environment variable " + m.group(1)
                        + ", which is not set");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String hintFor(String message) {
        if (message.contains(AgentConfig.STORE_URI) && message.contains("Missing")) {
            return ": set store.uri in the config file or pass --store";
        }
        if (message.contains(AgentConfig.SOURCE_BOOTSTRAP) && message.contains("Missing")) {
            return ": set source.bootstrap-servers in the config file or pass --bootstrap-server";
        }
        return "";
    }

    private static String suggestion(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : AgentConfig.DEFINITION.names()) {
            int d = distance(key, known);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return best != null && bestDistance <= Math.max(2, key.length() / 4) ? "; did you mean '" + best + "'?" : "";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
