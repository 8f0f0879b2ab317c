package dev.kafkadr.mirror.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kafka release version {@code major.minor[.patch]}, ordered numerically. Immutable. */
public record KafkaVersion(int major, int minor, int patch) implements Comparable<KafkaVersion> {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** The version whose MirrorMaker 2 definitions this module is built against. */
    public static final KafkaVersion BUILT_AGAINST = new KafkaVersion(4, 3, 1);

    /** Parses {@code 4.3} or {@code 4.3.1}; null if the text is not of that form. */
    public static KafkaVersion parse(String text) {
        Matcher m = FORMAT.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        return new KafkaVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    public static KafkaVersion of(int major, int minor) {
        return new KafkaVersion(major, minor, 0);
    }

    public boolean isBefore(KafkaVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(KafkaVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c == 0 ? Integer.compare(patch, o.patch) : c;
    }

    /** {@code 4.3.1}; minor-only versions print as {@code 4.3}. */
    @Override
    public String toString() {
        return patch == 0 ? major + "." + minor : major + "." + minor + "." + patch;
    }
}
