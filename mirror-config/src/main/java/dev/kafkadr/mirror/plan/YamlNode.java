package dev.kafkadr.mirror.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node of the parsed plan that knows its key path ({@code flows[0].topics.include}) so every structural error names
 * where it is. Typed getters fail with a {@link PlanException}; {@link #allowOnly} rejects unknown keys with a
 * suggestion. Immutable (wraps a tree that is never modified).
 */
final class YamlNode {

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private final String file;
    private final String path;
    private final JsonNode node;

    YamlNode(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    String path() {
        return path;
    }

    PlanException error(String message) {
        return new PlanException(file + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Fails on any key not in {@code allowed}, naming it and the closest allowed key. */
    void allowOnly(Set<String> allowed) {
        requireMap();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new YamlNode(file, childPath(key), null).error("unknown key" + DidYouMean.hint(key, allowed)
                        + "; allowed here: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private void requireMap() {
        if (node == null || !node.isObject()) {
            throw error("expected a mapping (key: value) but found " + kind());
        }
    }

    private String kind() {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "nothing";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return node.isArray() ? "a list" : "'" + node.asText() + "'";
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    YamlNode child(String key) {
        requireMap();
        return new YamlNode(file, childPath(key), node.get(key));
    }

    /** The child mapping, or an empty mapping when absent. */
    YamlNode optionalMap(String key) {
        YamlNode c = child(key);
        return c.isAbsent() ? new YamlNode(file, c.path, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode()) : c;
    }

    boolean isAbsent() {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** Entries of a mapping, in file order. */
    Map<String, YamlNode> entries() {
        requireMap();
        Map<String, YamlNode> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), new YamlNode(file, childPath(e.getKey()),
                e.getValue())));
        return out;
    }

    List<YamlNode> items() {
        if (node == null || !node.isArray()) {
            throw error("expected a list but found " + kind());
        }
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new YamlNode(file, path + "[" + i + "]", node.get(i)));
        }
        return out;
    }

    String text() {
        if (isAbsent()) {
            throw error("required value is missing");
        }
        if (!node.isValueNode()) {
            throw error("expected a single value but found " + kind());
        }
        return node.asText();
    }

    String string(String key) {
        return child(key).text();
    }

    String string(String key, String dflt) {
        return has(key) ? string(key) : dflt;
    }

    int integer(String key, Integer dflt, int min) {
        YamlNode c = child(key);
        if (c.isAbsent()) {
            if (dflt == null) {
                throw c.error("required value is missing");
            }
            return dflt;
        }
        if (!c.node.isIntegralNumber()) {
            throw c.error("expected a whole number but found " + c.kind());
        }
        int v = c.node.intValue();
        if (v < min) {
            throw c.error("must be at least " + min + " but was " + v);
        }
        return v;
    }

    boolean bool(String key, boolean dflt) {
        YamlNode c = child(key);
        if (c.isAbsent()) {
            return dflt;
        }
        if (!c.node.isBoolean()) {
            throw c.error("expected true or false but found " + c.kind());
        }
        return c.node.booleanValue();
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type, E dflt) {
        YamlNode c = child(key);
        if (c.isAbsent()) {
            return dflt;
        }
        String v = c.text();
        List<String> labels = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            String label = e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            labels.add(label);
            if (label.equals(v)) {
                return e;
            }
        }
        throw c.error("expected one of " + String.join(", ", labels) + " but was '" + v + "'"
                + DidYouMean.hint(v, labels));
    }

    /** A list of strings; a single scalar counts as a one-element list, a comma-separated one is split. */
    List<String> stringList(String key, List<String> dflt) {
        YamlNode c = child(key);
        if (c.isAbsent()) {
            return dflt;
        }
        List<String> out = new ArrayList<>();
        if (c.node.isValueNode()) {
            for (String s : c.text().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
            return out;
        }
        for (YamlNode item : c.items()) {
            out.add(item.text());
        }
        return out;
    }

    /** A mapping of setting names to scalar values (numbers and booleans kept as written). */
    SortedMap<String, String> settings(String key) {
        YamlNode c = child(key);
        SortedMap<String, String> out = new TreeMap<>();
        if (c.isAbsent()) {
            return out;
        }
        c.entries().forEach((k, v) -> out.put(k, v.text()));
        return out;
    }

    /** A duration such as {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 500ms} or ISO-8601 {@code PT5M}. */
    Duration duration(String key) {
        YamlNode c = child(key);
        String text = c.text().strip();
        if (text.startsWith("PT") || text.startsWith("P")) {
            try {
                return Duration.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw c.error("'" + text + "' is not an ISO-8601 duration");
            }
        }
        Matcher m = DURATION.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            end = m.end();
        }
        if (end == 0 || end != text.length() || total.isZero()) {
            throw c.error("expected a positive duration like 30s, 5m or 1h30m but was '" + text + "'");
        }
        return total;
    }
}
