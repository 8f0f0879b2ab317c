package dev.kafkadr.archive.store;

import dev.kafkadr.archive.UsageException;
import dev.kafkadr.archive.store.crypto.EncryptedObjectStore;
import dev.kafkadr.archive.store.crypto.EncryptionSettings;
import dev.kafkadr.archive.store.crypto.KeyRing;
import dev.kafkadr.archive.store.hdfs.HdfsObjectStore;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import dev.kafkadr.archive.store.s3.S3ObjectStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * Opens the store a URI names: {@code file:///path}, {@code s3://bucket/prefix}, {@code hdfs://nn:port/path};
 * wrapped in an {@link EncryptedObjectStore} when the options configure an encryption key. Stateless.
 */
public final class ObjectStores {

    private ObjectStores() {
    }

    /** Parses {@code uri} (a bare absolute path counts as file://) and opens it. */
    public static ObjectStore open(String uri, StoreOptions options) {
        return open(parse(uri), options);
    }

    /** Opens a parsed store URI; its query may carry non-secret S3 settings, never credentials. */
    public static ObjectStore open(URI uri, StoreOptions options) {
        rejectUserInfo(uri);
        StoreOptions merged = options.withUriQuery(uri);
        Optional<KeyRing> keys = EncryptionSettings.keyRing(merged, System.getenv()); // before any connection
        ObjectStore plain = openPlain(uri, merged);
        return keys.<ObjectStore>map(k -> new EncryptedObjectStore(plain, k)).orElse(plain);
    }

    private static ObjectStore openPlain(URI uri, StoreOptions merged) {
        URI clean = StoreOptions.stripQuery(uri);
        String scheme = clean.getScheme() == null ? "" : clean.getScheme();
        return switch (scheme) {
            case "file" -> new LocalObjectStore(Paths.get(clean), merged);
            case "s3" -> S3ObjectStore.open(clean, merged);
            case "hdfs" -> HdfsObjectStore.open(clean, merged);
            default -> throw new UsageException("unsupported store URI scheme '" + scheme + "' in "
                    + shown(clean.toString())
                    + ": expected file:///path, s3://bucket/prefix or hdfs://namenode:port/path");
        };
    }

    /** Validates the syntax of a store URI without opening it. */
    public static URI parse(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new UsageException("store URI is empty: expected file:///path, s3://bucket/prefix or "
                    + "hdfs://namenode:port/path");
        }
        if (uri.startsWith("/")) {
            return Path.of(uri).toUri();
        }
        String shown = shown(uri);
        try {
            URI parsed = new URI(uri);
            rejectUserInfo(parsed);
            if (parsed.getScheme() == null) {
                throw new UsageException("store URI '" + shown + "' has no scheme: expected file:///path, "
                        + "s3://bucket/prefix or hdfs://namenode:port/path");
            }
            switch (parsed.getScheme()) {
                case "file" -> {
                    if (parsed.getPath() == null || parsed.getPath().isEmpty() || parsed.getAuthority() != null) {
                        throw new UsageException("store URI '" + shown + "' must be file:///absolute/path");
                    }
                }
                case "s3" -> {
                    if (parsed.getHost() == null) {
                        throw new UsageException("store URI '" + shown + "' must name a bucket: s3://bucket/prefix");
                    }
                }
                case "hdfs" -> {
                    if (parsed.getAuthority() == null) {
                        throw new UsageException("store URI '" + shown
                                + "' must name the namenode: hdfs://namenode:port/path");
                    }
                }
                default -> throw new UsageException("unsupported store URI scheme '" + parsed.getScheme() + "' in "
                        + shown + ": expected file, s3 or hdfs");
            }
            return parsed;
        } catch (URISyntaxException e) {
            throw new UsageException("store URI '" + shown + "' is malformed: " + e.getReason());
        }
    }

    /** Credentials never go into a store URI (it is shown in messages and logs). */
    private static void rejectUserInfo(URI uri) {
        if (uri.getRawUserInfo() != null) {
            throw new UsageException("store URI '" + shown(uri.toString()) + "' must not contain credentials or a "
                    + "user name: use the store options or the environment");
        }
    }

    /** The URI for a message, with anything before an '@' in it (which may be credentials) replaced by "...". */
    static String shown(String uri) {
        int at = uri.lastIndexOf('@');
        if (at < 0) {
            return uri;
        }
        int scheme = uri.indexOf("://");
        int from = scheme < 0 || scheme > at ? 0 : scheme + 3;
        return uri.substring(0, from) + "..." + uri.substring(at);
    }
}
