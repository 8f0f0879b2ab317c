package dev.kafkadr.mirror;

import dev.kafkadr.mirror.plan.DrPlan;
import dev.kafkadr.mirror.plan.PlanLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Test helper: the committed example plans, optionally with their secret files moved under a temp directory. */
public final class Examples {

    public static final Path DIR = Paths.get("examples");

    private Examples() {
    }

    public static String text(String name) {
        try {
            return Files.readString(DIR.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DrPlan load(String name) {
        return PlanLoader.parse(text(name), name);
    }

    /**
     * The example with {@code /etc/kafka-dr/} replaced by {@code dir}, where client properties files holding
     * dummy values for every referenced key are written, so config providers can resolve them.
     */
    public static DrPlan withSecretFilesIn(String name, Path dir) {
        DrPlan plan = PlanLoader.parse(text(name).replace("/etc/kafka-dr/", dir.toString() + "/"), name);
        plan.clusters().values().forEach(c -> {
            if (c.secrets().file() != null) {
                StringBuilder b = new StringBuilder();
                c.secrets().fileKeys().forEach(k -> b.append(k).append("=dummy-").append(c.alias()).append('\n'));
                try {
                    Files.writeString(Paths.get(c.secrets().file()), b.toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        return plan;
    }

    /** A small plan text for rule tests; {@code flowExtra} is appended (indented) to the only flow. */
    public static String minimal(String flowExtra) {
        return """
                version: 1
                name: test
                clusters:
                  a:
                    bootstrapServers: [a:9092]
                    brokers: 3
                    minInsyncReplicas: 2
                  b:
                    bootstrapServers: [b:9092]
                    brokers: 3
                    minInsyncReplicas: 2
                flows:
                  - source: a
                    target: b
                    rpo: 5m
                """ + flowExtra.indent(4);
    }
}
