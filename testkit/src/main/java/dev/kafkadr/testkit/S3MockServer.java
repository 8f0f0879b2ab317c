package dev.kafkadr.testkit;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A real S3-compatible server (Adobe S3Mock 5.2.0) running as a child JVM on 127.0.0.1 with a random port.
 * One shared instance per test JVM ({@link #shared()}), stopped by a shutdown hook; {@link #launchAt} starts one a
 * test can kill and start again on the same port and data directory. Thread-safe.
 *
 * <p>Set {@code KDR_TEST_S3_ENDPOINT} to use an already running server instead.
 */
public final class S3MockServer implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";
    /** The one KMS key ARN S3Mock treats as valid (it rejects SSE-KMS requests naming any other key). */
    public static final String KMS_KEY_ARN = "arn:aws:kms:us-east-1:000000000000:key/kdr-test-key";
    /**
     * The id of {@link #KMS_KEY_ARN}: what requests must name. S3Mock 5.2.0 checks the
     * x-amz-server-side-encryption-aws-kms-key-id header against key ids only and refuses the full ARN, which real
     * S3 accepts.
     */
    public static final String KMS_KEY_ID = "kdr-test-key";

    private static S3MockServer shared;

    private final Process process;
    private final URI endpoint;
    private final Path root;
    private final boolean ownsRoot;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private S3MockServer(Process process, URI endpoint, Path root, boolean ownsRoot) {
        this.process = process;
        this.endpoint = endpoint;
        this.root = root;
        this.ownsRoot = ownsRoot;
    }

    /** The server shared by every test of this JVM, started on first use. */
    public static synchronized S3MockServer shared() {
        if (shared == null) {
            String external = System.getenv("KDR_TEST_S3_ENDPOINT");
            shared = external != null ? new S3MockServer(null, URI.create(external), null, false) : launch();
            S3MockServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "s3mock-stop"));
        }
        return shared;
    }

    /** Starts a new server on a free port with a fresh data directory; the caller closes it. */
    public static S3MockServer launch() {
        try {
            return start(freePort(), Files.createTempDirectory("kdr-s3mock-"), true);
        } catch (IOException e) {
            throw new IllegalStateException("could not create a data directory for S3Mock", e);
        }
    }

    /**
     * Starts a server on {@code port} keeping its buckets and objects in {@code root}, which it never deletes: a test
     * can {@link #kill()} it and start it again on the same port and directory to simulate an S3 outage.
     */
    public static S3MockServer launchAt(int port, Path root) {
        return start(port, root, false);
    }

    private static S3MockServer start(int port, Path root, boolean ownsRoot) {
        Path jar = locateJar();
        try {
            Files.createDirectories(root);
            List<String> cmd = new ArrayList<>(List.of(
                    javaBinary(), "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString(),
                    "--server.ssl.enabled=false", "--server.address=127.0.0.1", "--server.port=" + port,
                    "--http.port=0", "--com.adobe.testing.s3mock.store.root=" + root,
                    "--com.adobe.testing.s3mock.store.retain-files-on-exit=" + !ownsRoot,
                    "--com.adobe.testing.s3mock.store.valid-kms-keys=" + KMS_KEY_ARN,
                    "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
            Path log = root.resolveSibling(root.getFileName() + ".log");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            S3MockServer server = new S3MockServer(p, URI.create("http://127.0.0.1:" + port), root, ownsRoot);
            server.awaitReady(log);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not start S3Mock from " + jar, e);
        }
    }

    private static Path locateJar() {
        String prop = System.getProperty("kdr.s3mock.jar");
        Path jar = prop != null && !prop.isBlank() && !prop.contains("${")
                ? Paths.get(prop)
                : Paths.get(System.getProperty("user.home"), ".m2", "repository", "com", "adobe", "testing", "s3mock",
                        "5.2.0", "s3mock-5.2.0-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock jar not found at " + jar
                    + ": build the kdr-testkit module first (it resolves com.adobe.testing:s3mock:5.2.0:exec)");
        }
        return jar;
    }

    private static String javaBinary() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A TCP port that was free a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitReady(Path log) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint).GET()
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for S3Mock", e);
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("S3Mock did not answer within 90 s; see " + log);
    }

    /** http://127.0.0.1:PORT */
    public URI endpoint() {
        return endpoint;
    }

    /** Creates a bucket with a fresh unique name and returns it. */
    public String createBucket(String prefix) {
        String name = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        createBucketNamed(name);
        return name;
    }

    public void createBucketNamed(String name) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/" + name))
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("create bucket " + name + ": HTTP " + r.statusCode() + " " + r.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("create bucket " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return endpoint.getPort();
    }

    /** SIGKILL, as in a crash: open connections are reset, the data directory stays; waits until it is gone. */
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (root != null && ownsRoot) {
            deleteRecursively(root.toFile());
        }
    }

    private static void deleteRecursively(File f) {
        File[] children = f.listFiles();
        if (children != null) {
            for (File c : children) {
                deleteRecursively(c);
            }
        }
        f.delete();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
