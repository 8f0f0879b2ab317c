package dev.kafkadr.archive.store.s3;

import dev.kafkadr.archive.store.ListPage;
import dev.kafkadr.archive.store.ObjectInfo;
import dev.kafkadr.archive.store.ObjectKeys;
import dev.kafkadr.archive.store.ObjectNotFoundException;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectUpload;
import dev.kafkadr.archive.store.StoreOptions;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An {@link ObjectStore} under an S3 bucket prefix ({@code s3://bucket/optional/prefix}) through the AWS SDK v2.
 * Streaming writes are multipart uploads ({@link S3Upload}); {@link #putIfAbsent} is a conditional PutObject
 * ({@code If-None-Match: *}). Thread-safe.
 */
public final class S3ObjectStore implements ObjectStore {

    static final String CONTENT_TYPE = "application/octet-stream";
    static final int DELETE_BATCH = 1000;

    private final URI uri;
    private final S3Settings settings;
    private final S3Clients.Built sdk;
    private final S3Errors errors;
    private final S3Writes writes;
    private final ExecutorService partExecutor;
    private volatile boolean bucketVerified;

    private S3ObjectStore(URI uri, S3Settings settings, S3Clients.Built sdk) {
        this.uri = uri;
        this.settings = settings;
        this.sdk = sdk;
        this.errors = new S3Errors(uri, settings.bucket());
        this.writes = new S3Writes(this);
        this.partExecutor = Executors.newCachedThreadPool(daemonThreads("kdr-s3-part-"));
    }

    /** Opens {@code s3://bucket/optional/prefix} with the S3 settings in {@code options}; connects lazily. */
    public static ObjectStore open(URI uri, StoreOptions options) {
        return open(uri, options, builder -> { });
    }

    /** Like {@link #open(URI, StoreOptions)}, letting a test adjust the SDK client (timeouts, interceptors). */
    static S3ObjectStore open(URI uri, StoreOptions options, Consumer<S3ClientBuilder> customizer) {
        URI clean = StoreOptions.stripQuery(uri);
        S3Settings settings = S3Settings.from(clean, options);
        return new S3ObjectStore(clean, settings, S3Clients.build(settings, customizer));
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public ObjectUpload upload(String key) {
        return new S3Upload(this, ObjectKeys.validate(key));
    }

    @Override
    public void putIfAbsent(String key, byte[] content) {
        ObjectKeys.validate(key);
        PartBuffer body = new PartBuffer(content.length);
        body.write(content, 0, content.length);
        writes.putIfAbsent(key, body.seal());
    }

    @Override
    public InputStream get(String key) {
        ObjectKeys.validate(key);
        try {
            return new S3ObjectStream(client().getObject(b -> b.bucket(settings.bucket()).key(settings.fullKey(key))),
                    describe(key));
        } catch (SdkException e) {
            throw errors.translate(key, "could not read", e);
        }
    }

    @Override
    public InputStream getRange(String key, long offset, long length) {
        ObjectKeys.validate(key);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("invalid range " + offset + "+" + length + " of " + describe(key));
        }
        if (length == 0) {
            if (stat(key).isEmpty()) {
                throw new ObjectNotFoundException(uri, key, "does not exist");
            }
            return InputStream.nullInputStream();
        }
        long last = offset + length - 1;
        String range = "bytes=" + offset + "-" + (last < offset ? "" : Long.toString(last));
        try {
            return new S3ObjectStream(client().getObject(b -> b.bucket(settings.bucket())
                    .key(settings.fullKey(key)).range(range)), describe(key));
        } catch (SdkException e) {
            if (S3Errors.status(e) == 416 || S3Errors.errorCode(e).equals("InvalidRange")) {
                // the object exists but ends at or before offset
                return InputStream.nullInputStream();
            }
            throw errors.translate(key, "could not read range " + offset + "+" + length, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        ObjectKeys.validate(key);
        try {
            HeadObjectResponse head = client().headObject(b -> b.bucket(settings.bucket())
                    .key(settings.fullKey(key)));
            return Optional.of(new ObjectInfo(key, head.contentLength()));
        } catch (SdkException e) {
            if (S3Errors.status(e) == 404 && !S3Errors.errorCode(e).equals("NoSuchBucket")) {
                verifyBucket(key);
                return Optional.empty();
            }
            throw errors.translate(key, "could not stat", e);
        }
    }

    /**
     * A HEAD cannot tell a missing key from a missing bucket: check the bucket once per store. A one-key listing
     * of the store prefix is used rather than HeadBucket because it is allowed by an s3:ListBucket grant that is
     * limited to the prefix.
     */
    private void verifyBucket(String key) {
        if (bucketVerified) {
            return;
        }
        try {
            client().listObjectsV2(b -> b.bucket(settings.bucket()).prefix(settings.prefix()).maxKeys(1));
            bucketVerified = true;
        } catch (SdkException e) {
            if (e instanceof NoSuchBucketException || S3Errors.status(e) == 404) {
                throw new ObjectNotFoundException(uri, key, "bucket '" + settings.bucket() + "' does not exist", e);
            }
            throw errors.translate(key, "could not check the bucket", e);
        }
    }

    @Override
    public ListPage list(String prefix, String continuation, int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1 but was " + maxKeys);
        }
        try {
            ListObjectsV2Response r = client().listObjectsV2(b -> b.bucket(settings.bucket())
                    .prefix(settings.fullKey(prefix)).maxKeys(Math.min(maxKeys, 1000))
                    .continuationToken(continuation));
            List<ObjectInfo> objects = new ArrayList<>(r.contents().size());
            for (S3Object o : r.contents()) {
                if (!o.key().endsWith("/")) { // a console's "folder" marker is not an object of ours
                    objects.add(new ObjectInfo(settings.storeKey(o.key()), o.size()));
                }
            }
            boolean more = Boolean.TRUE.equals(r.isTruncated()) && r.nextContinuationToken() != null;
            return new ListPage(objects, more ? Optional.of(r.nextContinuationToken()) : Optional.empty());
        } catch (SdkException e) {
            throw errors.translate(prefix, "could not list", e);
        }
    }

    /** One level of a delimiter listing: common prefixes and the objects directly under {@code prefix}. */
    @Override
    public List<String> listChildren(String prefix) {
        SortedSet<String> children = new TreeSet<>(ObjectKeys.ORDER);
        String full = settings.fullKey(prefix);
        String token = null;
        try {
            do {
                String continuation = token;
                ListObjectsV2Response r = client().listObjectsV2(b -> b.bucket(settings.bucket()).prefix(full)
                        .delimiter("/").continuationToken(continuation));
                r.commonPrefixes().forEach(p -> children.add(childOf(full, p.prefix())));
                r.contents().forEach(o -> children.add(childOf(full, o.key())));
                token = Boolean.TRUE.equals(r.isTruncated()) ? r.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw errors.translate(prefix, "could not list", e);
        }
        children.remove(""); // a "folder" marker object named like the prefix itself
        return new ArrayList<>(children);
    }

    private static String childOf(String fullPrefix, String fullKey) {
        String rest = fullKey.substring(fullPrefix.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    @Override
    public void delete(String key) {
        ObjectKeys.validate(key);
        try {
            client().deleteObject(b -> b.bucket(settings.bucket()).key(settings.fullKey(key)));
        } catch (SdkException e) {
            throw errors.translate(key, "could not delete", e);
        }
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        distinct.forEach(ObjectKeys::validate);
        for (int from = 0; from < distinct.size(); from += DELETE_BATCH) {
            writes.deleteBatch(distinct.subList(from, Math.min(distinct.size(), from + DELETE_BATCH)));
        }
    }

    @Override
    public void close() {
        partExecutor.shutdown();
        sdk.close();
    }

    @Override
    public String toString() {
        return "S3ObjectStore[" + uri + "]";
    }

    // ---- for S3Upload and S3Writes -----------------------------------------------------------------------------

    S3Client client() {
        return sdk.client();
    }

    S3Settings settings() {
        return settings;
    }

    S3Errors errors() {
        return errors;
    }

    ExecutorService partExecutor() {
        return partExecutor;
    }

    String describe(String key) {
        String base = uri.toString();
        return base.endsWith("/") ? base + key : base + "/" + key;
    }

    S3Writes writes() {
        return writes;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
