package dev.kafkadr.archive.store.crypto;

import dev.kafkadr.archive.store.ForwardingObjectStore;
import dev.kafkadr.archive.store.ListPage;
import dev.kafkadr.archive.store.ObjectInfo;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectUpload;
import dev.kafkadr.archive.store.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.Function;

/**
 * Client-side encryption over any {@link ObjectStore}: every object is stored in the envelope of
 * docs/archive-format.md section 9 (AES-256-GCM in 64 KiB chunks under a per-object HKDF key), and every read is
 * authenticated. Sizes in {@link #stat} and {@link #list} are plaintext sizes; ranged reads fetch only the covering
 * chunks. An object that is not in the envelope is rejected. Thread-safe.
 */
public final class EncryptedObjectStore extends ForwardingObjectStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyRing keys;
    private final Function<String, byte[]> salts;

    public EncryptedObjectStore(ObjectStore inner, KeyRing keys) {
        this(inner, keys, EncryptedObjectStore::randomSalt);
    }

    /** With a chosen salt per object key; only golden-fixture tests pass a deterministic one. */
    public EncryptedObjectStore(ObjectStore inner, KeyRing keys, Function<String, byte[]> salts) {
        super(inner);
        this.keys = keys;
        this.salts = salts;
    }

    /** The wrapped store, which sees only envelopes. */
    public ObjectStore inner() {
        return delegate;
    }

    @Override
    public Optional<String> encryptionKeyId() {
        return Optional.ofNullable(keys.current().id());
    }

    @Override
    public ObjectUpload upload(String key) {
        ObjectUpload up = delegate.upload(key);
        try {
            return new EncryptingUpload(up, writer(key), uri(), key);
        } catch (IOException | RuntimeException e) {
            up.abort();
            if (e instanceof IOException io) {
                throw new StoreUnavailableException(uri(), key, "could not start the encrypted upload: "
                        + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    @Override
    public void putIfAbsent(String key, byte[] content) {
        delegate.putIfAbsent(key, seal(key, content));
    }

    @Override
    public void put(String key, byte[] content) {
        delegate.put(key, seal(key, content));
    }

    @Override
    public InputStream get(String key) {
        InputStream raw = delegate.get(key);
        try {
            ObjectCipher cipher = reader(key, readHeader(raw, key));
            return new DecryptingInputStream(raw, cipher, describe(uri(), key), 0, 0, Long.MAX_VALUE, true);
        } catch (IOException | RuntimeException e) {
            closeQuietly(raw, e);
            throw rethrow(key, e);
        }
    }

    /** Fetches the header and only the chunks covering the range (one request when the range starts in chunk 0). */
    @Override
    public InputStream getRange(String key, long offset, long length) {
        long chunk = ObjectCipher.CHUNK_BYTES;
        long first = offset / chunk;
        long last = length <= 0 ? first : (Math.min(offset, Long.MAX_VALUE - length) + length - 1) / chunk;
        long from = ObjectCipher.chunkPosition(first);
        long to = last >= (Long.MAX_VALUE - EnvelopeHeader.BYTES) / (chunk + ObjectCipher.TAG_BYTES) - 1
                ? Long.MAX_VALUE : ObjectCipher.chunkPosition(last + 1) + 1; // +1: tells whether `last` is the end
        InputStream raw = null;
        try {
            if (length <= 0) {
                try (InputStream h = delegate.getRange(key, 0, EnvelopeHeader.BYTES)) {
                    reader(key, readHeader(h, key));
                }
                return InputStream.nullInputStream();
            }
            ObjectCipher cipher;
            if (first == 0) {
                raw = delegate.getRange(key, 0, to);
                cipher = reader(key, readHeader(raw, key));
            } else {
                try (InputStream h = delegate.getRange(key, 0, EnvelopeHeader.BYTES)) {
                    cipher = reader(key, readHeader(h, key));
                }
                raw = delegate.getRange(key, from, to == Long.MAX_VALUE ? Long.MAX_VALUE : to - from);
            }
            return new DecryptingInputStream(raw, cipher, describe(uri(), key), first, offset - first * chunk,
                    length, false);
        } catch (IOException | RuntimeException e) {
            if (raw != null) {
                closeQuietly(raw, e);
            }
            throw rethrow(key, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return delegate.stat(key).map(EncryptedObjectStore::plain);
    }

    @Override
    public ListPage list(String prefix, String continuation, int maxKeys) {
        ListPage page = delegate.list(prefix, continuation, maxKeys);
        return new ListPage(page.objects().stream().map(EncryptedObjectStore::plain).toList(),
                page.nextContinuation());
    }

    @Override
    public String toString() {
        return "EncryptedObjectStore[" + uri() + ", keys " + keys.describeIds() + "]";
    }

    /** The stored bytes of {@code content} under {@code key} (small objects: manifests, commit records). */
    byte[] seal(String key, byte[] content) {
        ObjectCipher cipher = writer(key);
        long size = ObjectCipher.sealedSize(content.length);
        byte[] out = new byte[Math.toIntExact(size)];
        byte[] header = cipher.header();
        System.arraycopy(header, 0, out, 0, header.length);
        int at = header.length;
        byte[] sealed = new byte[ObjectCipher.CHUNK_BYTES + ObjectCipher.TAG_BYTES];
        long index = 0;
        int pos = 0;
        do {
            int n = Math.min(ObjectCipher.CHUNK_BYTES, content.length - pos);
            byte[] plain = java.util.Arrays.copyOfRange(content, pos, pos + n);
            int m = cipher.seal(index++, pos + n == content.length, plain, n, sealed);
            System.arraycopy(sealed, 0, out, at, m);
            at += m;
            pos += n;
        } while (pos < content.length);
        return out;
    }

    private ObjectCipher writer(String key) {
        EncryptionKey current = keys.current();
        if (current.id() == null) {
            throw new EncryptionKeyException("cannot write " + describe(uri(), key) + ": writing needs a key id "
                    + "(store option encryption.key-id, agent: store.encryption.key-id)");
        }
        byte[] salt = salts.apply(key);
        if (salt.length != EnvelopeHeader.SALT_BYTES) {
            throw new IllegalStateException("salt must have " + EnvelopeHeader.SALT_BYTES + " bytes");
        }
        return ObjectCipher.forWriting(current, salt, key);
    }

    private record Header(EnvelopeHeader parsed, byte[] bytes) {
    }

    private Header readHeader(InputStream raw, String key) throws IOException {
        byte[] h = raw.readNBytes(EnvelopeHeader.BYTES);
        String object = describe(uri(), key);
        if (!EnvelopeHeader.hasMagic(h, h.length)) {
            throw new UnencryptedObjectException(object, h.length == 0 ? "it is empty"
                    : "it does not start with the envelope magic KDRC");
        }
        if (h.length < EnvelopeHeader.BYTES) {
            throw new TamperedObjectException(object, "only " + h.length + " bytes, shorter than the "
                    + EnvelopeHeader.BYTES + "-byte envelope header (truncated)");
        }
        return new Header(EnvelopeHeader.decode(h, object), h);
    }

    private ObjectCipher reader(String key, Header h) {
        String object = describe(uri(), key);
        EncryptionKey master = keys.forId(h.parsed().keyId()).orElseThrow(() -> new EncryptionKeyRequiredException(
                object, h.parsed().keyId(), "the configured key ids are " + keys.describeIds()));
        return ObjectCipher.forReading(master, h.parsed(), h.bytes(), key, object);
    }

    private RuntimeException rethrow(String key, Exception e) {
        if (e instanceof RuntimeException r) {
            return r;
        }
        return new StoreUnavailableException(uri(), key, "read failed: " + e.getMessage(), e);
    }

    private static void closeQuietly(InputStream in, Exception failure) {
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static ObjectInfo plain(ObjectInfo sealed) {
        return new ObjectInfo(sealed.key(), ObjectCipher.plaintextSize(sealed.size()));
    }

    static String describe(URI store, String key) {
        String base = store.toString();
        return base.endsWith("/") ? base + key : base + "/" + key;
    }

    private static byte[] randomSalt(String key) {
        byte[] salt = new byte[EnvelopeHeader.SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salt;
    }
}
