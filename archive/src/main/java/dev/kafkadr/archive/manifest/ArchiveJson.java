package dev.kafkadr.archive.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kafkadr.archive.format.UnsupportedFormatVersionException;
import dev.kafkadr.archive.store.crypto.EncryptionKeyRequiredException;
import dev.kafkadr.archive.store.crypto.EnvelopeHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * Writes and reads the archive's JSON objects with their self-checksum framing: every object starts with
 * {@code {"format":1,"crc32c":"<8 hex>",} and the CRC32C covers the bytes with those hex digits as '0'
 * (docs/archive-format.md, section 4). Thread-safe.
 */
public final class ArchiveJson {

    public static final int FORMAT = 1;
    /** Format of the index objects added by archive format version 2 (section 8); other objects stay at 1. */
    public static final int INDEX_FORMAT = 2;
    private static final int CRC_AT = prefix(FORMAT).length();
    private static final byte[] ZEROS = "00000000".getBytes(StandardCharsets.US_ASCII);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ArchiveJson() {
    }

    /** Serializes {@code value} (a record) with the format-1 and checksum header. */
    public static byte[] write(Object value) {
        return write(value, FORMAT);
    }

    /** Serializes {@code value} (a record) with the header of format {@code format} (a single digit). */
    public static byte[] write(Object value, int format) {
        if (format < 1 || format > 9) {
            throw new IllegalArgumentException("format must be one digit: " + format);
        }
        byte[] body;
        try {
            body = MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
        if (body.length < 2 || body[0] != '{') {
            throw new IllegalArgumentException("archive JSON objects must be JSON objects");
        }
        boolean empty = body.length == 2;
        byte[] prefix = (prefix(format) + "00000000\"" + (empty ? "" : ",")).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + body.length - 1];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(body, 1, out, prefix.length, body.length - 1);
        byte[] hex = String.format("%08x", crc(out)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hex, 0, out, CRC_AT, 8);
        return out;
    }

    /** Checks the header and checksum of {@code bytes} read from {@code object} and parses them as {@code type}. */
    public static <T> T read(byte[] bytes, String object, Class<T> type) {
        return read(bytes, object, type, FORMAT);
    }

    /** Like {@link #read(byte[], String, Class)} for an object type whose only known version is {@code format}. */
    public static <T> T read(byte[] bytes, String object, Class<T> type, int format) {
        checkFraming(bytes, object, format);
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException e) {
            throw new CorruptArchiveObjectException(object, "not a valid " + type.getSimpleName() + ": "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /** Verifies version and checksum without parsing. */
    public static void checkFraming(byte[] bytes, String object) {
        checkFraming(bytes, object, FORMAT);
    }

    /** Verifies that the object states version {@code format} and that its checksum matches, without parsing. */
    public static void checkFraming(byte[] bytes, String object, int format) {
        if (EnvelopeHeader.hasMagic(bytes, bytes.length)) {
            throw new EncryptionKeyRequiredException(object, EnvelopeHeader.peekKeyId(bytes, bytes.length),
                    "no encryption key is configured");
        }
        String head = new String(bytes, 0, Math.min(bytes.length, CRC_AT + 10), StandardCharsets.US_ASCII);
        if (!head.startsWith("{\"format\":")) {
            throw new CorruptArchiveObjectException(object, "does not start with {\"format\":…");
        }
        int versionEnd = head.indexOf(',', 10);
        String version = versionEnd < 0 ? "" : head.substring(10, versionEnd);
        if (!version.matches("[0-9]{1,9}")) {
            throw new CorruptArchiveObjectException(object, "format version is not a number: '" + version + "'");
        }
        if (Long.parseLong(version) != format) {
            throw new UnsupportedFormatVersionException(object, Long.parseLong(version), format);
        }
        if (bytes.length < CRC_AT + 9 || !head.startsWith(prefix(format)) || bytes[CRC_AT + 8] != '"') {
            throw new CorruptArchiveObjectException(object, "missing the crc32c header member");
        }
        String stored = new String(bytes, CRC_AT, 8, StandardCharsets.US_ASCII);
        byte[] copy = bytes.clone();
        System.arraycopy(ZEROS, 0, copy, CRC_AT, 8);
        String actual = String.format("%08x", crc(copy));
        if (!stored.equals(actual)) {
            throw new CorruptArchiveObjectException(object, "CRC32C mismatch: stored " + stored + ", content gives "
                    + actual + " (truncated or altered)");
        }
    }

    /** Plain JSON for CLI output (no framing), pretty-printed, keys in stable order. */
    public static String toPrettyJson(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String prefix(int format) {
        return "{\"format\":" + format + ",\"crc32c\":\"";
    }

    private static long crc(byte[] b) {
        CRC32C c = new CRC32C();
        c.update(b, 0, b.length);
        return c.getValue();
    }
}
