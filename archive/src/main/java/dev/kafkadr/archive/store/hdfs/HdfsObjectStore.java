package dev.kafkadr.archive.store.hdfs;

import dev.kafkadr.archive.UsageException;
import dev.kafkadr.archive.store.ListPage;
import dev.kafkadr.archive.store.ObjectAlreadyExistsException;
import dev.kafkadr.archive.store.ObjectInfo;
import dev.kafkadr.archive.store.ObjectKeys;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectUpload;
import dev.kafkadr.archive.store.StoreOptions;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * An {@link ObjectStore} under an HDFS directory ({@code hdfs://namenode:port/path}) through its own Hadoop
 * {@link FileSystem} instance. Writes go to {@code <root>/.kdr-tmp/}, are hsynced and closed, then renamed into
 * place by the NameNode in one atomic step: overwriting for {@link #upload}, refusing an existing target for
 * {@link #putIfAbsent}. Hadoop settings come from the {@code hdfs.conf.*} options. Thread-safe.
 */
public final class HdfsObjectStore implements ObjectStore {

    /** How often a rename is retried when a concurrent delete pruned the parent directory just created. */
    private static final int RENAME_ATTEMPTS = 3;

    private final URI uri;
    private final FileSystem fs;
    private final Path root;
    private final HdfsErrors errors;
    private final HdfsLister lister;

    private HdfsObjectStore(URI uri, FileSystem fs, Path root) {
        this.uri = uri;
        this.fs = fs;
        this.root = root;
        this.errors = new HdfsErrors(uri);
        this.lister = new HdfsLister(fs, root);
    }

    /** Opens {@code hdfs://namenode:port/path}; the NameNode is contacted on first use. */
    public static ObjectStore open(URI uri, StoreOptions options) {
        URI clean = StoreOptions.stripQuery(uri);
        if (!"hdfs".equals(clean.getScheme()) || clean.getHost() == null) {
            throw new UsageException("store URI '" + clean + "' must name the namenode: hdfs://namenode:port/path");
        }
        if (clean.getUserInfo() != null) {
            throw new UsageException("store URI must not contain a user: use Hadoop's login (Kerberos or "
                    + "HADOOP_USER_NAME)");
        }
        Configuration conf = new Configuration();
        options.withPrefix(StoreOptions.HDFS_CONF_PREFIX).forEach(conf::set);
        String path = clean.getPath() == null || clean.getPath().isEmpty() ? "/" : clean.getPath();
        Path root = new Path(clean.getScheme(), clean.getAuthority(), path);
        try {
            return new HdfsObjectStore(clean, FileSystem.newInstance(clean, conf), root);
        } catch (IOException e) {
            throw new HdfsErrors(clean).translate(null, "could not open", e);
        }
    }

    @Override
    public URI uri() {
        return uri;
    }

    Path pathOf(String key) {
        ObjectKeys.validate(key);
        if (key.indexOf(':') >= 0) {
            throw new IllegalArgumentException("invalid object key '" + key + "': HDFS names cannot contain ':'");
        }
        return new Path(root, key);
    }

    @Override
    public ObjectUpload upload(String key) {
        pathOf(key);
        Path tmp = newTempPath();
        try {
            return new HdfsUpload(this, key, tmp, fs.create(tmp, false));
        } catch (IOException e) {
            throw errors.translate(key, "could not start writing", e);
        }
    }

    @Override
    public void putIfAbsent(String key, byte[] content) {
        Path target = pathOf(key);
        Path tmp = newTempPath();
        try {
            if (fs.exists(target)) {
                throw new ObjectAlreadyExistsException(uri, key, "already exists");
            }
            writeSynced(tmp, content);
            moveIntoPlace(tmp, key, false);
        } catch (FileAlreadyExistsException e) {
            throw new ObjectAlreadyExistsException(uri, key, "already exists", e);
        } catch (IOException e) {
            throw errors.translate(key, "could not create", e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Writes, hsyncs and closes a new file. No try-with-resources: after a DataNode failure the HDFS client's close()
     * rethrows the very exception write/hsync threw, and adding an exception to itself as suppressed fails with
     * "Self-suppression not permitted", hiding the real cause.
     */
    private void writeSynced(Path tmp, byte[] content) throws IOException {
        FSDataOutputStream out = fs.create(tmp, false);
        try {
            out.write(content);
            out.hsync();
        } catch (IOException e) {
            try {
                out.close();
            } catch (IOException sameOrLater) {
                // the stream already failed with e; the file is deleted by the caller
            }
            throw e;
        }
        out.close();
    }

    /** Renames a complete temporary file onto {@code key}; atomic on the NameNode. */
    void moveIntoPlace(Path tmp, String key, boolean overwrite) throws IOException {
        Path target = pathOf(key);
        Options.Rename mode = overwrite ? Options.Rename.OVERWRITE : Options.Rename.NONE;
        for (int attempt = 1; ; attempt++) {
            fs.mkdirs(target.getParent());
            try {
                FileUtil.rename(fs, tmp, target, mode);
                return;
            } catch (FileNotFoundException parentPruned) {
                if (attempt >= RENAME_ATTEMPTS || !fs.exists(tmp)) {
                    throw parentPruned;
                }
            }
        }
    }

    private Path newTempPath() {
        return new Path(new Path(root, ObjectKeys.TMP_DIR), UUID.randomUUID() + ".tmp");
    }

    @Override
    public InputStream get(String key) {
        try {
            return fs.open(pathOf(key));
        } catch (IOException e) {
            throw errors.translate(key, "could not read", e);
        }
    }

    @Override
    public InputStream getRange(String key, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("invalid range " + offset + "+" + length + " of key '" + key + "'");
        }
        try {
            FSDataInputStream in = fs.open(pathOf(key));
            return new PositionedRangeStream(in, offset, length);
        } catch (IOException e) {
            throw errors.translate(key, "could not read range " + offset + "+" + length, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        Path p = pathOf(key);
        try {
            FileStatus s = fs.getFileStatus(p);
            return s.isFile() ? Optional.of(new ObjectInfo(key, s.getLen())) : Optional.empty();
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw errors.translate(key, "could not stat", e);
        }
    }

    @Override
    public ListPage list(String prefix, String continuation, int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1 but was " + maxKeys);
        }
        try {
            return lister.list(prefix, continuation, maxKeys);
        } catch (IOException e) {
            throw errors.translate(prefix, "could not list", e);
        }
    }

    @Override
    public List<String> listChildren(String prefix) {
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            return ObjectStore.super.listChildren(prefix);
        }
        try {
            return lister.children(prefix);
        } catch (IOException e) {
            throw errors.translate(prefix, "could not list", e);
        }
    }

    @Override
    public void delete(String key) {
        Path p = pathOf(key);
        try {
            FileStatus s = fs.getFileStatus(p);
            if (s.isFile()) {
                fs.delete(p, false);
                pruneEmptyParents(p.getParent());
            }
        } catch (FileNotFoundException alreadyGone) {
            // deleting a missing object is not an error
        } catch (IOException e) {
            throw errors.translate(key, "could not delete", e);
        }
    }

    /** Removes directories left empty, up to the root; a non-recursive delete refuses a non-empty one. */
    private void pruneEmptyParents(Path dir) {
        Path cur = dir;
        while (cur != null && !cur.equals(root) && cur.depth() > root.depth()) {
            try {
                if (!fs.delete(cur, false)) {
                    return;
                }
            } catch (IOException notEmptyOrGone) {
                return;
            }
            cur = cur.getParent();
        }
    }

    @Override
    public void close() {
        try {
            fs.close();
        } catch (IOException e) {
            throw errors.translate(null, "could not close", e);
        }
    }

    @Override
    public String toString() {
        return "HdfsObjectStore[" + uri + "]";
    }

    HdfsErrors errors() {
        return errors;
    }

    void deleteQuietly(Path p) {
        try {
            fs.delete(p, false);
        } catch (IOException ignored) {
            // best effort: a leftover temporary file is garbage, never data
        }
    }
}
