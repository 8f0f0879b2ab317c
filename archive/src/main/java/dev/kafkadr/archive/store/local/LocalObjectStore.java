package dev.kafkadr.archive.store.local;

import dev.kafkadr.archive.store.ListPage;
import dev.kafkadr.archive.store.ObjectAlreadyExistsException;
import dev.kafkadr.archive.store.ObjectInfo;
import dev.kafkadr.archive.store.ObjectKeys;
import dev.kafkadr.archive.store.ObjectNotFoundException;
import dev.kafkadr.archive.store.ObjectStore;
import dev.kafkadr.archive.store.ObjectUpload;
import dev.kafkadr.archive.store.StoreAccessDeniedException;
import dev.kafkadr.archive.store.StoreException;
import dev.kafkadr.archive.store.StoreOptions;
import dev.kafkadr.archive.store.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An {@link ObjectStore} in a local directory (the embedded default). Writes go to a temporary file under
 * {@code .kdr-tmp/}, are fsynced, and are moved into place atomically; {@link #putIfAbsent} uses a hard link, which
 * the kernel refuses atomically when the target exists. Thread-safe.
 */
public final class LocalObjectStore implements ObjectStore {

    static final String TMP_DIR = ".kdr-tmp";
    /** strerror(ENOSPC): the JDK's message for a write or create on a full filesystem. */
    static final String NO_SPACE = "No space left on device";

    private final Path root;
    private final boolean fsync;

    public LocalObjectStore(Path root, StoreOptions options) {
        this.root = root.toAbsolutePath().normalize();
        this.fsync = options.getBoolean(StoreOptions.LOCAL_FSYNC, true);
    }

    @Override
    public URI uri() {
        return root.toUri();
    }

    Path root() {
        return root;
    }

    Path pathOf(String key) {
        if (key.isEmpty() || key.startsWith("/") || key.contains("//") || key.endsWith("/")
                || List.of(key.split("/")).stream().anyMatch(s -> s.equals("..") || s.equals("."))
                || key.startsWith(TMP_DIR)) {
            throw new IllegalArgumentException("invalid object key '" + key + "'");
        }
        return root.resolve(key);
    }

    @Override
    public ObjectUpload upload(String key) {
        Path target = pathOf(key);
        try {
            Path tmp = newTempFile();
            FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
            return new LocalUpload(this, key, target, tmp, ch);
        } catch (IOException e) {
            throw translate(key, "could not start writing", e);
        }
    }

    Path newTempFile() throws IOException {
        Path dir = root.resolve(TMP_DIR);
        Files.createDirectories(dir);
        return Files.createFile(dir.resolve(UUID.randomUUID() + ".tmp"));
    }

    @Override
    public void putIfAbsent(String key, byte[] content) {
        Path target = pathOf(key);
        Path tmp = null;
        try {
            if (Files.exists(target)) {
                throw new ObjectAlreadyExistsException(uri(), key, "already exists");
            }
            tmp = newTempFile();
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(content));
                if (fsync) {
                    ch.force(true);
                }
            }
            Files.createDirectories(target.getParent());
            Files.createLink(target, tmp);
            syncDirectory(target.getParent());
        } catch (FileAlreadyExistsException e) {
            throw new ObjectAlreadyExistsException(uri(), key, "already exists");
        } catch (IOException e) {
            throw translate(key, "could not create", e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    void syncDirectory(Path dir) throws IOException {
        if (!fsync) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some filesystems cannot fsync a directory; the file itself was fsynced
        }
    }

    boolean fsync() {
        return fsync;
    }

    @Override
    public InputStream get(String key) {
        try {
            return Files.newInputStream(pathOf(key));
        } catch (IOException e) {
            throw translate(key, "could not read", e);
        }
    }

    @Override
    public InputStream getRange(String key, long offset, long length) {
        try {
            FileChannel ch = FileChannel.open(pathOf(key), StandardOpenOption.READ);
            ch.position(offset);
            InputStream in = Channels.newInputStream(ch);
            return new BoundedInputStream(in, length);
        } catch (IOException e) {
            throw translate(key, "could not read range " + offset + "+" + length, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        Path p = pathOf(key);
        try {
            return Files.isRegularFile(p) ? Optional.of(new ObjectInfo(key, Files.size(p))) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw translate(key, "could not stat", e);
        }
    }

    @Override
    public ListPage list(String prefix, String continuation, int maxKeys) {
        int slash = prefix.lastIndexOf('/');
        Path dir = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        if (!Files.isDirectory(dir)) {
            return new ListPage(List.of(), Optional.empty());
        }
        List<ObjectInfo> matches = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String key = root.relativize(p).toString().replace('\\', '/');
                if (key.startsWith(prefix) && !key.startsWith(TMP_DIR + "/")
                        && (continuation == null || ObjectKeys.compare(key, continuation) > 0)) {
                    matches.add(new ObjectInfo(key, p.toFile().length()));
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new StoreUnavailableException(uri(), prefix, "could not list: " + e.getMessage(), e);
        }
        matches.sort((a, b) -> ObjectKeys.compare(a.key(), b.key()));
        if (matches.size() <= maxKeys) {
            return new ListPage(matches, Optional.empty());
        }
        List<ObjectInfo> page = matches.subList(0, maxKeys);
        return new ListPage(page, Optional.of(page.get(page.size() - 1).key()));
    }

    /** One directory read instead of walking every object below {@code prefix}. */
    @Override
    public List<String> listChildren(String prefix) {
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            return ObjectStore.super.listChildren(prefix);
        }
        Path dir = prefix.isEmpty() ? root : pathOf(prefix.substring(0, prefix.length() - 1));
        List<String> out = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            children.forEach(p -> {
                String name = p.getFileName().toString();
                if (!(prefix.isEmpty() && name.equals(TMP_DIR)) && (Files.isRegularFile(p) || hasFiles(p))) {
                    out.add(name);
                }
            });
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new StoreUnavailableException(uri(), prefix, "could not list: " + e.getMessage(), e);
        }
        out.sort(ObjectKeys.ORDER);
        return out;
    }

    private static boolean hasFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.anyMatch(Files::isRegularFile);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    @Override
    public void delete(String key) {
        try {
            Path p = pathOf(key);
            Files.deleteIfExists(p);
            pruneEmptyParents(p.getParent());
        } catch (IOException e) {
            throw translate(key, "could not delete", e);
        }
    }

    private void pruneEmptyParents(Path dir) {
        Path cur = dir;
        while (cur != null && cur.startsWith(root) && !cur.equals(root)) {
            try {
                Files.delete(cur);
            } catch (IOException notEmptyOrGone) {
                return;
            }
            cur = cur.getParent();
        }
    }

    @Override
    public void close() {
        // nothing to release
    }

    StoreException translate(String key, String what, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new ObjectNotFoundException(uri(), key, "does not exist");
        }
        if (e instanceof AccessDeniedException) {
            return new StoreAccessDeniedException(uri(), key, what + ": permission denied (" + e.getMessage()
                    + "): give this user write access to the directory or choose another path", e);
        }
        if (String.valueOf(e.getMessage()).contains(NO_SPACE)) {
            return new StoreUnavailableException(uri(), key, what + ": no space left on the device that holds "
                    + root + ": free space there or point the store at a larger volume", e);
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return new StoreUnavailableException(uri(), key, what + ": " + fse.getFile() + ": " + fse.getReason()
                    + ": check that the store path is a writable directory", e);
        }
        return new StoreUnavailableException(uri(), key, what + ": " + e, e);
    }

    static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: a leftover temp file is garbage, never data
            }
        }
    }
}
