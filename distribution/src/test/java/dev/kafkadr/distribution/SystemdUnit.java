package dev.kafkadr.distribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed systemd unit file: section to key to values (a key may repeat), continuation lines joined. Immutable. */
record SystemdUnit(Map<String, Map<String, List<String>>> sections) {

    static SystemdUnit parse(String text) {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        String pending = "";
        for (String raw : text.split("\n")) {
            String line = pending + raw.strip();
            pending = "";
            if (line.endsWith("\\")) {
                pending = line.substring(0, line.length() - 1) + " ";
                continue;
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (current == null || eq < 1) {
                throw new AssertionError("not a unit file line: " + line);
            }
            current.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>())
                    .add(line.substring(eq + 1).strip());
        }
        return new SystemdUnit(sections);
    }

    /** The last value of a key (systemd's rule for single-valued settings), or null. */
    String get(String section, String key) {
        List<String> values = sections.getOrDefault(section, Map.of()).get(key);
        return values == null ? null : values.get(values.size() - 1);
    }

    List<String> all(String section, String key) {
        return sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of());
    }
}
