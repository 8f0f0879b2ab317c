package dev.kafkadr.benchmarks.harness;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a run (scenario, command, machine facts, rows with every raw measurement, growth) as JSON. Stateless. */
public final class JsonReport {

    private JsonReport() {
    }

    public static String render(String scenario, List<String> command, MachineFacts facts, List<RowResult> rows,
                                String heap) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("scenario", scenario);
        doc.put("command", String.join(" ", command));
        doc.put("units", "MiB = 2^20 bytes of record payload; rates per second of each tool's own run time "
                + "(backup vs kcat|zstd: agent incl. JVM start vs the pipeline's wall time)");
        doc.put("agentAndRestoreMaxHeap", "-Xmx" + heap);
        doc.put("machine", facts);
        doc.put("rows", rows);
        doc.put("growth", Growth.of(rows));
        try {
            return mapper().writeValueAsString(doc);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }

    public static void write(Path file, String json) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, json + "\n");
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY);
    }
}
