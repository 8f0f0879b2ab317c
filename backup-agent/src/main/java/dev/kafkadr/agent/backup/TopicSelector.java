package dev.kafkadr.agent.backup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Chooses names (topics or groups) by include/exclude regexes matched against the whole name. Internal names
 * (leading "__") are never selected for topics. Immutable.
 */
public final class TopicSelector {

    private final List<Pattern> include;
    private final List<Pattern> exclude;
    private final boolean skipInternal;

    public TopicSelector(List<String> include, List<String> exclude, boolean skipInternal) {
        this.include = include.stream().filter(s -> !s.isBlank()).map(Pattern::compile).toList();
        this.exclude = exclude.stream().filter(s -> !s.isBlank()).map(Pattern::compile).toList();
        this.skipInternal = skipInternal;
    }

    public boolean matches(String name) {
        if (skipInternal && name.startsWith("__")) {
            return false;
        }
        return include.stream().anyMatch(p -> p.matcher(name).matches())
                && exclude.stream().noneMatch(p -> p.matcher(name).matches());
    }

    public SortedSet<String> select(Collection<String> names) {
        SortedSet<String> out = new TreeSet<>();
        for (String n : names) {
            if (matches(n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** Include patterns that match none of {@code names} (likely typos). */
    public List<String> unmatchedIncludes(Collection<String> names) {
        List<String> out = new ArrayList<>();
        for (Pattern p : include) {
            if (names.stream().noneMatch(n -> (!skipInternal || !n.startsWith("__")) && p.matcher(n).matches())) {
                out.add(p.pattern());
            }
        }
        return out;
    }
}
