package dev.kafkadr.archive.store;

import java.io.InputStream;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * An {@link ObjectStore} that forwards every call to another, for decorators that change one or two operations
 * (counting reads, injecting a step before a write). The convenience defaults that build on the primitives
 * ({@code readAll}, {@code put}, {@code exists}, {@code listAll}) are not forwarded, so they pass through this
 * store's overrides; the ones a store may implement natively ({@code listChildren}, {@code deleteAll},
 * {@code encryptionKeyId}) are. As thread-safe as the store it forwards to and the overrides.
 */
public abstract class ForwardingObjectStore implements ObjectStore {

    protected final ObjectStore delegate;

    protected ForwardingObjectStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public URI uri() {
        return delegate.uri();
    }

    @Override
    public ObjectUpload upload(String key) {
        return delegate.upload(key);
    }

    @Override
    public void putIfAbsent(String key, byte[] content) {
        delegate.putIfAbsent(key, content);
    }

    @Override
    public InputStream get(String key) {
        return delegate.get(key);
    }

    @Override
    public InputStream getRange(String key, long offset, long length) {
        return delegate.getRange(key, offset, length);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return delegate.stat(key);
    }

    @Override
    public ListPage list(String prefix, String continuation, int maxKeys) {
        return delegate.list(prefix, continuation, maxKeys);
    }

    @Override
    public List<String> listChildren(String prefix) {
        return delegate.listChildren(prefix);
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
    }

    @Override
    public void deleteAll(Collection<String> keys) {
        delegate.deleteAll(keys);
    }

    @Override
    public Optional<String> encryptionKeyId() {
        return delegate.encryptionKeyId();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
