package dev.kafkadr.mirror.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PropertiesTextTest {

    @Test
    void what_is_written_loads_back_identically_with_the_iso_8859_1_loader_mm2_uses() throws IOException {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("a->b.topics", "orders\\..*,pay(ments)?\\.v[0-9]+");
        in.put("a.sasl.jaas.config", "${file:/etc/kdr/a.properties:sasl.jaas.config}");
        in.put("key with spaces:and=seps", " leading space, trailing \t tab # not a comment ! either");
        in.put("unicode", "Zürich ☃");
        in.put("#starts.with.hash", "!bang");
        in.put("empty", "");
        StringBuilder out = new StringBuilder();
        PropertiesText.entries(out, in);
        assertThat(out.toString()).matches("\\p{ASCII}*");
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.ISO_8859_1)));
        Map<String, String> back = new HashMap<>();
        p.stringPropertyNames().forEach(k -> back.put(k, p.getProperty(k)));
        assertThat(back).isEqualTo(in);
    }
}
