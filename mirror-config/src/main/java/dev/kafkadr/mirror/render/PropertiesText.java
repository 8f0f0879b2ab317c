package dev.kafkadr.mirror.render;

import java.util.Map;

/**
 * Writes Java properties text that {@code java.util.Properties.load} reads back to exactly the same map: backslashes,
 * separators in keys, leading spaces and non-ASCII characters escaped; no timestamp; entries in the order given.
 * Stateless.
 */
public final class PropertiesText {

    private PropertiesText() {
    }

    /** {@code # text} lines for each line of {@code comment}. */
    public static void comment(StringBuilder out, String comment) {
        for (String line : comment.split("\n", -1)) {
            out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
    }

    /** Appends {@code key = value} lines for every entry. */
    public static void entries(StringBuilder out, Map<String, String> entries) {
        entries.forEach((k, v) -> out.append(escape(k, true)).append(" = ").append(escape(v, false)).append('\n'));
    }

    static String escape(String s, boolean key) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\f' -> b.append("\\f");
                case ' ' -> b.append(key || i == 0 ? "\\ " : " ");
                case '=', ':', '#', '!' -> b.append(key || i == 0 && (c == '#' || c == '!') ? "\\" + c : c);
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
