package dev.kafkadr.archive.store.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A 256-bit master key with its id and where it came from (a file or an environment variable). The key bytes never
 * appear in {@link #toString()} or in any message. Immutable (the bytes are copied in and out).
 */
public final class EncryptionKey {

    /** Key ids are short ASCII names: they are written into every object header and the run manifest. */
    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,48}");
    public static final int KEY_BYTES = 32;

    private final String id;
    private final byte[] material;
    private final String source;

    private EncryptionKey(String id, byte[] material, String source) {
        this.id = id;
        this.material = material.clone();
        this.source = source;
    }

    /** A key for {@code id} (null: a key given without an id, tried for any id but never used to write). */
    public static EncryptionKey of(String id, byte[] material, String source) {
        if (id != null) {
            checkId(id, source);
        }
        if (material.length != KEY_BYTES) {
            throw new EncryptionKeyException("the encryption key from " + source + " has " + material.length
                    + " bytes, expected " + KEY_BYTES + " (AES-256)");
        }
        return new EncryptionKey(id, material, source);
    }

    /** Reads a key file: 32 raw bytes, or 64 hex digits, or base64 of 32 bytes (surrounding whitespace ignored). */
    public static EncryptionKey fromFile(String id, Path file) {
        String source = "key file " + file;
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new EncryptionKeyException("encryption key file " + file + " does not exist");
        } catch (IOException e) {
            throw new EncryptionKeyException("cannot read encryption key file " + file + ": "
                    + e.getClass().getSimpleName());
        }
        if (content.length == KEY_BYTES && !isText(content)) {
            return of(id, content, source);
        }
        return of(id, parseText(new String(content, StandardCharsets.US_ASCII), source), source);
    }

    /** Reads a key from an environment variable: 64 hex digits or base64 of 32 bytes. */
    public static EncryptionKey fromEnv(String id, String variable, Map<String, String> env) {
        String source = "environment variable " + variable;
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            throw new EncryptionKeyException("environment variable " + variable + " (the encryption key) is not set");
        }
        return of(id, parseText(value, source), source);
    }

    /** 32 printable characters are a mistake (e.g. a 128-bit key in hex), not 32 random bytes. */
    private static boolean isText(byte[] content) {
        for (byte b : content) {
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return true;
    }

    static void checkId(String id, String source) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new EncryptionKeyException("encryption key id '" + id + "' for " + source + " is invalid: "
                    + "1 to 48 characters of [A-Za-z0-9._:-]");
        }
    }

    private static byte[] parseText(String text, String source) {
        String s = text.strip();
        if (s.matches("[0-9a-fA-F]{64}")) {
            return HexFormat.of().parseHex(s);
        }
        try {
            byte[] b = (s.contains("-") || s.contains("_") ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(s);
            if (b.length == KEY_BYTES) {
                return b;
            }
        } catch (IllegalArgumentException e) {
            // reported below without echoing the content
        }
        throw new EncryptionKeyException("the encryption key from " + source + " is malformed: expected 64 hex "
                + "digits, base64 of 32 bytes or 32 raw bytes, found " + s.length() + " characters");
    }

    /** The key id, or null for a key given without one. */
    public String id() {
        return id;
    }

    /** Where the key came from ("key file /etc/kdr/key"), for messages. */
    public String source() {
        return source;
    }

    /** A copy of the key bytes. */
    byte[] material() {
        return material.clone();
    }

    @Override
    public String toString() {
        return "EncryptionKey[id=" + id + ", from " + source + "]";
    }
}
