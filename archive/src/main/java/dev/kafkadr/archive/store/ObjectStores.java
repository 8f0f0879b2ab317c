package dev.kafkadr.archive.store;

import dev.kafkadr.archive.UsageException;
import dev.kafkadr.archive.store.hdfs.HdfsObjectStore;
import dev.kafkadr.archive.store.local.LocalObjectStore;
import dev.kafkadr.archive.store.s3.S3ObjectStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Opens the store a URI names: {@code file:///path}, {@code s3://bucket/prefix}, {@code hdfs://nn:port/path}. Stateless. */
public final class ObjectStores {

    private ObjectStores() {
    }

    /** Parses {@code uri} (a bare absolute path counts as file://) and opens it. */
    public static ObjectStore open(String uri, StoreOptions options) {
        return open(parse(uri), options);
    }

    public static ObjectStore open(URI uri, StoreOptions options) {
        StoreOptions merged = options.withUriQuery(uri);
        URI clean = StoreOptions.stripQuery(uri);
        String scheme = clean.getScheme();
        return switch (scheme) {
            case "file" -> new LocalObjectStore(Paths.get(clean), merged);
            case "s3" -> S3ObjectStore.open(clean, merged);
            case "hdfs" -> HdfsObjectStore.open(clean, merged);
            default -> throw new UsageException("unsupported store URI scheme '" + scheme + "' in " + clean
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
        try {
            URI parsed = new URI(uri);
            if (parsed.getScheme() == null) {
                throw new UsageException("store URI '" + uri + "' has no scheme: expected file:///path, "
                        + "s3://bucket/prefix or hdfs://namenode:port/path");
            }
            switch (parsed.getScheme()) {
                case "file" -> {
                    if (parsed.getPath() == null || parsed.getPath().isEmpty() || parsed.getAuthority() != null) {
                        throw new UsageException("store URI '" + uri + "' must be file:///absolute/path");
                    }
                }
                case "s3" -> {
                    if (parsed.getHost() == null) {
                        throw new UsageException("store URI '" + uri + "' must name a bucket: s3://bucket/prefix");
                    }
                }
                case "hdfs" -> {
                    if (parsed.getAuthority() == null) {
                        throw new UsageException("store URI '" + uri
                                + "' must name the namenode: hdfs://namenode:port/path");
                    }
                }
                default -> throw new UsageException("unsupported store URI scheme '" + parsed.getScheme() + "' in "
                        + uri + ": expected file, s3 or hdfs");
            }
            return parsed;
        } catch (URISyntaxException e) {
            throw new UsageException("store URI '" + uri + "' is malformed: " + e.getReason());
        }
    }
}
