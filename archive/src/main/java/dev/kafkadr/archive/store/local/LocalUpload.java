package dev.kafkadr.archive.store.local;

import dev.kafkadr.archive.store.ObjectUpload;
import dev.kafkadr.archive.store.StoreException;
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

    LocalUpload(LocalObjectStore store, String key, Path target, Path tmp, FileChannel channel) {
        this.store = store;
        this.key = key;
        this.target = target;
        this.tmp = tmp;
        this.channel = channel;
    }

    @Override
    protected String describe() {
        return key;
    }

    @Override
    protected void writeBytes(byte[] b, int off, int len) {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        try {
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
        } catch (IOException e) {
            throw store.translate(key, "could not write", e);
        }
    }

    @Override
    protected void commitObject() throws IOException {
        if (store.fsync()) {
            channel.force(true);
        }
        channel.close();
        Files.createDirectories(target.getParent());
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        store.syncDirectory(target.getParent());
    }

    @Override
    protected StoreException commitFailure(IOException e) {
        return store.translate(key, "could not commit", e);
    }

    @Override
    protected void discard() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // discarding anyway
        }
        LocalObjectStore.deleteQuietly(tmp);
    }
}
