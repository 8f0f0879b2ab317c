package dev.kafkadr.archive.store.s3;

import dev.kafkadr.archive.store.ObjectAlreadyExistsException;
import dev.kafkadr.archive.store.StoreAccessDeniedException;
import dev.kafkadr.archive.store.StoreUnavailableException;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * The write requests of an S3 store: PutObject (plain and conditional), the multipart calls and batch delete, each
 * carrying the store's server-side encryption and a CRC32 checksum S3 verifies. Thread-safe.
 */
final class S3Writes {

    /** How often a conditional put is retried when S3 answers 409 ConditionalRequestConflict. */
    static final int CONFLICT_RETRIES = 5;

    private final S3ObjectStore store;
    private final S3Settings settings;

    S3Writes(S3ObjectStore store) {
        this.store = store;
        this.settings = store.settings();
    }

    /** One PutObject; with {@code ifAbsent}, conditional on no object existing (raw SDK failures propagate). */
    private void putRaw(String key, PartBuffer body, boolean ifAbsent) {
        store.client().putObject(b -> b.bucket(settings.bucket()).key(settings.fullKey(key))
                        .contentLength(body.size()).contentType(S3ObjectStore.CONTENT_TYPE)
                        .checksumAlgorithm(ChecksumAlgorithm.CRC32)
                        .serverSideEncryption(settings.sseHeader()).ssekmsKeyId(settings.kmsKeyHeader())
                        .ifNoneMatch(ifAbsent ? "*" : null),
                RequestBody.fromContentProvider(body::newStream, body.size(), S3ObjectStore.CONTENT_TYPE));
    }

    void put(String key, PartBuffer body) {
        try {
            putRaw(key, body, false);
        } catch (SdkException e) {
            throw store.errors().translate(key, "could not write", e);
        }
    }

    /**
     * A conditional PutObject. 412 means the key exists. 409 (ConditionalRequestConflict) means a concurrent write
     * or delete of the key was in progress; AWS's advice is to retry, which then answers 412 or succeeds.
     */
    void putIfAbsent(String key, PartBuffer body) {
        for (int attempt = 1; ; attempt++) {
            try {
                putRaw(key, body, true);
                return;
            } catch (SdkException e) {
                int status = S3Errors.status(e);
                if (status == 412 || S3Errors.errorCode(e).equals("PreconditionFailed")) {
                    throw new ObjectAlreadyExistsException(store.uri(), key, "already exists", e);
                }
                if (status != 409) {
                    throw store.errors().translate(key, "could not create", e);
                }
                if (attempt > CONFLICT_RETRIES) {
                    if (store.stat(key).isPresent()) {
                        throw new ObjectAlreadyExistsException(store.uri(), key,
                                "already exists (a concurrent write won)", e);
                    }
                    throw new StoreUnavailableException(store.uri(), key, "could not create: S3 kept reporting a "
                            + "conflicting concurrent write (HTTP 409 " + S3Errors.errorCode(e) + ")", e);
                }
                pause(key, attempt);
            }
        }
    }

    String createMultipart(String key) {
        try {
            return store.client().createMultipartUpload(b -> b.bucket(settings.bucket())
                    .key(settings.fullKey(key)).contentType(S3ObjectStore.CONTENT_TYPE)
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32)
                    .serverSideEncryption(settings.sseHeader()).ssekmsKeyId(settings.kmsKeyHeader())).uploadId();
        } catch (SdkException e) {
            throw store.errors().translate(key, "could not start a multipart upload", e);
        }
    }

    void completeMultipart(String key, String uploadId, List<CompletedPart> parts) {
        try {
            store.client().completeMultipartUpload(b -> b.bucket(settings.bucket()).key(settings.fullKey(key))
                    .uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
        } catch (SdkException e) {
            throw store.errors().translate(key, "could not complete the multipart upload of " + parts.size()
                    + " parts", e);
        }
    }

    /** Best effort: a failure is logged (a bucket lifecycle rule cleans up what is left). */
    void abortMultipart(String key, String uploadId) {
        try {
            store.client().abortMultipartUpload(b -> b.bucket(settings.bucket()).key(settings.fullKey(key))
                    .uploadId(uploadId));
        } catch (SdkException e) {
            if (S3Errors.status(e) != 404) { // NoSuchUpload: already gone
                S3Upload.logAbortFailure(store.describe(key), uploadId, e);
            }
        } catch (RuntimeException e) { // e.g. the client was closed: still best effort
            S3Upload.logAbortFailure(store.describe(key), uploadId, e);
        }
    }

    /** One DeleteObjects call for at most 1000 keys; missing keys count as deleted. */
    void deleteBatch(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<ObjectIdentifier> ids = keys.stream()
                .map(k -> ObjectIdentifier.builder().key(settings.fullKey(k)).build()).toList();
        DeleteObjectsResponse r;
        try {
            r = store.client().deleteObjects(b -> b.bucket(settings.bucket())
                    .delete(d -> d.objects(ids).quiet(true)));
        } catch (SdkException e) {
            throw store.errors().translate(keys.get(0), "could not delete " + keys.size() + " objects", e);
        }
        if (r.hasErrors() && !r.errors().isEmpty()) {
            S3Error first = r.errors().get(0);
            String key = first.key() == null ? keys.get(0) : settings.storeKey(first.key());
            String problem = "could not delete (" + r.errors().size() + " of " + keys.size()
                    + " objects failed; first: " + first.code() + ": " + S3Errors.oneLine(first.message()) + ")";
            if ("AccessDenied".equals(first.code())) {
                throw new StoreAccessDeniedException(store.uri(), key, problem);
            }
            throw new StoreUnavailableException(store.uri(), key, problem);
        }
    }

    private void pause(String key, int attempt) {
        try {
            Thread.sleep(Math.min(1000, 50L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(store.uri(), key, "interrupted while retrying a conditional write", e);
        }
    }
}
