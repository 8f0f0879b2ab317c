package dev.kafkadr.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The kafka-dr release version, for --version and for the archive's agentVersion field. Thread-safe. */
public final class KdrVersion implements IVersionProvider {

    private static final String VERSION = load();

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = KdrVersion.class.getResourceAsStream("/META-INF/kdr-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"kafka-dr " + VERSION + " (archive format 1, Kafka clients 4.3.1)"};
    }
}
