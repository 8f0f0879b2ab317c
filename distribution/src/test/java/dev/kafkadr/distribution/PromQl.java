package dev.kafkadr.distribution;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the metric names (with the label names of their matchers) a PromQL expression refers to: enough of PromQL's
 * lexical rules to tell metric names from functions, keywords, label names, durations, strings and numbers.
 * Grafana variables ($cluster, ${var}, $__rate_interval) are replaced by harmless values first. Stateless.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "sum", "min", "max", "avg", "count", "stddev", "stdvar",
            "topk", "bottomk", "quantile", "count_values", "group", "inf", "nan");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(");
    private static final Pattern IDENT = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");

    private PromQl() {
    }

    /** Metric names in {@code expr}, each with the label names its {@code {...}} matcher uses (maybe none). */
    static Map<String, Set<String>> metrics(String expr) {
        String s = expr.replace("$__rate_interval", "5m").replace("$__interval", "1m").replace("$__range", "1d")
                .replaceAll("\\$\\{[^}]*}", "1").replaceAll("\\$[a-zA-Z_][a-zA-Z0-9_]*", "1");
        s = s.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("'(?:[^'\\\\]|\\\\.)*'", "''");
        s = s.replaceAll("\\[[^]]*]", " ");
        // blank out the label lists of by (...), on (...), ...: they name labels, not metrics
        StringBuilder blanked = new StringBuilder(s);
        Matcher g = GROUPING.matcher(s);
        while (g.find()) {
            int close = s.indexOf(')', g.end());
            for (int i = g.start(); i < close; i++) {
                blanked.setCharAt(i, ' ');
            }
        }
        s = blanked.toString();
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Matcher m = IDENT.matcher(s);
        int pos = 0;
        while (m.find(pos)) {
            pos = m.end();
            String name = m.group();
            if (m.start() > 0 && (Character.isDigit(s.charAt(m.start() - 1)) || s.charAt(m.start() - 1) == '.')) {
                continue; // unit of a number such as 26h or 1e3
            }
            int next = skipSpaces(s, m.end());
            boolean call = next < s.length() && s.charAt(next) == '(';
            if (call || KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            Set<String> labels = out.computeIfAbsent(name, k -> new LinkedHashSet<>());
            if (next < s.length() && s.charAt(next) == '{') {
                int close = s.indexOf('}', next);
                Matcher l = LABEL_NAME.matcher(s.substring(next + 1, close));
                while (l.find()) {
                    labels.add(l.group(1));
                }
                pos = close + 1;
            }
        }
        return out;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
