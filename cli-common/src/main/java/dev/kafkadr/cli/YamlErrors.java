package dev.kafkadr.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a YAML parser error (several lines: context, source excerpt, caret, problem) into one short phrase: where
 * ("at line L, column C") and what ("expected ',' or ']', but got :"), for the agent config and the DR plan.
 * Stateless.
 */
public final class YamlErrors {

    private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

    private YamlErrors() {
    }

    /** " at line L, column C (problem)", or what the parser reported when it has no position. */
    public static String describe(JsonProcessingException e) {
        String original = String.valueOf(e.getOriginalMessage());
        List<String> lines = original.lines().toList();
        String problem = null;
        String line = null;
        String column = null;
        for (String l : lines) {
            Matcher m = MARK.matcher(l);
            if (l.startsWith(" in ") && m.find()) {
                line = m.group(1);
                column = m.group(2);
            } else if (!l.isBlank() && !Character.isWhitespace(l.charAt(0))) {
                problem = l.strip();
            }
        }
        if (line == null && e.getLocation() != null) {
            line = String.valueOf(e.getLocation().getLineNr());
            column = String.valueOf(e.getLocation().getColumnNr());
        }
        String where = line == null ? "" : " at line " + line + ", column " + column;
        String what = problem == null ? "" : " (" + problem + ")";
        return where + what;
    }
}
