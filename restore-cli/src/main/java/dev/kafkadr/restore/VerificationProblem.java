package dev.kafkadr.restore;

/**
 * One thing wrong in an archive: what kind, which object, which partition and offsets, and what was expected and
 * found. Immutable.
 *
 * @param partition "topic-partition", or null for objects that are not about one partition
 * @param offsets   "[from, to)" or "from..to", or null
 */
public record VerificationProblem(Kind kind, String object, String partition, String offsets, String message) {

    /** Problem categories, in the order a report lists them. Immutable. */
    public enum Kind {
        /** A run manifest cannot be read or fails its checksum. */
        CORRUPT_MANIFEST,
        /** A commit record or snapshot cannot be read or fails its checksum. */
        CORRUPT_OBJECT,
        /** A referenced object does not exist. */
        MISSING_OBJECT,
        /** A referenced object has another size than recorded. */
        SIZE_MISMATCH,
        /** A referenced object's SHA-256 differs from the recorded one. */
        CHECKSUM_MISMATCH,
        /** A segment's blocks, index or trailer are damaged (--deep). */
        CORRUPT_SEGMENT,
        /** A commit chain is not continuous, or segments are outside their commit or overlap. */
        OFFSETS,
        /** A manifest and the commit record it names disagree. */
        INCONSISTENT
    }

    /** The report line: kind, object, partition and offsets, message. */
    public String line() {
        StringBuilder b = new StringBuilder(kind.name()).append(' ').append(object);
        if (partition != null) {
            b.append(" (").append(partition);
            if (offsets != null) {
                b.append(" offsets ").append(offsets);
            }
            b.append(')');
        }
        return b.append(": ").append(message).toString();
    }
}
