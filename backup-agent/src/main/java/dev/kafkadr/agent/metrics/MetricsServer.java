package dev.kafkadr.agent.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * A small HTTP endpoint: {@code /metrics} in Prometheus text format and {@code /health} (200 while the scheduler
 * runs and the newest run did not fail, else 503, with a JSON body saying why). Thread-safe.
 */
public final class MetricsServer implements AutoCloseable {

    private final HttpServer server;

    public MetricsServer(String host, int port, AgentMetrics metrics, BooleanSupplier schedulerRunning) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException e) {
            throw new dev.kafkadr.archive.UsageException("cannot open the metrics endpoint on " + host + ":" + port
                    + ": " + e.getMessage() + " (set metrics.port to a free port, or -1 to disable)", e);
        }
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kdr-metrics-http");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/metrics", ex -> respond(ex, 200, "text/plain; version=0.0.4; charset=utf-8",
                metrics.registry().scrape()));
        server.createContext("/health", ex -> {
            boolean up = schedulerRunning.getAsBoolean() && !"failure".equals(metrics.lastResult());
            String body = String.format("{\"status\":\"%s\",\"scheduler\":%s,\"lastRun\":\"%s\","
                            + "\"lastSuccessEpochSeconds\":%d,\"lastError\":\"%s\"}", up ? "UP" : "DOWN",
                    schedulerRunning.getAsBoolean(), metrics.lastResult(), metrics.lastSuccessEpochSeconds(),
                    metrics.lastError().replace("\\", "\\\\").replace("\"", "\\\""));
            respond(ex, up ? 200 : 503, "application/json", body);
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void respond(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
