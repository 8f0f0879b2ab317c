package dev.kafkadr.kafka;

import dev.kafkadr.archive.UsageException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka client settings for one cluster: bootstrap servers plus a Kafka client properties file passed through with
 * Kafka's own names (TLS, SASL, timeouts, …), as {@code --command-config} does in Kafka's tools. Builds admin,
 * consumer and producer configs with kafka-dr's non-negotiable settings (no auto-commit, read_committed backup
 * reads, acks=all + idempotence). Immutable; {@link #toString()} hides secrets.
 */
public final class KafkaClientConfig {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaClientConfig.class);

    /** Settings kafka-dr decides and a properties file may not change. */
    private static final Map<String, String> CONSUMER_FIXED = Map.of(
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    private static final Map<String, String> PRODUCER_FIXED = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");

    private final String bootstrap;
    private final Map<String, String> properties;
    private final String source;

    private KafkaClientConfig(String bootstrap, Map<String, String> properties, String source) {
        this.bootstrap = bootstrap;
        this.properties = Map.copyOf(properties);
        this.source = source;
    }

    /**
     * @param bootstrap     host:port[,host:port…]; overrides bootstrap.servers in the file
     * @param commandConfig a Kafka client properties file, or null
     */
    public static KafkaClientConfig load(String bootstrap, Path commandConfig) {
        Map<String, String> props = new TreeMap<>();
        String source = "command line";
        if (commandConfig != null) {
            props.putAll(readProperties(commandConfig));
            source = commandConfig.toString();
        }
        return of(bootstrap, props, source);
    }

    /** From already loaded properties ({@code source} names where they came from, for messages). */
    public static KafkaClientConfig of(String bootstrap, Map<String, String> props, String source) {
        Map<String, String> copy = new TreeMap<>(props);
        String b = bootstrap != null && !bootstrap.isBlank() ? bootstrap
                : copy.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        if (b == null || b.isBlank()) {
            throw new UsageException("no bootstrap servers: give --bootstrap-server HOST:PORT (or bootstrap.servers in "
                    + source + ")");
        }
        checkBootstrap(b.strip());
        copy.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        warnUnknown(copy, source);
        return new KafkaClientConfig(b.strip(), copy, source);
    }

    private static Map<String, String> readProperties(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("command config file " + file + " does not exist or is not a file");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("command config file " + file + " cannot be read: " + e.getMessage());
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k).strip()));
        return out;
    }

    private static void checkBootstrap(String servers) {
        for (String hp : servers.split(",")) {
            String s = hp.strip();
            int colon = s.lastIndexOf(':');
            boolean ok = colon > 0 && colon < s.length() - 1 && s.substring(colon + 1).matches("[0-9]{1,5}")
                    && Integer.parseInt(s.substring(colon + 1)) <= 65535;
            if (!ok) {
                throw new UsageException("bootstrap server '" + s + "' must be HOST:PORT");
            }
        }
    }

    private static void warnUnknown(Map<String, String> props, String source) {
        Set<String> known = new HashSet<>();
        known.addAll(AdminClientConfig.configNames());
        known.addAll(ConsumerConfig.configNames());
        known.addAll(ProducerConfig.configNames());
        for (String k : props.keySet()) {
            if (!known.contains(k) && !k.startsWith("config.providers")) {
                LOG.warn("'{}' in {} is not a Kafka client setting Kafka 4.3 knows; it is passed through anyway", k,
                        source);
            }
        }
    }

    public String bootstrap() {
        return bootstrap;
    }

    /** The pass-through properties (without bootstrap.servers). */
    public Map<String, String> properties() {
        return properties;
    }

    public Map<String, Object> admin(String clientId) {
        Map<String, Object> m = base(clientId);
        m.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        m.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        return m;
    }

    /** A byte-array consumer that never auto-commits and reads only committed transactional data. */
    public Map<String, Object> consumer(String clientId, Map<String, Object> overrides) {
        Map<String, Object> m = base(clientId);
        m.putAll(overrides);
        fix(m, CONSUMER_FIXED);
        m.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        m.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        m.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        return m;
    }

    /** A byte-array producer with acks=all and idempotence. */
    public Map<String, Object> producer(String clientId, Map<String, Object> overrides) {
        Map<String, Object> m = base(clientId);
        m.putAll(overrides);
        fix(m, PRODUCER_FIXED);
        Object inFlight = m.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        if (inFlight != null && Integer.parseInt(inFlight.toString()) > 5) {
            throw new UsageException("max.in.flight.requests.per.connection=" + inFlight + " in " + source
                    + " would allow reordering: kafka-dr needs 5 or less with idempotence");
        }
        m.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        m.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return m;
    }

    private void fix(Map<String, Object> m, Map<String, String> fixed) {
        fixed.forEach((k, v) -> {
            Object given = m.get(k);
            if (given != null && !given.toString().strip().toLowerCase(Locale.ROOT).equals(v)) {
                throw new UsageException(k + "=" + given + " in " + source + " is not allowed: kafka-dr requires "
                        + k + "=" + v + " for a safe backup and restore");
            }
            m.put(k, v);
        });
    }

    private Map<String, Object> base(String clientId) {
        Map<String, Object> m = new HashMap<>(properties);
        m.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        m.putIfAbsent(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return m;
    }

    /** True for setting names whose values are secrets and must never be logged or written. */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.endsWith("jaas.config") || k.contains("token")
                || k.endsWith(".key") || k.contains("credentials");
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        properties.forEach((k, v) -> shown.put(k, isSecret(k) ? "[hidden]" : v));
        return "KafkaClientConfig{bootstrap=" + bootstrap + ", properties=" + shown + "}";
    }
}
