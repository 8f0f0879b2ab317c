package dev.kafkadr.testkit.badinput;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A TLS endpoint on 127.0.0.1 whose certificate is self-signed (generated with the JDK's {@code keytool} at start),
 * so a client that trusts only its default or another truststore fails the TLS handshake exactly as it would against
 * a broker with an untrusted certificate. It speaks no Kafka: the failure happens before any Kafka request.
 * Thread-safe; close once.
 */
public final class UntrustedTlsServer implements AutoCloseable {

    private static final String PASSWORD = "changeit-test";

    private final SSLServerSocket server;
    private final Thread acceptor;

    private UntrustedTlsServer(SSLServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, "untrusted-tls");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** Generates a self-signed key pair under {@code dir} and listens on a random port. */
    public static UntrustedTlsServer start(Path dir) {
        try {
            Path keystore = dir.resolve("untrusted-server.p12");
            keytool(List.of("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                ks.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD.toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            SSLServerSocket s = (SSLServerSocket) ctx.getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            return new UntrustedTlsServer(s);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("could not start the TLS test server", e);
        }
    }

    private static void keytool(List<String> args) throws IOException {
        Path bin = Paths.get(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = new java.util.ArrayList<>(List.of(bin.toString()));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                ((SSLSocket) s).startHandshake();
                s.getInputStream().read();
            } catch (IOException expected) {
                // the client rejects our certificate, or we are closing
            }
        }
    }

    /** 127.0.0.1:PORT */
    public String hostPort() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
