package dev.kafkadr.archive.store.s3;

import dev.kafkadr.archive.UsageException;
import dev.kafkadr.archive.store.ObjectUpload;
import dev.kafkadr.archive.store.StoreException;
import dev.kafkadr.archive.store.StoreUnavailableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * A streaming write of one S3 object with bounded memory: bytes fill one part buffer; each full part is uploaded on
 * a background thread with at most {@code parts-in-flight} outstanding (the writer blocks for a free slot), so at
 * most {@code (parts-in-flight + 1) × part-size} bytes are held. {@link #commit()} completes the multipart upload
 * (or sends one PutObject when the object fits in one part); {@link #abort()}/{@link #close()} abort it. A part
 * failure surfaces as a {@link StoreException} from the next write or the commit. Not thread-safe.
 */
final class S3Upload extends ObjectUpload {

    private static final Logger LOG = LoggerFactory.getLogger(S3Upload.class);
    static final int MAX_PARTS = 10_000;

    private final S3ObjectStore store;
    private final String key;
    private final long partSize;
    private final Semaphore slots;
    private final List<Future<CompletedPart>> parts = new ArrayList<>();
    private PartBuffer current;
    private String uploadId;
    /** The first part failure: a {@link StoreException}, or an {@link Error} such as OutOfMemoryError. */
    private volatile Throwable partFailure;

    S3Upload(S3ObjectStore store, String key) {
        this.store = store;
        this.key = key;
        this.partSize = store.settings().partSize();
        this.slots = new Semaphore(store.settings().partsInFlight());
    }

    @Override
    protected String describe() {
        return store.describe(key);
    }

    @Override
    protected void writeBytes(byte[] b, int off, int len) throws IOException {
        failIfPartFailed();
        int pos = off;
        int end = off + len;
        while (pos < end) {
            if (current != null && current.isFull()) {
                ship(current);
                current = null;
            }
            if (current == null) {
                current = new PartBuffer(partSize);
            }
            pos += current.write(b, pos, end - pos);
        }
    }

    @Override
    protected void commitObject() throws IOException {
        failIfPartFailed();
        if (uploadId == null) {
            PartBuffer body = current == null ? new PartBuffer(0) : current;
            store.writes().put(key, body.seal());
        } else {
            if (current != null && current.size() > 0) {
                ship(current);
            }
            current = null;
            store.writes().completeMultipart(key, uploadId, awaitParts());
        }
    }

    @Override
    protected StoreException commitFailure(IOException e) {
        return new StoreUnavailableException(store.uri(), key, "interrupted while committing", e);
    }

    @Override
    protected void discard() {
        current = null;
        if (uploadId == null) {
            return;
        }
        // parts still uploading could land after the abort and keep storage: wait for them (the SDK's timeouts
        // bound this), with the interrupt flag cleared so the abort request itself is not refused
        boolean interrupted = Thread.interrupted();
        try {
            for (Future<CompletedPart> part : parts) {
                try {
                    part.get();
                } catch (ExecutionException | RuntimeException ignored) {
                    // a failed part leaves nothing to wait for
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
            }
            store.writes().abortMultipart(key, uploadId);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Hands a full buffer to a background upload, waiting for a free slot first. */
    private void ship(PartBuffer part) throws InterruptedIOException {
        if (uploadId == null) {
            uploadId = store.writes().createMultipart(key);
        }
        int number = parts.size() + 1;
        if (number > MAX_PARTS) {
            throw new UsageException(store.describe(key) + ": object exceeds S3's " + MAX_PARTS
                    + " parts of " + partSize + " bytes; raise s3.part-size.bytes");
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while uploading " + store.describe(key));
        }
        if (partFailure != null) { // a part failed while we waited: do not send another one
            slots.release();
            failIfPartFailed();
        }
        part.seal();
        try {
            parts.add(store.partExecutor().submit(() -> uploadPart(number, part)));
        } catch (RejectedExecutionException e) {
            slots.release();
            throw new StoreUnavailableException(store.uri(), key, "store is closed", e);
        }
        failIfPartFailed();
    }

    private CompletedPart uploadPart(int number, PartBuffer part) {
        try {
            UploadPartResponse r = store.client().uploadPart(b -> b.bucket(store.settings().bucket())
                            .key(store.settings().fullKey(key)).uploadId(uploadId).partNumber(number)
                            .contentLength(part.size()).checksumAlgorithm(ChecksumAlgorithm.CRC32),
                    RequestBody.fromContentProvider(part::newStream, part.size(), S3ObjectStore.CONTENT_TYPE));
            return CompletedPart.builder().partNumber(number).eTag(r.eTag()).checksumCRC32(r.checksumCRC32()).build();
        } catch (SdkException e) {
            throw recordFailure(store.errors().translate(key, "could not upload part " + number, e));
        } catch (RuntimeException e) { // e.g. the HTTP client was closed under us
            throw recordFailure(new StoreUnavailableException(store.uri(), key, "could not upload part " + number
                    + ": " + e, e));
        } catch (Error e) {
            recordFailure(e);
            throw e;
        } finally {
            slots.release();
        }
    }

    private <T extends Throwable> T recordFailure(T failure) {
        if (partFailure == null) {
            partFailure = failure;
        }
        return failure;
    }

    private List<CompletedPart> awaitParts() throws InterruptedIOException {
        List<CompletedPart> completed = new ArrayList<>(parts.size());
        for (Future<CompletedPart> part : parts) {
            try {
                completed.add(part.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while uploading " + store.describe(key));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof StoreException se) {
                    throw se;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new StoreUnavailableException(store.uri(), key, "part upload failed: " + e.getCause(),
                        e.getCause());
            }
        }
        return completed;
    }

    private void failIfPartFailed() {
        Throwable failure = partFailure;
        if (failure == null) {
            return;
        }
        if (failure instanceof StoreException se) {
            throw se;
        }
        throw (Error) failure;
    }

    @Override
    public String toString() {
        return "S3Upload[" + store.describe(key) + ", " + bytesWritten() + " bytes"
                + (uploadId == null ? "" : ", multipart") + "]";
    }

    static void logAbortFailure(String name, String uploadId, RuntimeException e) {
        LOG.warn("could not abort multipart upload {} of {} ({}); a bucket lifecycle rule "
                + "(AbortIncompleteMultipartUpload) will remove its parts", uploadId, name, e.getMessage());
    }
}
