package dev.kafkadr.archive.store.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The fixed-size header at the start of every encrypted object (docs/archive-format.md section 9): magic, envelope
 * version, cipher suite, key id, salt and key check, protected by a CRC32C. Immutable.
 */
public record EnvelopeHeader(String keyId, byte[] salt, byte[] keyCheck) {

    /** {@code KDRC}. */
    public static final int MAGIC = 0x4B445243;
    public static final int VERSION = 1;
    /** AES-256-GCM, HKDF-SHA256 per-object key, 64 KiB plaintext chunks. */
    public static final int SUITE_AES256_GCM_HKDF_SHA256_64K = 1;
    public static final int BYTES = 112;
    public static final int SALT_BYTES = 32;
    public static final int KEY_CHECK_BYTES = 16;
    static final int KEY_ID_FIELD = 48;

    public EnvelopeHeader {
        salt = salt.clone();
        keyCheck = keyCheck.clone();
    }

    /** Whether {@code start} (at least 4 bytes read from an object's beginning) opens with the envelope magic. */
    public static boolean hasMagic(byte[] start, int length) {
        return length >= 4 && ByteBuffer.wrap(start, 0, 4).getInt() == MAGIC;
    }

    /** The key id of an envelope header, or "?" if the bytes are too short or damaged; for messages only. */
    public static String peekKeyId(byte[] start, int length) {
        if (length < 8 + KEY_ID_FIELD) {
            return "?";
        }
        int n = Byte.toUnsignedInt(start[7]);
        if (n < 1 || n > KEY_ID_FIELD) {
            return "?";
        }
        String id = new String(start, 8, n, StandardCharsets.US_ASCII);
        return EncryptionKey.KEY_ID.matcher(id).matches() ? id : "?";
    }

    byte[] encode() {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(BYTES);
        b.putInt(MAGIC).putShort((short) VERSION).put((byte) SUITE_AES256_GCM_HKDF_SHA256_64K).put((byte) id.length);
        b.put(Arrays.copyOf(id, KEY_ID_FIELD)).put(salt).put(keyCheck).putInt(0);
        b.putInt((int) crc(b.array()));
        return b.array();
    }

    /** Parses and checks a header read from {@code object}; the caller has checked the magic. */
    static EnvelopeHeader decode(byte[] h, String object) {
        ByteBuffer b = ByteBuffer.wrap(h, 0, BYTES);
        b.getInt();
        int version = Short.toUnsignedInt(b.getShort());
        int suite = Byte.toUnsignedInt(b.get());
        int idLength = Byte.toUnsignedInt(b.get());
        int storedCrc = b.getInt(BYTES - 4);
        if (version > VERSION) { // a newer layout: its CRC may sit elsewhere
            throw new dev.kafkadr.archive.format.UnsupportedFormatVersionException(object + " (encryption envelope)",
                    version, VERSION);
        }
        if (storedCrc != (int) crc(h)) {
            throw new TamperedObjectException(object, "envelope header CRC32C mismatch (header bytes 0-107 altered)");
        }
        if (version != VERSION) {
            throw new TamperedObjectException(object, "envelope version " + version + " was never written");
        }
        if (suite != SUITE_AES256_GCM_HKDF_SHA256_64K) {
            throw new dev.kafkadr.archive.format.UnsupportedFormatVersionException(object
                    + " (encryption envelope cipher suite)", suite, SUITE_AES256_GCM_HKDF_SHA256_64K);
        }
        if (idLength < 1 || idLength > KEY_ID_FIELD) {
            throw new TamperedObjectException(object, "envelope header key id length " + idLength);
        }
        String id = new String(h, 8, idLength, StandardCharsets.US_ASCII);
        byte[] salt = Arrays.copyOfRange(h, 8 + KEY_ID_FIELD, 8 + KEY_ID_FIELD + SALT_BYTES);
        byte[] check = Arrays.copyOfRange(h, 8 + KEY_ID_FIELD + SALT_BYTES,
                8 + KEY_ID_FIELD + SALT_BYTES + KEY_CHECK_BYTES);
        return new EnvelopeHeader(id, salt, check);
    }

    private static long crc(byte[] h) {
        CRC32C c = new CRC32C();
        c.update(h, 0, BYTES - 4);
        return c.getValue();
    }
}
