package dev.kafkadr.archive.store.s3;

import dev.kafkadr.archive.UsageException;
import dev.kafkadr.archive.store.StoreOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The validated settings of one S3 store: bucket and key prefix from the URI, the rest from {@link StoreOptions}.
 * Immutable; {@link #toString()} never shows the secret key or session token.
 */
record S3Settings(String bucket, String prefix, Optional<URI> endpoint, Optional<String> region, boolean pathStyle,
                  Optional<String> accessKeyId, Optional<String> secretAccessKey, Optional<String> sessionToken,
                  Sse sse, Optional<String> kmsKeyId, long partSize, int partsInFlight) {

    static final long MIB = 1024L * 1024L;
    static final long DEFAULT_PART_SIZE = 8 * MIB;
    /** S3's minimum size of every part but the last. */
    static final long MIN_PART_SIZE = 5 * MIB;
    /** S3's maximum part size. */
    static final long MAX_PART_SIZE = 5 * 1024 * MIB;
    static final int DEFAULT_PARTS_IN_FLIGHT = 2;
    static final int MAX_PARTS_IN_FLIGHT = 64;

    /** Server-side encryption applied to every write. */
    enum Sse {
        NONE, AES256, KMS
    }

    /** Parses the URI ({@code s3://bucket/optional/prefix}) and options; fails with a {@link UsageException}. */
    static S3Settings from(URI uri, StoreOptions options) {
        String bucket = uri.getHost();
        if (!"s3".equals(uri.getScheme()) || bucket == null || bucket.isEmpty()) {
            throw new UsageException("store URI '" + uri + "' must name a bucket: s3://bucket/prefix");
        }
        if (uri.getUserInfo() != null) {
            throw new UsageException("store URI must not contain credentials: use the store options or the "
                    + "AWS default credential chain");
        }
        Optional<String> keyId = nonBlank(options, StoreOptions.S3_ACCESS_KEY_ID);
        Optional<String> secret = nonBlank(options, StoreOptions.S3_SECRET_ACCESS_KEY);
        Optional<String> token = nonBlank(options, StoreOptions.S3_SESSION_TOKEN);
        if (keyId.isPresent() != secret.isPresent() || (token.isPresent() && keyId.isEmpty())) {
            throw new UsageException("store options " + StoreOptions.S3_ACCESS_KEY_ID + " and "
                    + StoreOptions.S3_SECRET_ACCESS_KEY + " must be given together (" + StoreOptions.S3_SESSION_TOKEN
                    + " only with them); leave all out to use the AWS default credential chain");
        }
        Sse sse = parseSse(options.get(StoreOptions.S3_SSE).orElse("none"));
        Optional<String> kmsKey = nonBlank(options, StoreOptions.S3_SSE_KMS_KEY_ID);
        if (kmsKey.isPresent() && sse != Sse.KMS) {
            throw new UsageException("store option " + StoreOptions.S3_SSE_KMS_KEY_ID + " needs "
                    + StoreOptions.S3_SSE + "=aws:kms");
        }
        long partSize = options.getLong(StoreOptions.S3_PART_SIZE_BYTES, DEFAULT_PART_SIZE, MIN_PART_SIZE);
        if (partSize > MAX_PART_SIZE) {
            throw new UsageException("store option " + StoreOptions.S3_PART_SIZE_BYTES + " must be at most "
                    + MAX_PART_SIZE + " (5 GiB) but was " + partSize);
        }
        long inFlight = options.getLong(StoreOptions.S3_PARTS_IN_FLIGHT, DEFAULT_PARTS_IN_FLIGHT, 1);
        if (inFlight > MAX_PARTS_IN_FLIGHT) {
            throw new UsageException("store option " + StoreOptions.S3_PARTS_IN_FLIGHT + " must be at most "
                    + MAX_PARTS_IN_FLIGHT + " but was " + inFlight);
        }
        return new S3Settings(bucket, prefixOf(uri), endpoint(options), nonBlank(options, StoreOptions.S3_REGION),
                options.getBoolean(StoreOptions.S3_PATH_STYLE, false), keyId, secret, token, sse, kmsKey, partSize,
                (int) inFlight);
    }

    /** "" for the bucket root, else the URI path without its leading '/' and with exactly one trailing '/'. */
    static String prefixOf(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.contains("//")) {
            throw new UsageException("store URI '" + uri + "' has an empty path element in its prefix");
        }
        return path.isEmpty() ? "" : path + "/";
    }

    static Sse parseSse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "", "none" -> Sse.NONE;
            case "aes256" -> Sse.AES256;
            case "aws:kms" -> Sse.KMS;
            default -> throw new UsageException("store option " + StoreOptions.S3_SSE + " must be none, AES256 or "
                    + "aws:kms but was '" + value + "'");
        };
    }

    private static Optional<URI> endpoint(StoreOptions options) {
        Optional<String> raw = nonBlank(options, StoreOptions.S3_ENDPOINT);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw.get());
            if (uri.getScheme() == null || uri.getHost() == null || uri.getUserInfo() != null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new UsageException("store option " + StoreOptions.S3_ENDPOINT
                        + " must be an http(s)://host[:port] URL without credentials");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new UsageException("store option " + StoreOptions.S3_ENDPOINT + " is not a URL: " + e.getReason());
        }
    }

    private static Optional<String> nonBlank(StoreOptions options, String key) {
        return options.get(key).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The x-amz-server-side-encryption value for every write, or null for none. */
    ServerSideEncryption sseHeader() {
        return switch (sse) {
            case NONE -> null;
            case AES256 -> ServerSideEncryption.AES256;
            case KMS -> ServerSideEncryption.AWS_KMS;
        };
    }

    /** The KMS key id for every write, or null for the bucket's default (aws/s3) key. */
    String kmsKeyHeader() {
        return kmsKeyId.orElse(null);
    }

    /** The full S3 key of a store key. */
    String fullKey(String key) {
        return prefix + key;
    }

    /** The store key of a full S3 key under the prefix. */
    String storeKey(String fullKey) {
        return fullKey.substring(prefix.length());
    }

    @Override
    public String toString() {
        return "S3Settings[bucket=" + bucket + ", prefix=" + prefix + ", endpoint=" + endpoint.orElse(null)
                + ", region=" + region.orElse("(default chain)") + ", pathStyle=" + pathStyle + ", credentials="
                + (accessKeyId.isPresent() ? "static" : "default chain") + ", sse=" + sse + ", kmsKeyId="
                + kmsKeyId.orElse(null) + ", partSize=" + partSize + ", partsInFlight=" + partsInFlight + "]";
    }
}
