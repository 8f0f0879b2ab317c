package dev.kafkadr.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The awkward data every backup/restore test needs, written into a real cluster: a 12-partition topic with keys,
 * null and empty keys, tombstones and headers with null values; a 1-partition LogAppendTime topic; a compacted
 * topic with real compaction gaps; a transactional topic with aborted transactions (offset gaps from aborted
 * records and markers); and a consumer group with committed offsets. Not thread-safe.
 */
public final class RichCorpus {

    private static final int MAX_TRANSACTION_RETRIES = 3;

    private final KafkaTestCluster kafka;
    private final String prefix;
    private int batch;

    /** Topic names: {@code <prefix>orders} (12), {@code <prefix>events} (1, LogAppendTime), … */
    public RichCorpus(KafkaTestCluster kafka, String prefix) {
        this.kafka = kafka;
        this.prefix = prefix;
    }

    public String orders() {
        return prefix + "orders";
    }

    public String events() {
        return prefix + "events";
    }

    public String accounts() {
        return prefix + "accounts";
    }

    public String payments() {
        return prefix + "payments";
    }

    public String group() {
        return prefix + "billing";
    }

    public List<String> topics() {
        return List.of(orders(), events(), accounts(), payments());
    }

    /** Creates the topics (replication factor {@code rf}) and writes the first batch; waits for compaction gaps. */
    public RichCorpus create(int rf) {
        int minIsr = Math.max(1, rf - 1);
        kafka.createTopic(orders(), 12, rf, Map.of("min.insync.replicas", String.valueOf(minIsr),
                "retention.ms", "315360000000")); // 10 years: the synthetic 2023 timestamps must not expire
        kafka.createTopic(events(), 1, rf, Map.of("message.timestamp.type", "LogAppendTime"));
        kafka.createTopic(accounts(), 3, rf, Map.of("cleanup.policy", "compact", "segment.ms", "100",
                "min.cleanable.dirty.ratio", "0.01", "min.compaction.lag.ms", "0", "delete.retention.ms", "100"));
        kafka.createTopic(payments(), 4, rf, Map.of());
        writeBatch(200);
        awaitCompactionGaps();
        commitGroup();
        return this;
    }

    /** Writes {@code n} more records of each kind (use between backup runs). */
    public void writeBatch(int n) {
        int b = batch++;
        writeOrders(b, n);
        writeEvents(b, n / 4);
        writeAccounts(b, n / 2);
        writePayments(b, n / 2);
    }

