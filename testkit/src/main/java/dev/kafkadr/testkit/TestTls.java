package dev.kafkadr.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * TLS material generated in the test with the JDK's own {@code keytool} (one child process per step): a CA, a broker
 * key store (PKCS12) whose certificate the CA signed for {@code localhost} and {@code 127.0.0.1}, a trust store
 * holding the CA, and a trust store holding an unrelated CA (for "certificate not trusted" cases). Every store uses
 * the same password. Immutable once generated; thread-safe.
 */
public final class TestTls {

    public static final String TYPE = "PKCS12";

    private final Path dir;
    private final String password;

    private TestTls(Path dir, String password) {
        this.dir = dir;
        this.password = password;
    }

    /** Generates everything under {@code dir} (created if missing); takes a few seconds (about 10 keytool runs). */
    public static TestTls generate(Path dir, String storePassword) {
        TestTls tls = new TestTls(dir, storePassword);
        try {
            Files.createDirectories(dir);
            CompletableFuture<Void> other = CompletableFuture.runAsync(tls::untrustedChain);
            tls.trustedChain();
            other.join();
        } catch (IOException e) {
            throw new IllegalStateException("could not create " + dir, e);
        }
        return tls;
    }

    /** The broker's key store: its key, and its certificate chain signed by the CA. */
    public Path brokerKeystore() {
        return dir.resolve("broker.p12");
    }

    /** A trust store holding the CA that signed the broker's certificate. */
    public Path truststore() {
        return dir.resolve("truststore.p12");
    }

    /** A trust store holding only an unrelated CA: a client using it must reject the broker's certificate. */
    public Path untrustedTruststore() {
        return dir.resolve("untrusted-truststore.p12");
    }

    /** The password of every store and key here. */
    public String password() {
        return password;
    }

    private void trustedChain() {
        String dname = "CN=kdr-test-ca,O=kafka-dr tests";
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname,
                "-ext", "bc:c", "-validity", "3", "-keystore", p("ca.p12"), "-storetype", TYPE);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", p("ca.p12"), "-file", p("ca.pem"));
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost,O=kafka-dr tests", "-validity", "3", "-keystore", p("broker.p12"), "-storetype", TYPE);
        keytool("-certreq", "-alias", "broker", "-keystore", p("broker.p12"), "-file", p("broker.csr"));
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", p("ca.p12"), "-infile", p("broker.csr"),
                "-outfile", p("broker.pem"), "-validity", "3", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-ext", "EKU=serverAuth,clientAuth");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", p("ca.pem"), "-keystore", p("broker.p12"));
        keytool("-importcert", "-alias", "broker", "-file", p("broker.pem"), "-keystore", p("broker.p12"));
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", p("ca.pem"), "-keystore", p("truststore.p12"),
                "-storetype", TYPE);
    }

    private void untrustedChain() {
        keytool("-genkeypair", "-alias", "other-ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=some-other-ca,O=kafka-dr tests", "-ext", "bc:c", "-validity", "3", "-keystore", p("other-ca.p12"),
                "-storetype", TYPE);
        keytool("-exportcert", "-rfc", "-alias", "other-ca", "-keystore", p("other-ca.p12"), "-file",
                p("other-ca.pem"));
        keytool("-importcert", "-noprompt", "-alias", "other-ca", "-file", p("other-ca.pem"), "-keystore",
                p("untrusted-truststore.p12"), "-storetype", TYPE);
    }

    private String p(String name) {
        return dir.resolve(name).toString();
    }

    private void keytool(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-J-Xshare:auto")); // start fast
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storepass", password)); // PKCS12: each key's password is the store's
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: "
                        + new String(out, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running keytool", e);
        }
    }
}
