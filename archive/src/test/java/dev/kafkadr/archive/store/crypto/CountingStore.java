package dev.kafkadr.archive.store.crypto;

import dev.kafkadr.archive.store.ForwardingObjectStore;
import dev.kafkadr.archive.store.ObjectStore;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Forwards to a real store and counts the bytes its reads return, to show what a ranged read fetches. */
final class CountingStore extends ForwardingObjectStore {

    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong requests = new AtomicLong();

    CountingStore(ObjectStore inner) {
        super(inner);
    }

    @Override
    public InputStream get(String key) {
        requests.incrementAndGet();
        return counted(delegate.get(key));
    }

    @Override
    public InputStream getRange(String key, long offset, long length) {
        requests.incrementAndGet();
        return counted(delegate.getRange(key, offset, length));
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
