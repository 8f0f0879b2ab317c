package dev.kafkadr.archive.format;

/** LEB128 unsigned and zigzag signed variable-length integers, as in Kafka's record format. Stateless. */
final class Varints {

    private Varints() {
    }

    static int writeUnsignedVarlong(long v, byte[] buf, int pos) {
        while ((v & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
        return pos;
    }

    static int writeZigzagInt(int v, byte[] buf, int pos) {
        return writeUnsignedVarlong(((long) ((v << 1) ^ (v >> 31))) & 0xFFFFFFFFL, buf, pos);
    }

    static int sizeOfUnsignedVarlong(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            n++;
            v >>>= 7;
        }
        return n;
    }
}
