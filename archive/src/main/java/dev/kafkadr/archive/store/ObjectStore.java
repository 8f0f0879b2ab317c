package dev.kafkadr.archive.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedSet;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A flat namespace of immutable objects under one root (a local directory, an S3 bucket prefix, an HDFS path), the
 * only thing the archive format needs from storage. Keys are '/'-separated relative paths without a leading '/'.
 * Implementations are thread-safe.
 *
 * <p>Failures are {@link StoreException}s that name the object: {@link ObjectNotFoundException},
 * {@link ObjectAlreadyExistsException}, {@link StoreUnavailableException}, {@link StoreAccessDeniedException}.
 */
public interface ObjectStore extends AutoCloseable {

    /** Where this store points, without credentials; for messages and logs. */
    URI uri();

    /**
     * Starts a streaming write of {@code key}. Nothing is visible under the key until {@link ObjectUpload#commit()};
     * closing without commit discards what was written. An existing object under the key is replaced on commit.
     */
    ObjectUpload upload(String key);

    /**
     * Atomically creates {@code key} with {@code content} unless an object already exists there, in which case it
     * throws {@link ObjectAlreadyExistsException} and changes nothing. Durable when it returns. The commit point.
     */
    void putIfAbsent(String key, byte[] content);

    /** Reads the whole object as a stream. */
    InputStream get(String key);

    /** Reads {@code length} bytes starting at {@code offset}; fewer only if the object ends first. */
    InputStream getRange(String key, long offset, long length);

    /** Size and key of an object, or empty if there is none. */
    Optional<ObjectInfo> stat(String key);

    /**
     * One page of the objects whose keys start with {@code prefix}, in lexical (UTF-8 byte) key order.
     *
     * @param continuation null for the first page, else {@link ListPage#nextContinuation()} of the previous page
     * @param maxKeys      upper bound on objects per page (the store may return fewer)
     */
    ListPage list(String prefix, String continuation, int maxKeys);

    /** Deletes an object; deleting a missing object is not an error. */
    void delete(String key);

    /** Deletes several objects (batched where the store allows); missing objects are ignored. */
    default void deleteAll(Collection<String> keys) {
        keys.forEach(this::delete);
    }

    /**
     * The id of the client-side encryption key new objects are written with, or empty for a store that writes
     * plaintext; recorded in run manifests.
     */
    default Optional<String> encryptionKeyId() {
        return Optional.empty();
    }

    /** Releases clients and threads. */
    @Override
    void close();

    // ---- conveniences built on the primitives --------------------------------------------------------------

    /** Writes small content in one go (replacing an existing object). */
    default void put(String key, byte[] content) {
        try (ObjectUpload up = upload(key)) {
            up.write(content);
            up.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("write " + key, e);
        }
    }

    /** Reads a whole (small) object into memory; fails if it does not exist. */
    default byte[] readAll(String key) {
        try (InputStream in = get(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new StoreUnavailableException(uri(), key, "read failed: " + e.getMessage(), e);
        }
    }

    default boolean exists(String key) {
        return stat(key).isPresent();
    }

    /** Every object under {@code prefix}, page by page as the stream is consumed, in lexical key order. */
    default Stream<ObjectInfo> listAll(String prefix) {
        Iterator<ObjectInfo> it = new Iterator<>() {
            private Iterator<ObjectInfo> page = List.<ObjectInfo>of().iterator();
            private String continuation;
            private boolean more = true;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && more) {
                    ListPage p = list(prefix, continuation, 1000);
                    page = p.objects().iterator();
                    continuation = p.nextContinuation().orElse(null);
                    more = continuation != null;
                }
                return page.hasNext();
            }

            @Override
            public ObjectInfo next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false);
    }

    /**
     * The distinct next path elements below {@code prefix} (which should end with '/'), like a directory listing:
     * for keys a/b/c and a/d, children of "a/" are "b" and "d". Sorted in {@link ObjectKeys#ORDER}.
     *
     * <p>Children do not come out of a key listing in order ("a-x/1" sorts before "a/1"), so they are collected
     * in a sorted set. Stores that can list one level (S3 with a delimiter, a directory) override this.
     */
    default List<String> listChildren(String prefix) {
        SortedSet<String> out = new TreeSet<>(ObjectKeys.ORDER);
        try (Stream<ObjectInfo> all = listAll(prefix)) {
            all.forEach(o -> {
                String rest = o.key().substring(prefix.length());
                int slash = rest.indexOf('/');
                out.add(slash < 0 ? rest : rest.substring(0, slash));
            });
        }
        return new ArrayList<>(out);
    }
}
