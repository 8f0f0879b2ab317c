package dev.kafkadr.mirror.mm2;

import dev.kafkadr.mirror.plan.DidYouMean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a pass-through key is one MirrorMaker 2 will actually use where the plan puts it, using
 * {@link Mm2Catalog}. A key MirrorMaker 2 does not know is silently dropped by it; this class names it and suggests
 * the closest known key. Stateless and thread-safe.
 */
public final class KeyChecker {

    /** Where a key is written. */
    public enum Scope {
        /** {@code clusters.ALIAS.client}: client settings, written {@code ALIAS.KEY}. */
        CLUSTER_CLIENT,
        /** {@code flows[i].config}: connector settings, written {@code SOURCE->TARGET.KEY}. */
        FLOW,
        /** {@code mirrorMaker.config}: top-level {@code mm2.properties} keys. */
        TOP_LEVEL,
        /** {@code mirrorMaker.worker}: Connect worker settings, written {@code TARGET.KEY}. */
        WORKER
    }

    /** The outcome for one key. */
    public enum Kind { KNOWN, UNKNOWN, IGNORED_AT_TOP_LEVEL }

    /** Verdict with an optional suggestion (null when none is close). */
    public record Verdict(Kind kind, String suggestion) {
        static final Verdict KNOWN = new Verdict(Kind.KNOWN, null);
    }

    private record Family(String prefix, String role) {
    }

    private static final List<Family> FLOW_FAMILIES = List.of(
            new Family("producer.override.", "producer."), new Family("consumer.override.", "consumer."),
            new Family("admin.override.", "admin."),
            new Family("source.cluster.", ""), new Family("target.cluster.", ""),
            new Family("source.producer.", "producer."), new Family("target.producer.", "producer."),
            new Family("source.consumer.", "consumer."), new Family("target.consumer.", "consumer."),
            new Family("source.admin.", "admin."), new Family("target.admin.", "admin."),
            new Family("producer.", "producer."), new Family("consumer.", "consumer."), new Family("admin.", "admin."));

    private static final List<Family> CLIENT_FAMILIES = List.of(new Family("producer.", "producer."),
            new Family("consumer.", "consumer."), new Family("admin.", "admin."));

    private final Mm2Catalog catalog;

    public KeyChecker(Mm2Catalog catalog) {
        this.catalog = catalog;
    }

    /** Checks {@code key} written in {@code scope}; {@code aliases} are the plan's cluster aliases. */
    public Verdict check(String key, Scope scope, Collection<String> aliases) {
        if (Mm2Catalog.OPEN_PREFIXES.stream().anyMatch(key::startsWith)) {
            return Verdict.KNOWN;
        }
        return switch (scope) {
            case CLUSTER_CLIENT -> direct(key, catalog.clientKeys(), CLIENT_FAMILIES);
            case FLOW -> direct(key, catalog.connectorKeys(), FLOW_FAMILIES);
            case WORKER -> direct(key, union(catalog.workerKeys(), catalog.clientKeys()), CLIENT_FAMILIES);
            case TOP_LEVEL -> topLevel(key, aliases);
        };
    }

    private Verdict topLevel(String key, Collection<String> aliases) {
        int arrow = key.indexOf("->");
        if (arrow > 0) {
            int dot = key.indexOf('.', arrow);
            if (dot > 0 && aliases.contains(key.substring(0, arrow)) && aliases.contains(key.substring(arrow + 2, dot))) {
                return prefixed(key.substring(0, dot + 1), check(key.substring(dot + 1), Scope.FLOW, aliases));
            }
        }
        for (String alias : aliases) {
            if (key.startsWith(alias + ".")) {
                String tail = key.substring(alias.length() + 1);
                Verdict v = check(tail, Scope.WORKER, aliases);
                return prefixed(alias + ".", v);
            }
        }
        if (catalog.topLevelKeys().contains(key) || catalog.connectorKeys().contains(key)
                || catalog.clientKeys().contains(key)) {
            return Verdict.KNOWN;
        }
        if (catalog.workerKeys().contains(key)) {
            return Mm2Catalog.honoredAtTopLevel(key) ? Verdict.KNOWN : new Verdict(Kind.IGNORED_AT_TOP_LEVEL, null);
        }
        Set<String> all = union(union(catalog.topLevelKeys(), catalog.connectorKeys()),
                union(catalog.clientKeys(), catalog.workerKeys()));
        return new Verdict(Kind.UNKNOWN, DidYouMean.closest(key, all).orElse(null));
    }

    private static Verdict prefixed(String prefix, Verdict v) {
        return v.suggestion() == null ? v : new Verdict(v.kind(), prefix + v.suggestion());
    }

    private Verdict direct(String key, Set<String> keys, List<Family> families) {
        if (keys.contains(key)) {
            return Verdict.KNOWN;
        }
        for (Family f : families) {
            if (key.startsWith(f.prefix())) {
                Set<String> tails = catalog.clientKeysFor(f.role());
                String tail = key.substring(f.prefix().length());
                if (tails.contains(tail)) {
                    return Verdict.KNOWN;
                }
                List<String> candidates = new ArrayList<>(keys);
                tails.forEach(t -> candidates.add(f.prefix() + t));
                return new Verdict(Kind.UNKNOWN, DidYouMean.closest(key, candidates).orElse(null));
            }
        }
        return new Verdict(Kind.UNKNOWN, DidYouMean.closest(key, keys).orElse(null));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.TreeSet<>(a);
        u.addAll(b);
        return u;
    }
}
