package dev.kafkadr.archive.store.hdfs;

import dev.kafkadr.archive.store.ListPage;
import dev.kafkadr.archive.store.ObjectInfo;
import dev.kafkadr.archive.store.ObjectKeys;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists an HDFS tree as a flat key space in exact key order. Within a directory, a file sorts by its name and a
 * directory by its name + "/" (every key under it starts with that), so a depth-first walk in that order yields
 * keys in global order even where '-' or '.' sort before '/'. A page resumes after the last key returned, skipping
 * whole subtrees that sort before it. Stateless; thread-safe.
 */
final class HdfsLister {

    /** A directory entry with the key (files) or key prefix (directories, ending in '/') it stands for. */
    private record Entry(String sortKey, FileStatus status) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::sortKey, ObjectKeys.ORDER);

    private final FileSystem fs;
    private final Path root;

    HdfsLister(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    ListPage list(String prefix, String continuation, int maxKeys) throws IOException {
        int slash = prefix.lastIndexOf('/');
        String startDir = slash < 0 ? "" : prefix.substring(0, slash + 1);
        if (startDir.startsWith(ObjectKeys.TMP_DIR + "/")) { // temporary files are never objects
            return new ListPage(List.of(), Optional.empty());
        }
        List<ObjectInfo> out = new ArrayList<>();
        Deque<Iterator<Entry>> stack = new ArrayDeque<>();
        stack.push(entries(startDir).iterator());
        while (!stack.isEmpty() && out.size() <= maxKeys) {
            Iterator<Entry> level = stack.peek();
            if (!level.hasNext()) {
                stack.pop();
                continue;
            }
            Entry e = level.next();
            if (!e.sortKey().startsWith(prefix) && !prefix.startsWith(e.sortKey())) {
                continue;
            }
            if (e.status().isDirectory()) {
                if (!entirelyBefore(e.sortKey(), continuation)) {
                    stack.push(entries(e.sortKey()).iterator());
                }
            } else if (e.status().isFile() && e.sortKey().startsWith(prefix)
                    && (continuation == null || ObjectKeys.compare(e.sortKey(), continuation) > 0)) {
                out.add(new ObjectInfo(e.sortKey(), e.status().getLen()));
            }
        }
        if (out.size() <= maxKeys) {
            return new ListPage(out, Optional.empty());
        }
        List<ObjectInfo> page = out.subList(0, maxKeys);
        return new ListPage(page, Optional.of(page.get(maxKeys - 1).key()));
    }

    /**
     * The names in the directory of {@code dirKey} ("" or ending in '/') that hold an object: files, and
     * directories with at least one file somewhere below (an empty directory left by a failed write is no child).
     */
    List<String> children(String dirKey) throws IOException {
        List<String> out = new ArrayList<>();
        if (dirKey.startsWith(ObjectKeys.TMP_DIR + "/")) {
            return out;
        }
        for (Entry e : entries(dirKey)) {
            String name = e.sortKey().substring(dirKey.length());
            if (e.status().isFile()) {
                out.add(name);
            } else if (!list(e.sortKey(), null, 1).objects().isEmpty()) {
                out.add(name.substring(0, name.length() - 1));
            }
        }
        out.sort(ObjectKeys.ORDER);
        return out;
    }

    /** True if every key starting with {@code dirPrefix} sorts at or before {@code continuation}. */
    static boolean entirelyBefore(String dirPrefix, String continuation) {
        return continuation != null && ObjectKeys.compare(dirPrefix, continuation) < 0
                && !continuation.startsWith(dirPrefix);
    }

    /** The entries of the directory holding keys that start with {@code dirKey} ("" or ending in '/'), sorted. */
    private List<Entry> entries(String dirKey) throws IOException {
        FileStatus[] statuses;
        try {
            statuses = fs.listStatus(dirKey.isEmpty() ? root : new Path(root, dirKey.substring(0,
                    dirKey.length() - 1)));
        } catch (FileNotFoundException gone) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>(statuses.length);
        Arrays.stream(statuses).forEach(s -> {
            String name = s.getPath().getName();
            if (dirKey.isEmpty() && name.equals(ObjectKeys.TMP_DIR)) {
                return;
            }
            if (s.isDirectory()) {
                entries.add(new Entry(dirKey + name + "/", s));
            } else if (s.isFile()) {
                entries.add(new Entry(dirKey + name, s));
            }
        });
        entries.sort(ORDER);
        return entries;
    }
}
