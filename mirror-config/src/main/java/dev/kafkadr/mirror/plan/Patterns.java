package dev.kafkadr.mirror.plan;

import java.util.List;

/** Include and exclude regular expressions (Java syntax, as MirrorMaker 2 uses) for topics or groups. Immutable. */
public record Patterns(List<String> include, List<String> exclude) {

    public Patterns {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public static Patterns all() {
        return new Patterns(List.of(".*"), List.of());
    }
}
