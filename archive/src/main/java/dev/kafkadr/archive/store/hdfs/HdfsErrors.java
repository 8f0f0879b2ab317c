package dev.kafkadr.archive.store.hdfs;

import dev.kafkadr.archive.store.ObjectNotFoundException;
import dev.kafkadr.archive.store.StoreAccessDeniedException;
import dev.kafkadr.archive.store.StoreException;
import dev.kafkadr.archive.store.StoreUnavailableException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import org.apache.hadoop.security.AccessControlException;

/**
 * Translates Hadoop {@link IOException}s into the store's typed exceptions, naming the store URI and the key:
 * file not found → not found, permission denied → access denied, everything else (connection refused, timeouts,
 * a standby NameNode, DataNode failures) → unavailable. Messages are flattened to one line. Stateless.
 */
final class HdfsErrors {

    private static final int MAX_DETAIL = 300;

    private final URI store;

    HdfsErrors(URI store) {
        this.store = store;
    }

    StoreException translate(String key, String what, IOException e) {
        if (e instanceof FileNotFoundException) {
            return new ObjectNotFoundException(store, key, "does not exist", e);
        }
        if (e instanceof AccessControlException || hasCause(e, AccessControlException.class)) {
            return new StoreAccessDeniedException(store, key, what + ": permission denied (" + firstLine(e)
                    + "): give this user access to the path (hdfs dfs -chown/-chmod) or choose another path", e);
        }
        if (e instanceof InterruptedIOException) {
            return new StoreUnavailableException(store, key, what + ": interrupted", e);
        }
        return new StoreUnavailableException(store, key, what + ": " + oneLine(e), e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first line of the message only: a NameNode's RemoteException carries the server's stack trace after it.
     * Thrown by a failed permission check, it reads "Permission denied: user=…, access=…, inode=…".
     */
    static String firstLine(Throwable e) {
        Throwable cur = e;
        while (cur.getMessage() == null && cur.getCause() != null) {
            cur = cur.getCause();
        }
        String m = String.valueOf(cur.getMessage()).strip();
        int nl = m.indexOf('\n');
        String first = (nl < 0 ? m : m.substring(0, nl)).strip();
        return first.length() <= MAX_DETAIL ? first : first.substring(0, MAX_DETAIL) + "...";
    }

    /**
     * The exception's class and the first line of its message, whitespace collapsed and capped: a NameNode's
     * RemoteException carries the server-side stack trace in its message after the first line.
     */
    static String oneLine(Throwable e) {
        String msg = e.getMessage() == null ? null : e.getMessage().strip().split("\\R", 2)[0];
        String s = e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_DETAIL ? flat : flat.substring(0, MAX_DETAIL) + "...";
    }
}
