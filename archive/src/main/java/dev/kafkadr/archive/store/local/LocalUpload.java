package dev.kafkadr.archive.store.local;

import dev.kafkadr.archive.store.ObjectUpload;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A write to a temp file that becomes the object by fsync + atomic rename on commit. Not thread-safe. */
final class LocalUpload extends ObjectUpload {

    private final LocalObjectStore store;
    private final String key;
    private final Path target;
    private final Path tmp;
    private final FileChannel channel;
    private long written;
    private boolean done;

    LocalUpload(LocalObjectStore store, String key, Path target, Path tmp, FileChannel channel) {
        this.store = store;
        this.key = key;
        this.target = target;
        this.tmp = tmp;
        this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (done) {
            throw new IOException("upload of " + key + " already finished");
        }
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        } catch (IOException e) {
            abort();
            throw store.translate(key, "could not write", e);
        }
        written += len;
    }

    @Override
    public long bytesWritten() {
        return written;
    }

    @Override
    public void commit() {
        if (done) {
            throw new IllegalStateException("upload of " + key + " already finished");
        }
        done = true;
        try {
            if (store.fsync()) {
                channel.force(true);
            }
            channel.close();
            Files.createDirectories(target.getParent());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            store.syncDirectory(target.getParent());
        } catch (IOException e) {
            LocalObjectStore.deleteQuietly(tmp);
            throw store.translate(key, "could not commit", e);
        }
    }

    @Override
    public void abort() {
        if (!done) {
            done = true;
            try {
                channel.close();
            } catch (IOException ignored) {
                // discarding anyway
            }
            LocalObjectStore.deleteQuietly(tmp);
        }
    }

    @Override
    public void close() {
        abort();
    }
}
