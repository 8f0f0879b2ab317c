package dev.kafkadr.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** Writes Kafka client properties files (for {@code --command-config}) as {@link Properties} escapes them. Stateless. */
public final class ClientPropertiesFile {

    private ClientPropertiesFile() {
    }

    /** Writes {@code properties} to {@code file} and returns the file. */
    public static Path write(Path file, Map<String, ?> properties) {
        Properties p = new Properties();
        properties.forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, null);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
