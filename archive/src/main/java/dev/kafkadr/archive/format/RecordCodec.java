package dev.kafkadr.archive.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes records into a block payload and decodes them back (docs/archive-format.md, "Record"). Stateless; the
 * decode cursor is per call.
 */
final class RecordCodec {

    private RecordCodec() {
    }

    /** Appends {@code r} to {@code out}, relative to the block's first offset and smallest timestamp. */
    static void encode(ArchivedRecord r, long baseOffset, long baseTimestamp, GrowableBytes out) {
        byte[][] headerKeys = new byte[r.headers().size()][];
        int maxSize = 10 + 10 + 1 + 5 + len(r.key()) + 5 + len(r.value()) + 5;
        for (int i = 0; i < headerKeys.length; i++) {
            ArchivedHeader h = r.headers().get(i);
            headerKeys[i] = h.key().getBytes(StandardCharsets.UTF_8);
            maxSize += 5 + headerKeys[i].length + 5 + len(h.value());
        }
        int pos = out.reserve(maxSize);
        byte[] buf = out.array();
        pos = Varints.writeUnsignedVarlong(r.offset() - baseOffset, buf, pos);
        pos = Varints.writeUnsignedVarlong(r.timestamp() - baseTimestamp, buf, pos);
        buf[pos++] = (byte) r.timestampType().code();
        pos = writeBytes(r.key(), buf, pos);
        pos = writeBytes(r.value(), buf, pos);
        pos = Varints.writeUnsignedVarlong(headerKeys.length, buf, pos);
        for (int i = 0; i < headerKeys.length; i++) {
            pos = Varints.writeUnsignedVarlong(headerKeys[i].length, buf, pos);
            System.arraycopy(headerKeys[i], 0, buf, pos, headerKeys[i].length);
            pos += headerKeys[i].length;
            pos = writeBytes(r.headers().get(i).value(), buf, pos);
        }
        out.advanceTo(pos);
    }

    private static int len(byte[] b) {
        return b == null ? 0 : b.length;
    }

    private static int writeBytes(byte[] b, byte[] buf, int pos) {
        if (b == null) {
            return Varints.writeZigzagInt(-1, buf, pos);
        }
        pos = Varints.writeZigzagInt(b.length, buf, pos);
        System.arraycopy(b, 0, buf, pos, b.length);
        return pos + b.length;
    }

    /**
     * Decodes {@code count} records from {@code payload[0..length)}.
     *
     * @throws IllegalArgumentException if the payload does not hold exactly {@code count} well-formed records
     */
    static List<ArchivedRecord> decode(byte[] payload, int length, int count, long baseOffset, long baseTimestamp) {
        Cursor c = new Cursor(payload, length);
        List<ArchivedRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long offset = baseOffset + c.unsignedVarlong();
            long timestamp = baseTimestamp + c.unsignedVarlong();
            int attributes = c.readByte() & 0xFF;
            TimestampType type = TimestampType.fromCode(attributes & 0x3);
            if (type == null || (attributes & ~0x3) != 0) {
                throw new IllegalArgumentException("record " + i + " has invalid attributes 0x"
                        + Integer.toHexString(attributes));
            }
            byte[] key = c.nullableBytes();
            byte[] value = c.nullableBytes();
            long headerCount = c.unsignedVarlong();
            if (headerCount < 0 || headerCount > c.remaining()) {
                throw new IllegalArgumentException("record " + i + " claims " + headerCount + " headers");
            }
            List<ArchivedHeader> headers = headerCount == 0 ? List.of() : new ArrayList<>((int) headerCount);
            for (int h = 0; h < headerCount; h++) {
                int keyLen = c.length();
                String hk = new String(payload, c.take(keyLen), keyLen, StandardCharsets.UTF_8);
                headers.add(new ArchivedHeader(hk, c.nullableBytes()));
            }
            out.add(new ArchivedRecord(offset, timestamp, type, key, value, headers));
        }
        if (c.remaining() != 0) {
            throw new IllegalArgumentException(c.remaining() + " bytes left after the last record");
        }
        return out;
    }

    /** Bounds-checked reader over a payload. */
    private static final class Cursor {
        private final byte[] buf;
        private final int limit;
        private int pos;

        Cursor(byte[] buf, int limit) {
            this.buf = buf;
            this.limit = limit;
        }

        int remaining() {
            return limit - pos;
        }

        byte readByte() {
            if (pos >= limit) {
                throw new IllegalArgumentException("payload ends inside a record at byte " + pos);
            }
            return buf[pos++];
        }

        long unsignedVarlong() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = readByte();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new IllegalArgumentException("varint longer than 10 bytes at byte " + pos);
        }

        int length() {
            long v = unsignedVarlong();
            if (v < 0 || v > remaining()) {
                throw new IllegalArgumentException("length " + v + " exceeds the payload at byte " + pos);
            }
            return (int) v;
        }

        int take(int n) {
            int start = pos;
            pos += n;
            return start;
        }

        byte[] nullableBytes() {
            long raw = unsignedVarlong();
            long n = (raw >>> 1) ^ -(raw & 1);
            if (n == -1) {
                return null;
            }
            if (n < 0 || n > remaining()) {
                throw new IllegalArgumentException("length " + n + " exceeds the payload at byte " + pos);
            }
            byte[] out = new byte[(int) n];
            System.arraycopy(buf, take((int) n), out, 0, (int) n);
            return out;
        }
    }
}
