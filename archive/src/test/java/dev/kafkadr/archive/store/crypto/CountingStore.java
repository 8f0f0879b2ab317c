package dev.kafkadr.archive.store.crypto;

import dev.kafkadr.archive.store.ListPage;
import dev.kafkadr.archive.store.ObjectInfo;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectUpload;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Forwards to a real store and counts the bytes its reads return, to show what a ranged read fetches. */
final class CountingStore implements ObjectStore {

    private final ObjectStore inner;
    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong requests = new AtomicLong();

    CountingStore(ObjectStore inner) {
        this.inner = inner;
    }

    @Override
    public URI uri() {
        return inner.uri();
    }

    @Override
    public ObjectUpload upload(String key) {
        return inner.upload(key);
    }

    @Override
    public void putIfAbsent(String key, byte[] content) {
        inner.putIfAbsent(key, content);
    }

    @Override
    public InputStream get(String key) {
        requests.incrementAndGet();
        return counted(inner.get(key));
    }

    @Override
    public InputStream getRange(String key, long offset, long length) {
        requests.incrementAndGet();
        return counted(inner.getRange(key, offset, length));
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return inner.stat(key);
    }

    @Override
    public ListPage list(String prefix, String continuation, int maxKeys) {
        return inner.list(prefix, continuation, maxKeys);
    }

    @Override
    public void delete(String key) {
        inner.delete(key);
    }

    @Override
    public void close() {
        inner.close();
    }

    private InputStream counted(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytesRead.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    bytesRead.addAndGet(n);
                }
                return n;
            }
        };
    }
}
