package dev.kafkadr.archive.format;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import org.xerial.snappy.Snappy;

/**
 * Compresses and decompresses whole block payloads with one {@link Codec}, reusing native contexts. One instance per
 * writer or reader; not thread-safe. Decompression checks that the output has exactly the expected length.
 */
final class BlockCodec implements AutoCloseable {

    private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();

    private final Codec codec;
    private final int level;
    private ZstdCompressCtx zstdCompress;
    private ZstdDecompressCtx zstdDecompress;
    private LZ4Compressor lz4Compressor;
    private LZ4SafeDecompressor lz4Decompressor;

    BlockCodec(Codec codec, int level) {
        this.codec = codec;
        this.level = level;
    }

    Codec codec() {
        return codec;
    }

    /** Compresses {@code src[0..len)} into {@code dst} (reset first); returns the compressed length. */
    int compress(byte[] src, int len, GrowableBytes dst) throws IOException {
        dst.reset();
        switch (codec) {
            case NONE -> dst.write(src, 0, len);
            case ZSTD -> {
                if (zstdCompress == null) {
                    zstdCompress = new ZstdCompressCtx().setLevel(level == 0 ? 3 : level);
                }
                int bound = (int) com.github.luben.zstd.Zstd.compressBound(len);
                dst.ensureCapacity(bound);
                dst.setSize(zstdCompress.compressByteArray(dst.array(), 0, bound, src, 0, len));
            }
            case LZ4 -> {
                if (lz4Compressor == null) {
                    lz4Compressor = LZ4.fastCompressor();
                }
                int bound = lz4Compressor.maxCompressedLength(len);
                dst.ensureCapacity(bound);
                dst.setSize(lz4Compressor.compress(src, 0, len, dst.array(), 0, bound));
            }
            case SNAPPY -> {
                int bound = Snappy.maxCompressedLength(len);
                dst.ensureCapacity(bound);
                dst.setSize(Snappy.rawCompress(src, 0, len, dst.array(), 0));
            }
            case GZIP -> {
                try (GZIPOutputStream gz = new GZIPOutputStream(dst, 64 * 1024)) {
                    gz.write(src, 0, len);
                }
            }
            default -> throw new IllegalStateException("codec " + codec);
        }
        return dst.size();
    }

    /**
     * Decompresses {@code src[off..off+len)} into {@code dst[0..expected)}.
     *
     * @throws IOException if the data is not valid for the codec or does not have exactly {@code expected} bytes
     */
    void decompress(byte[] src, int off, int len, byte[] dst, int expected) throws IOException {
        int n;
        try {
            switch (codec) {
                case NONE -> {
                    if (len != expected) {
                        throw new IOException("stored length " + len + " != uncompressed length " + expected);
                    }
                    System.arraycopy(src, off, dst, 0, len);
                    n = len;
                }
                case ZSTD -> {
                    if (zstdDecompress == null) {
                        zstdDecompress = new ZstdDecompressCtx();
                    }
                    n = zstdDecompress.decompressByteArray(dst, 0, expected, src, off, len);
                }
                case LZ4 -> {
                    if (lz4Decompressor == null) {
                        lz4Decompressor = LZ4.safeDecompressor();
                    }
                    n = lz4Decompressor.decompress(src, off, len, dst, 0, expected);
                }
                case SNAPPY -> {
                    if (Snappy.uncompressedLength(src, off, len) != expected) {
                        throw new IOException("snappy length does not match the block header");
                    }
                    n = Snappy.rawUncompress(src, off, len, dst, 0);
                }
                case GZIP -> n = gunzip(src, off, len, dst, expected);
                default -> throw new IllegalStateException("codec " + codec);
            }
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException(codec.configName() + " decompression failed: " + e.getMessage(), e);
        }
        if (n != expected) {
            throw new IOException(codec.configName() + " produced " + n + " bytes, block header says " + expected);
        }
    }

    private static int gunzip(byte[] src, int off, int len, byte[] dst, int expected) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(src, off, len), 64 * 1024)) {
            int n = in.readNBytes(dst, 0, expected);
            if (in.read() != -1) {
                throw new IOException("gzip payload is longer than the block header says");
            }
            return n;
        }
    }

    @Override
    public void close() {
        if (zstdCompress != null) {
            zstdCompress.close();
            zstdCompress = null;
        }
        if (zstdDecompress != null) {
            zstdDecompress.close();
            zstdDecompress = null;
        }
    }
}
