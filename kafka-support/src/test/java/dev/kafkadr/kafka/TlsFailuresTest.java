package dev.kafkadr.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.junit.jupiter.api.Test;

class TlsFailuresTest {

    private static SslAuthenticationException handshake(Throwable cause) {
        SSLHandshakeException h = new SSLHandshakeException(cause.getMessage());
        h.initCause(cause);
        return new SslAuthenticationException("SSL handshake failed", h);
    }

    @Test
    void an_expired_certificate_says_so() {
        var why = TlsFailures.handshake(handshake(new CertificateExpiredException("NotAfter: Mon Jan 01 2024")));
        assertThat(why.reason()).startsWith("the broker's certificate has expired or is not yet valid");
        assertThat(why.hint()).contains("renew");
    }

    @Test
    void a_certificate_for_another_host_says_which_check_failed() {
        var why = TlsFailures.handshake(handshake(new CertificateException(
                "No subject alternative names matching IP address 10.0.0.7 found")));
        assertThat(why.reason()).startsWith("the broker's certificate does not name the host connected to")
                .contains("10.0.0.7");
    }

    @Test
    void an_unknown_handshake_failure_keeps_the_jdk_reason_and_points_at_the_settings() {
        var why = TlsFailures.handshake(handshake(new SSLHandshakeException("Received fatal alert: protocol_version")));
        assertThat(why.reason()).isEqualTo("Received fatal alert: protocol_version");
        assertThat(why.hint()).contains("security.protocol").contains("ssl.truststore.*");
    }

    @Test
    void other_exceptions_are_not_store_load_failures() {
        assertThat(TlsFailures.storeLoad(new IllegalStateException("x"))).isNull();
    }
}
