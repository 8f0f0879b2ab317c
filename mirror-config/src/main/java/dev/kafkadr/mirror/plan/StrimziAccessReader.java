package dev.kafkadr.mirror.plan;

import dev.kafkadr.mirror.plan.StrimziAccess.Authentication;
import dev.kafkadr.mirror.plan.StrimziAccess.CertificateAndKey;
import dev.kafkadr.mirror.plan.StrimziAccess.SecretKeyRef;
import dev.kafkadr.mirror.plan.StrimziAccess.TrustedCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a cluster's {@code strimzi} section (TLS trust and authentication by Secret reference). Stateless. */
final class StrimziAccessReader {

    private static final Set<String> ACCESS = Set.of("tls", "authentication");
    private static final Set<String> TLS = Set.of("trustedCertificates");
    private static final Set<String> CERT = Set.of("secretName", "certificate", "pattern");
    private static final Set<String> AUTH = Set.of("type", "username", "passwordSecret", "certificateAndKey");
    private static final Set<String> PASSWORD = Set.of("secretName", "password");
    private static final Set<String> CERT_AND_KEY = Set.of("secretName", "certificate", "key");
    private static final List<String> AUTH_TYPES = List.of("tls", "scram-sha-256", "scram-sha-512", "plain");

    private StrimziAccessReader() {
    }

    static StrimziAccess read(YamlNode n) {
        n.allowOnly(ACCESS);
        YamlNode tls = n.optionalMap("tls");
        tls.allowOnly(TLS);
        List<TrustedCertificate> certs = new ArrayList<>();
        if (tls.has("trustedCertificates")) {
            for (YamlNode c : tls.child("trustedCertificates").items()) {
                c.allowOnly(CERT);
                String certificate = c.string("certificate", null);
                String pattern = c.string("pattern", null);
                if ((certificate == null) == (pattern == null)) {
                    throw c.error("set exactly one of certificate or pattern");
                }
                certs.add(new TrustedCertificate(c.string("secretName"), certificate, pattern));
            }
        }
        return new StrimziAccess(certs, n.has("authentication") ? auth(n.child("authentication")) : null);
    }

    private static Authentication auth(YamlNode n) {
        n.allowOnly(AUTH);
        String type = n.string("type");
        if (!AUTH_TYPES.contains(type)) {
            throw n.child("type").error("expected one of " + String.join(", ", AUTH_TYPES) + " but was '" + type
                    + "'" + DidYouMean.hint(type, AUTH_TYPES));
        }
        if (type.equals("tls")) {
            YamlNode ck = n.child("certificateAndKey");
            ck.allowOnly(CERT_AND_KEY);
            return new Authentication(type, null, null,
                    new CertificateAndKey(ck.string("secretName"), ck.string("certificate"), ck.string("key")));
        }
        YamlNode pw = n.child("passwordSecret");
        pw.allowOnly(PASSWORD);
        return new Authentication(type, n.string("username"),
                new SecretKeyRef(pw.string("secretName"), pw.string("password")), null);
    }
}
