package dev.kafkadr.restore;

import dev.kafkadr.archive.format.ArchivedHeader;
import dev.kafkadr.archive.format.ArchivedRecord;
import java.util.Arrays;
import java.util.List;

/**
 * Compares records on the target with archived records: same key, value, headers (order, null vs empty) and
 * timestamp. An archived record without a timestamp (-1) matches any target timestamp, since the broker assigned one.
 * Stateless.
 */
public final class TargetRecord {

    private TargetRecord() {
    }

    public static boolean sameContent(ArchivedRecord archived, ArchivedRecord target) {
        return Arrays.equals(archived.key(), target.key()) && Arrays.equals(archived.value(), target.value())
                && sameHeaders(archived.headers(), target.headers())
                && (archived.timestamp() < 0 || archived.timestamp() == target.timestamp());
    }

    private static boolean sameHeaders(List<ArchivedHeader> a, List<ArchivedHeader> b) {
        return a.equals(b);
    }

    /** Short description for messages: offset, timestamp, key and value sizes. */
    public static String describe(ArchivedRecord r) {
        return "offset " + r.offset() + " (timestamp " + r.timestamp() + ", key " + size(r.key()) + ", value "
                + size(r.value()) + ", " + r.headers().size() + " headers)";
    }

    private static String size(byte[] b) {
        return b == null ? "null" : b.length + " bytes";
    }
}
