package dev.kafkadr.archive.store;

import dev.kafkadr.archive.UsageException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Settings for opening a store, beyond its URI: S3 endpoint, region, credentials and encryption; Hadoop
 * configuration for HDFS; client-side encryption keys (where to find them, never the key itself). Keys are
 * namespaced ({@code s3.}, {@code hdfs.conf.}, {@code local.}, {@code encryption.}); see
 * {@link #KNOWN_KEYS}. Non-secret S3 settings may also be given as URI query parameters
 * ({@code s3://bucket/prefix?endpoint=http://127.0.0.1:9090&region=us-east-1&path-style=true}).
 * Immutable; {@link #toString()} never shows secrets.
 */
public final class StoreOptions {

    public static final String S3_ENDPOINT = "s3.endpoint";
    public static final String S3_REGION = "s3.region";
    public static final String S3_PATH_STYLE = "s3.path-style-access";
    public static final String S3_ACCESS_KEY_ID = "s3.access-key-id";
    public static final String S3_SECRET_ACCESS_KEY = "s3.secret-access-key";
    public static final String S3_SESSION_TOKEN = "s3.session-token";
    public static final String S3_SSE = "s3.sse";
    public static final String S3_SSE_KMS_KEY_ID = "s3.sse-kms-key-id";
    public static final String S3_PART_SIZE_BYTES = "s3.part-size.bytes";
    public static final String S3_PARTS_IN_FLIGHT = "s3.parts-in-flight";
    public static final String LOCAL_FSYNC = "local.fsync";
    /** Client-side encryption: id of the key new objects are written with (recorded in every object). */
    public static final String ENCRYPTION_KEY_ID = "encryption.key-id";
    /** Client-side encryption: file holding the 256-bit key (64 hex digits, base64, or 32 raw bytes). */
    public static final String ENCRYPTION_KEY_FILE = "encryption.key-file";
    /** Client-side encryption: environment variable holding the key (64 hex digits or base64). */
    public static final String ENCRYPTION_KEY_ENV = "encryption.key-env";
    /** Client-side encryption: keys of earlier rotations, for reading only: {@code id=path,id=path}. */
    public static final String ENCRYPTION_PREVIOUS_KEY_FILES = "encryption.previous-key-files";
    /** Prefix for Hadoop configuration entries: {@code hdfs.conf.dfs.replication=2}. */
    public static final String HDFS_CONF_PREFIX = "hdfs.conf.";

    /** Every key this class understands (plus anything under {@link #HDFS_CONF_PREFIX}). */
    public static final Set<String> KNOWN_KEYS = Set.of(S3_ENDPOINT, S3_REGION, S3_PATH_STYLE, S3_ACCESS_KEY_ID,
            S3_SECRET_ACCESS_KEY, S3_SESSION_TOKEN, S3_SSE, S3_SSE_KMS_KEY_ID, S3_PART_SIZE_BYTES, S3_PARTS_IN_FLIGHT,
            LOCAL_FSYNC, ENCRYPTION_KEY_ID, ENCRYPTION_KEY_FILE, ENCRYPTION_KEY_ENV, ENCRYPTION_PREVIOUS_KEY_FILES);

    private static final Set<String> SECRET_KEYS = Set.of(S3_SECRET_ACCESS_KEY, S3_SESSION_TOKEN);
    private static final Map<String, String> QUERY_KEYS = Map.of(
            "endpoint", S3_ENDPOINT, "region", S3_REGION, "path-style", S3_PATH_STYLE,
            "sse", S3_SSE, "sse-kms-key-id", S3_SSE_KMS_KEY_ID);

    private static final StoreOptions EMPTY = new StoreOptions(Map.of());

    private final Map<String, String> values;

    private StoreOptions(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public static StoreOptions empty() {
        return EMPTY;
    }

    /** Validates the keys; unknown keys are rejected with a message naming them. */
    public static StoreOptions of(Map<String, String> values) {
        for (String k : values.keySet()) {
            if (!KNOWN_KEYS.contains(k) && !k.startsWith(HDFS_CONF_PREFIX)) {
                throw new UsageException("unknown store option '" + k + "': expected one of " + shownKeys()
                        + " or " + HDFS_CONF_PREFIX + "<hadoop key>");
            }
        }
        return new StoreOptions(values);
    }

    /** The known keys for messages: the store's own sorted, then the {@code encryption.} ones sorted. */
    private static List<String> shownKeys() {
        return KNOWN_KEYS.stream().sorted(Comparator.comparing((String k) -> k.startsWith("encryption."))
                .thenComparing(Comparator.naturalOrder())).toList();
    }

    /** These options overlaid with the non-secret settings in the URI's query string. */
    public StoreOptions withUriQuery(URI uri) {
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new TreeMap<>(values);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "true" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            String key = QUERY_KEYS.get(name);
            if (key == null) {
                throw new UsageException("unknown query parameter '" + name + "' in store URI " + stripQuery(uri)
                        + ": expected one of " + new TreeMap<>(QUERY_KEYS).keySet()
                        + " (credentials never go into a URI: use the environment or the config file)");
            }
            merged.put(key, value);
        }
        return new StoreOptions(merged);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public boolean getBoolean(String key, boolean dflt) {
        String v = values.get(key);
        if (v == null) {
            return dflt;
        }
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new UsageException("store option " + key + " must be true or false but was '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    public long getLong(String key, long dflt, long min) {
        String v = values.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n < min) {
                throw new UsageException("store option " + key + " must be at least " + min + " but was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("store option " + key + " must be a whole number but was '" + v + "'");
        }
    }

    /** Every entry whose key starts with {@code prefix}, with the prefix removed. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /** The URI without its query string (for messages). */
    public static URI stripQuery(URI uri) {
        String s = uri.toString();
        int q = s.indexOf('?');
        return q < 0 ? uri : URI.create(s.substring(0, q));
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(values);
        shown.replaceAll((k, v) -> isSecret(k) ? "[hidden]" : v);
        return shown.toString();
    }

    /** The S3 secret key and session token, and Hadoop entries whose name says they hold a secret. */
    private static boolean isSecret(String key) {
        if (SECRET_KEYS.contains(key)) {
            return true;
        }
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return k.startsWith(HDFS_CONF_PREFIX) && (k.contains("password") || k.contains("secret")
                || k.contains("token") || k.contains("credential") || k.endsWith(".key"));
    }
}
