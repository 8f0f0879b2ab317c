package dev.kafkadr.archive.store.crypto;

import dev.kafkadr.archive.store.ObjectUpload;
import dev.kafkadr.archive.store.StoreException;
import dev.kafkadr.archive.store.StoreUnavailableException;
import java.io.IOException;
import java.net.URI;

/**
 * A streaming upload that writes the envelope header, then seals the plaintext in 64 KiB chunks into the wrapped
 * upload. Holds one plaintext and one sealed chunk in memory whatever the object size. Not thread-safe.
 */
final class EncryptingUpload extends ObjectUpload {

    private final ObjectUpload inner;
    private final ObjectCipher cipher;
    private final URI store;
    private final String key;
    private final byte[] plain = new byte[ObjectCipher.CHUNK_BYTES];
    private final byte[] sealed = new byte[ObjectCipher.CHUNK_BYTES + ObjectCipher.TAG_BYTES];
    private int filled;
    private long chunk;

    EncryptingUpload(ObjectUpload inner, ObjectCipher cipher, URI store, String key) throws IOException {
        this.inner = inner;
        this.cipher = cipher;
        this.store = store;
        this.key = key;
        inner.write(cipher.header());
    }

    @Override
    protected String describe() {
        return EncryptedObjectStore.describe(store, key);
    }

    /** A full buffer is sealed only when more data arrives, so the last chunk is always sealed as the last. */
    @Override
    protected void writeBytes(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (filled == plain.length) {
                sealChunk(false);
            }
            int n = Math.min(len, plain.length - filled);
            System.arraycopy(b, off, plain, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    @Override
    protected void commitObject() throws IOException {
        sealChunk(true);
        inner.commit();
    }

    @Override
    protected void discard() {
        inner.abort();
    }

    @Override
    protected StoreException commitFailure(IOException e) {
        return new StoreUnavailableException(store, key, "could not write the encrypted object: " + e.getMessage(),
                e);
    }

    private void sealChunk(boolean last) throws IOException {
        int n = cipher.seal(chunk, last, plain, filled, sealed);
        inner.write(sealed, 0, n);
        chunk++;
        filled = 0;
    }
}