    private void writeOrders(int b, int n) {
        try (KafkaProducer<byte[], byte[]> p = kafka.producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 5))) {
            for (int i = 0; i < n; i++) {
                byte[] key = switch (i % 7) {
                    case 0 -> null;
                    case 1 -> new byte[0];
                    default -> ("order-" + (i % 50)).getBytes(StandardCharsets.UTF_8);
                };
                byte[] value = i % 11 == 0 ? null : i % 13 == 0 ? new byte[0]
                        : ("{\"batch\":" + b + ",\"n\":" + i + ",\"pad\":\"" + "x".repeat(i % 300) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                RecordHeaders headers = new RecordHeaders();
                if (i % 3 == 0) {
                    headers.add(new RecordHeader("trace", ("t" + i).getBytes(StandardCharsets.UTF_8)));
                    headers.add(new RecordHeader("nullable", null));
                    headers.add(new RecordHeader("empty", new byte[0]));
                    headers.add(new RecordHeader("trace", "dup".getBytes(StandardCharsets.UTF_8)));
                }
                long ts = 1_700_000_000_000L + b * 1_000_000L + i * 10L;
                p.send(new ProducerRecord<>(orders(), i % 12, ts, key, value, headers));
            }
        }
    }

    private void writeEvents(int b, int n) {
        try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
            for (int i = 0; i < n; i++) {
                p.send(new ProducerRecord<>(events(), 0, 1_600_000_000_000L + i,
                        ("e" + i).getBytes(StandardCharsets.UTF_8), ("event " + b + "/" + i)
                        .getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    private void writeAccounts(int b, int n) {
        try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < n / 3; i++) {
                    byte[] value = round == 2 && i % 5 == 0 ? null
                            : ("balance " + b + "/" + round + "/" + i).getBytes(StandardCharsets.UTF_8);
                    p.send(new ProducerRecord<>(accounts(), i % 3, ("acct-" + (i % 20))
                            .getBytes(StandardCharsets.UTF_8), value));
                }
                p.flush();
                sleep(150); // segment.ms=100: segments roll, the cleaner can compact the closed ones
            }
        }
    }

    /**
     * Ten transactions of {@code n / 10} records over the four payments partitions, every third one aborted. Kafka
     * 4.x (transactions v2) can fail a transaction with a fatal {@code InvalidTxnStateException} under load; then a
     * new producer with the same transactional id aborts what was open and the transaction is written again. Tests
     * compare against {@link #snapshot()}, what a read_committed consumer sees, so a retried transaction is exact.
     */
    private void writePayments(int b, int n) {
        Map<String, Object> tx = Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, prefix + "payments-tx-" + b);
        int t = 0;
        int failures = 0;
        while (t < 10) {
            try (KafkaProducer<byte[], byte[]> p = kafka.producer(tx)) {
                p.initTransactions();
                for (; t < 10; t++) {
                    writePaymentTransaction(p, b, t, n / 10);
                }
            } catch (KafkaException e) {
                if (++failures > MAX_TRANSACTION_RETRIES) {
                    throw e;
                }
                System.err.println("corpus: transaction " + t + " on " + payments() + " failed (" + e
                        + "); writing it again with a new producer");
            }
        }
    }

    private void writePaymentTransaction(KafkaProducer<byte[], byte[]> p, int b, int t, int records) {
        p.beginTransaction();
        for (int i = 0; i < records; i++) {
            p.send(new ProducerRecord<>(payments(), (t + i) % 4, ("pay-" + t + "-" + i)
                    .getBytes(StandardCharsets.UTF_8), ((t % 3 == 1 ? "ABORTED " : "committed ") + b)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        if (t % 3 == 1) {
            p.abortTransaction();
        } else {
            p.commitTransaction();
        }
    }

    /** Waits until the compacted topic really has offset gaps from compaction (so tests exercise them). */
    public void awaitCompactionGaps() {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try (KafkaProducer<byte[], byte[]> p = kafka.producer()) {
                for (int part = 0; part < 3; part++) {
                    p.send(new ProducerRecord<>(accounts(), part, "roll".getBytes(StandardCharsets.UTF_8),
                            "roll".getBytes(StandardCharsets.UTF_8)));
                }
            }
            if (hasGaps(accounts())) {
                return;
            }
            sleep(500);
        }
        throw new IllegalStateException("topic " + accounts() + " was not compacted within 60 s");
    }

    private boolean hasGaps(String topic) {
        for (List<ConsumerRecord<byte[], byte[]>> part : kafka.readAll(topic, "read_committed").values()) {
            long prev = -1;
            for (ConsumerRecord<byte[], byte[]> r : part) {
                if (prev >= 0 && r.offset() != prev + 1) {
                    return true;
                }
                prev = r.offset();
            }
        }
        return false;
    }

    /** Commits offsets for {@link #group()}: mid-log on orders, at the end of events, mid-log on payments. */
    public Map<TopicPartition, Long> commitGroup() {
        Map<TopicPartition, Long> committed = new HashMap<>();
        List<ConsumerRecord<byte[], byte[]>> o0 = kafka.readAll(orders(), "read_committed").get(0);
        committed.put(new TopicPartition(orders(), 0), o0.get(o0.size() / 2).offset());
        committed.put(new TopicPartition(orders(), 5), 3L);
        List<ConsumerRecord<byte[], byte[]>> e0 = kafka.readAll(events(), "read_committed").get(0);
        committed.put(new TopicPartition(events(), 0), e0.get(e0.size() - 1).offset() + 1);
        List<ConsumerRecord<byte[], byte[]>> p1 = kafka.readAll(payments(), "read_committed").get(1);
        committed.put(new TopicPartition(payments(), 1), p1.get(p1.size() / 3).offset());
        Properties props = new Properties();
        props.putAll(kafka.clientProperties());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            committed.forEach((tp, o) -> offsets.put(tp, new OffsetAndMetadata(o, "corpus")));
            c.commitSync(offsets, Duration.ofSeconds(30));
        }
        return committed;
    }

    /** Everything a read_committed consumer sees now, per topic and partition. */
    public Map<String, Map<Integer, List<ConsumerRecord<byte[], byte[]>>>> snapshot() {
        Map<String, Map<Integer, List<ConsumerRecord<byte[], byte[]>>>> out = new HashMap<>();
        for (String t : topics()) {
            out.put(t, kafka.readAll(t, "read_committed"));
        }
        return out;
    }

    /** Total read_committed record count over all corpus topics. */
    public long recordCount() {
        long n = 0;
        for (var parts : snapshot().values()) {
            for (List<ConsumerRecord<byte[], byte[]>> l : parts.values()) {
                n += l.size();
            }
        }
        return n;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
