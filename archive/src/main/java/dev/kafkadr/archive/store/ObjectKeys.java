package dev.kafkadr.archive.store;

import java.util.Comparator;

/**
 * Rules every store applies to object keys: their syntax, and the one key order listings use (UTF-8 byte order,
 * which is Unicode code point order; {@link String#compareTo} differs for characters outside the BMP). Stateless.
 */
public final class ObjectKeys {

    /** Where stores that write through temporary files keep them; no key may start with it. */
    public static final String TMP_DIR = ".kdr-tmp";

    /** Orders keys by Unicode code point, i.e. by their UTF-8 bytes, like S3 listings. */
    public static final Comparator<String> ORDER = ObjectKeys::compare;

    private ObjectKeys() {
    }

    /**
     * Checks that {@code key} is a '/'-separated relative path: not empty, no leading, trailing or doubled '/',
     * no "." or ".." element, not under {@link #TMP_DIR}.
     *
     * @throws IllegalArgumentException naming the key otherwise
     */
    public static String validate(String key) {
        if (key == null || key.isEmpty() || key.startsWith("/") || key.endsWith("/") || key.contains("//")
                || key.equals(TMP_DIR) || key.startsWith(TMP_DIR + "/")) {
            throw new IllegalArgumentException("invalid object key '" + key + "'");
        }
        for (String element : key.split("/", -1)) {
            if (element.equals(".") || element.equals("..")) {
                throw new IllegalArgumentException("invalid object key '" + key + "'");
            }
        }
        return key;
    }

    /** Compares by code point: the order of the keys' UTF-8 bytes. */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
