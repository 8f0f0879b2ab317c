package dev.kafkadr.testkit.badinput;

import dev.kafkadr.testkit.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks bad-input cases and keeps their documentation in sync: every case must exit with its code, print exactly
 * one non-empty line on stderr that matches its documented message, names the offending thing and says what to do,
 * show no stack trace, and write nothing. {@link #syncDoc} compares (or, with {@code -Dkdr.docs.update=true},
 * rewrites) the generated table of a section of docs/bad-input.md. Not thread-safe (holds the bindings).
 */
public final class BadInputCatalog {

    private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z][a-z0-9-]*>");
    private static final List<String> STACK_TRACE_MARKS = List.of("\tat ", "Caused by:", "Exception in thread",
            "(run with -v for the stack trace)");

    private final Map<String, String> bindings = new LinkedHashMap<>();

    /** Binds a placeholder such as {@code <dir>} to the value it stands for in this test run. */
    public BadInputCatalog bind(String placeholder, String value) {
        if (!PLACEHOLDER.matcher(placeholder).matches()) {
            throw new IllegalArgumentException("not a placeholder: " + placeholder);
        }
        bindings.put(placeholder, value);
        return this;
    }

    /** Runs the case and checks everything the catalogue promises about it. */
    public CommandResult check(BadInputCase c) {
        CommandResult r = c.run().get();
        String context = c.id() + " (" + c.situation() + ")\n--- out ---\n" + r.out() + "\n--- err ---\n" + r.err();
        require(r.exitCode() == c.exitCode(), "expected exit code " + c.exitCode() + " but was " + r.exitCode(),
                context);
        for (String mark : STACK_TRACE_MARKS) {
            require(!r.err().contains(mark) && !r.out().contains(mark), "stack trace or untyped failure ('"
                    + mark.strip() + "') without -v", context);
        }
        List<String> lines = r.err().lines().toList();
        require(lines.size() == 1 && !lines.get(0).isBlank(), "expected exactly one non-empty line on stderr",
                context);
        String line = lines.get(0);
        require(c.reportOnStdout() || r.out().isEmpty(), "expected nothing on stdout", context);
        require(regex(c.names()).matcher(line).find(), "the line does not name '" + bound(c.names()) + "'",
                context);
        require(regex(c.fix()).matcher(line).find(), "the line does not say what to do ('" + bound(c.fix())
                + "')", context);
        require(regex(c.message()).matcher(line).matches(), "the line does not match the documented message\n  "
                + c.message() + "\n  (bound: " + bound(c.message()) + ")", context);
        c.nothingWritten().run();
        return r;
    }

    /** Asserts that with -v the same failure prints its stack trace after the one line. */
    public static void checkVerbose(CommandResult r, int exitCode) {
        String context = "\n--- err ---\n" + r.err();
        require(r.exitCode() == exitCode, "expected exit code " + exitCode + " but was " + r.exitCode(), context);
        require(r.err().contains("\tat "), "-v should print the stack trace", context);
    }

    /** The message template with bound placeholders replaced by their values. */
    String bound(String template) {
        String s = template;
        for (Map.Entry<String, String> e : bindings.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }

    /** Literal text, bound placeholders as their values, unbound placeholders as "anything". */
    Pattern regex(String template) {
        StringBuilder re = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        while (m.find()) {
            re.append(Pattern.quote(template.substring(last, m.start())));
            String value = bindings.get(m.group());
            re.append(value == null ? ".+?" : Pattern.quote(value));
            last = m.end();
        }
        re.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    private static void require(boolean ok, String what, String context) {
        if (!ok) {
            throw new AssertionError(what + "\n" + context);
        }
    }

    // ---- documentation ------------------------------------------------------------------------------------------

    /** The markdown table of the cases, as docs/bad-input.md shows it. */
    public static String table(List<BadInputCase> cases) {
        List<String> rows = new ArrayList<>();
        rows.add("| id | case | command | exit | message (stderr) | what to do |");
        rows.add("|---|---|---|---|---|---|");
        for (BadInputCase c : cases) {
            rows.add("| " + c.id() + " | " + cell(c.situation()) + " | " + code(c.command()) + " | " + c.exitCode()
                    + " | " + code(c.message()) + " | " + cell(c.fix()) + " |");
        }
        return String.join("\n", rows) + "\n";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    private static String code(String s) {
        String fence = s.contains("`") ? "``" : "`";
        return fence + (fence.length() > 1 ? " " : "") + cell(s) + (fence.length() > 1 ? " " : "") + fence;
    }

    /**
     * Checks that the part of {@code doc} between {@code <!-- generated: section -->} and
     * {@code <!-- end generated: section -->} equals {@code content}; rewrites it instead with
     * {@code -Dkdr.docs.update=true}.
     */
    public static void syncDoc(Path doc, String section, String content, String howToUpdate) {
        String begin = "<!-- generated: " + section + " -->\n";
        String end = "<!-- end generated: " + section + " -->";
        try {
            String text = Files.readString(doc);
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            if (from < 0 || to < from) {
                throw new AssertionError(doc + " has no section markers '" + begin.strip() + "' … '" + end + "'");
            }
            String current = text.substring(from + begin.length(), to);
            if (Boolean.getBoolean("kdr.docs.update")) {
                Files.writeString(doc, text.substring(0, from + begin.length()) + content + text.substring(to));
            } else if (!current.equals(content)) {
                throw new AssertionError(doc + " section '" + section + "' is stale: " + howToUpdate
                        + "\n--- documented ---\n" + current + "\n--- generated ---\n" + content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
