package dev.kafkadr.archive.store.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM sealing of one object's chunks under the object key HKDF-SHA256 derives from the master key and the
 * object's salt. Nonce = chunk index; AAD = envelope header, object key, chunk index, last-chunk flag. Not
 * thread-safe (one per upload or read stream).
 */
final class ObjectCipher {

    static final int CHUNK_BYTES = 64 * 1024;
    static final int TAG_BYTES = 16;
    private static final byte[] INFO = "kafka-dr envelope v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;
    private final byte[] keyCheck;
    private final byte[] header;
    private final byte[] objectKey;
    private final Cipher cipher;

    private ObjectCipher(byte[] derived, byte[] header, String objectKey) {
        this.key = new SecretKeySpec(derived, 0, 32, "AES");
        this.keyCheck = Arrays.copyOfRange(derived, 32, 32 + EnvelopeHeader.KEY_CHECK_BYTES);
        Arrays.fill(derived, (byte) 0);
        this.header = header;
        this.objectKey = objectKey.getBytes(StandardCharsets.UTF_8);
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available in this JVM", e);
        }
    }

    /** For writing {@code objectKey} under {@code master} with {@code salt}; also yields the header bytes. */
    static ObjectCipher forWriting(EncryptionKey master, byte[] salt, String objectKey) {
        byte[] derived = derive(master, salt);
        byte[] check = Arrays.copyOfRange(derived, 32, 32 + EnvelopeHeader.KEY_CHECK_BYTES);
        byte[] header = new EnvelopeHeader(master.id(), salt, check).encode();
        return new ObjectCipher(derived, header, objectKey);
    }

    /** For reading; fails with {@link WrongEncryptionKeyException} if {@code master} is not the object's key. */
    static ObjectCipher forReading(EncryptionKey master, EnvelopeHeader parsed, byte[] header, String objectKey,
                                   String object) {
        ObjectCipher c = new ObjectCipher(derive(master, parsed.salt(), parsed.keyId()), header, objectKey);
        if (!MessageDigest.isEqual(c.keyCheck, parsed.keyCheck())) {
            throw new WrongEncryptionKeyException(object, parsed.keyId(), master.source());
        }
        return c;
    }

    byte[] header() {
        return header.clone();
    }

    /** Seals {@code len} plaintext bytes as chunk {@code index} into {@code out} (len + 16 bytes). */
    int seal(long index, boolean last, byte[] in, int len, byte[] out) {
        try {
            init(Cipher.ENCRYPT_MODE, index, last);
            return cipher.doFinal(in, 0, len, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Opens chunk {@code index} ({@code len} sealed bytes) into {@code out}; returns the plaintext length. */
    int open(long index, boolean last, byte[] in, int len, byte[] out, String object) {
        if (len < TAG_BYTES) {
            throw new TamperedObjectException(object, "chunk " + index + " has " + len + " bytes, shorter than its "
                    + "authentication tag (truncated)");
        }
        try {
            init(Cipher.DECRYPT_MODE, index, last);
            return cipher.doFinal(in, 0, len, out, 0);
        } catch (AEADBadTagException e) {
            throw new TamperedObjectException(object, "AES-GCM tag of chunk " + index + (last ? " (last)" : "")
                    + " does not verify (bytes altered, truncated, reordered or moved from another object)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    private void init(int mode, long index, boolean last) throws GeneralSecurityException {
        byte[] nonce = ByteBuffer.allocate(12).putInt(0).putLong(index).array();
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(header);
        cipher.updateAAD(objectKey);
        cipher.updateAAD(ByteBuffer.allocate(9).putLong(index).put((byte) (last ? 1 : 0)).array());
    }

    private static byte[] derive(EncryptionKey master, byte[] salt) {
        return derive(master, salt, master.id());
    }

    /** HKDF-SHA256 (RFC 5869): 48 bytes = 32-byte AES key + 16-byte key check; info binds the key id. */
    static byte[] derive(EncryptionKey master, byte[] salt, String keyId) {
        byte[] ikm = master.material();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            byte[] info = ByteBuffer.allocate(INFO.length + 1 + keyId.length()).put(INFO).put((byte) 0)
                    .put(keyId.getBytes(StandardCharsets.US_ASCII)).array();
            mac.update(info);
            mac.update((byte) 1);
            byte[] t1 = mac.doFinal();
            mac.update(t1);
            mac.update(info);
            mac.update((byte) 2);
            byte[] t2 = mac.doFinal();
            byte[] out = new byte[48];
            System.arraycopy(t1, 0, out, 0, 32);
            System.arraycopy(t2, 0, out, 32, 16);
            Arrays.fill(prk, (byte) 0);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /** Size of the stored object for {@code plaintext} bytes. */
    static long sealedSize(long plaintext) {
        long chunks = Math.max(1, (plaintext + CHUNK_BYTES - 1) / CHUNK_BYTES);
        return EnvelopeHeader.BYTES + plaintext + chunks * TAG_BYTES;
    }

    /** Plaintext size of a stored object of {@code sealed} bytes (0 for sizes no envelope can have). */
    static long plaintextSize(long sealed) {
        long body = sealed - EnvelopeHeader.BYTES;
        if (body < TAG_BYTES) {
            return 0;
        }
        long chunks = (body + CHUNK_BYTES + TAG_BYTES - 1) / (CHUNK_BYTES + TAG_BYTES);
        return Math.max(0, body - chunks * TAG_BYTES);
    }

    /** Stored position of chunk {@code index}. */
    static long chunkPosition(long index) {
        return EnvelopeHeader.BYTES + index * (CHUNK_BYTES + TAG_BYTES);
    }
}
