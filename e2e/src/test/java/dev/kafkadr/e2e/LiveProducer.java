package dev.kafkadr.e2e;

import dev.kafkadr.testkit.KafkaTestCluster;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Keeps producing to a topic from a background thread while a fault test runs: batches of records round-robin over
 * the partitions, each batch a transaction when transactional (every fourth one aborted, so read_committed matters),
 * paced to roughly {@code recordsPerSecond}, with incompressible values. {@link #close()} stops it and rethrows a
 * producer failure. Thread-safe.
 */
final class LiveProducer implements AutoCloseable {

    private static final int BATCH = 250;
    private static final int MAX_TRANSACTION_RETRIES = 5;

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private long batch; // only the producer thread touches it

    LiveProducer(KafkaTestCluster kafka, String topic, int partitions, boolean transactional, int recordsPerSecond,
                 int valueBytes) {
        Map<String, Object> props = new HashMap<>(Map.of(ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000));
        if (transactional) {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "kdr-faults-" + UUID.randomUUID());
        }
        thread = new Thread(() -> produce(kafka, props, topic, partitions, transactional, recordsPerSecond,
                valueBytes), "live-producer-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(KafkaTestCluster kafka, Map<String, Object> props, String topic, int partitions,
                         boolean transactional, int recordsPerSecond, int valueBytes) {
        long nanosPerBatch = 1_000_000_000L * BATCH / Math.max(1, recordsPerSecond);
        java.util.SplittableRandom bytes = new java.util.SplittableRandom(topic.hashCode());
        int failures = 0;
        try {
            while (running.get()) {
                try (KafkaProducer<byte[], byte[]> p = kafka.producer(props)) {
                    if (transactional) {
                        p.initTransactions();
                    }
                    while (running.get()) {
                        long start = System.nanoTime();
                        sendBatch(p, topic, partitions, transactional, valueBytes, bytes);
                        long left = nanosPerBatch - (System.nanoTime() - start);
                        if (left > 0) {
                            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
                        }
                    }
                } catch (KafkaException e) {
                    // Kafka 4.x (transactions v2) can fail a transaction with a fatal InvalidTxnStateException under
                    // load: a new producer with the same transactional id aborts it, and the batch is not counted.
                    if (!transactional || ++failures > MAX_TRANSACTION_RETRIES) {
                        throw e;
                    }
                    System.err.println("live producer: a transaction on " + topic + " failed (" + e
                            + "); continuing with a new producer");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure.set(t);
        }
    }

    private void sendBatch(KafkaProducer<byte[], byte[]> p, String topic, int partitions, boolean transactional,
                           int valueBytes, java.util.SplittableRandom bytes) {
        if (transactional) {
            p.beginTransaction();
        }
        for (int i = 0; i < BATCH; i++) {
            long n = sent.get() + i;
            byte[] value = new byte[valueBytes];
            bytes.nextBytes(value);
            ProducerRecord<byte[], byte[]> r = new ProducerRecord<>(topic, (int) (n % partitions),
                    ("k" + n).getBytes(StandardCharsets.UTF_8), value);
            r.headers().add("batch", Long.toString(batch).getBytes(StandardCharsets.UTF_8));
            p.send(r);
        }
        if (transactional && batch % 4 == 3) {
            p.abortTransaction();
        } else if (transactional) {
            p.commitTransaction();
        } else {
            p.flush();
        }
        sent.addAndGet(BATCH);
        batch++;
    }

    /** Records handed to the producer so far (committed or aborted). */
    long sent() {
        return sent.get();
    }

    /** Stops producing, waits for the last batch, and fails if the producer failed. */
    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(180_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("the live producer did not stop within 180 s");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the live producer failed: " + failure.get(), failure.get());
        }
    }
}
