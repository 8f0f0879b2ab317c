package dev.kafkadr.benchmarks.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Adobe S3Mock 5.2.0 as a child JVM on a free port, for the S3 store rows. Not thread-safe. */
public final class S3Mock implements AutoCloseable {

    private final Process process;
    private final URI endpoint;
    private final Path root;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private S3Mock(Process process, URI endpoint, Path root) {
        this.process = process;
        this.endpoint = endpoint;
        this.root = root;
    }

    /** The exec jar Maven put in the local repository (the testkit module depends on it). */
    public static Path jar() {
        return Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "adobe", "testing", "s3mock",
                "5.2.0", "s3mock-5.2.0-exec.jar");
    }

    public static S3Mock start(Path work) throws IOException, InterruptedException {
        Path jar = jar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock jar not found at " + jar + ": run 'mvn dependency:get "
                    + "-Dartifact=com.adobe.testing:s3mock:5.2.0:jar:exec' once");
        }
        Path root = Files.createDirectories(work.resolve("s3mock"));
        int port = Broker.freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.toString(),
                "--server.ssl.enabled=false", "--server.address=127.0.0.1", "--server.port=" + port,
                "--http.port=0", "--com.adobe.testing.s3mock.store.root=" + root, "--logging.level.root=WARN",
                "--spring.main.banner-mode=off")).redirectErrorStream(true)
                .redirectOutput(work.resolve("s3mock.log").toFile()).start();
        S3Mock s = new S3Mock(p, URI.create("http://127.0.0.1:" + port), root);
        s.awaitReady();
        return s;
    }

    private void awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + "; see s3mock.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(endpoint).GET().timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("S3Mock did not answer within 120 s");
    }

    public URI endpoint() {
        return endpoint;
    }

    public void createBucket(String name) throws IOException {
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(endpoint.resolve("/" + name))
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating bucket " + name, e);
        }
        if (r.statusCode() != 200) {
            throw new IllegalStateException("create bucket " + name + ": HTTP " + r.statusCode() + " " + r.body());
        }
    }

    /** The store URI of a bucket (non-secret options only; credentials go in the environment). */
    public String storeUri(String bucket) {
        return "s3://" + bucket + "/kdr?endpoint=" + endpoint + "&region=us-east-1&path-style=true";
    }

    /** Bytes of object data S3Mock holds on disk (its "binaryData" files). */
    public long storedBytes() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().equals("binaryData")).mapToLong(Broker::size).sum();
        }
    }

    @Override
    public void close() {
        closeProcess();
        try {
            RowRunner.deleteTree(root);
        } catch (RuntimeException ignored) {
            // best effort
        }
    }

    private void closeProcess() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
