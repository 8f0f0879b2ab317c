package dev.kafkadr.archive.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Test data for store tests: seeded bytes, streamed uploads with their SHA-256, parallel puts. Stateless. */
public final class StoreTestData {

    private StoreTestData() {
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Streams {@code size} seeded bytes into an upload in irregular writes (some of one byte); their SHA-256. */
    public static byte[] writeGenerated(ObjectStore store, String key, long size, long seed) throws IOException {
        MessageDigest sha = sha();
        Random rnd = new Random(seed);
        byte[] buf = new byte[100_003];
        try (ObjectUpload up = store.upload(key)) {
            long left = size;
            int i = 0;
            while (left > 0) {
                int n = (int) Math.min(left, 1 + (i++ * 7919L) % buf.length);
                rnd.nextBytes(buf);
                if (n == 1) {
                    up.write(buf[0]);
                } else {
                    up.write(buf, 0, n);
                }
                sha.update(buf, 0, n);
                left -= n;
            }
            up.commit();
        }
        return sha.digest();
    }

    /** SHA-256 of a stream, reading with a small buffer and honouring short reads. */
    public static byte[] sha256(InputStream in) throws IOException {
        MessageDigest sha = sha();
        byte[] buf = new byte[8191];
        int n;
        while ((n = in.read(buf)) != -1) {
            sha.update(buf, 0, n);
        }
        return sha.digest();
    }

    /** Writes the objects on {@code pool}; fails with the first failure. */
    public static void putAll(ObjectStore store, Map<String, byte[]> objects, ExecutorService pool)
            throws InterruptedException, ExecutionException {
        List<Callable<Void>> tasks = objects.entrySet().stream().<Callable<Void>>map(e -> () -> {
            store.put(e.getKey(), e.getValue());
            return null;
        }).toList();
        for (Future<Void> f : pool.invokeAll(tasks)) {
            f.get();
        }
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
