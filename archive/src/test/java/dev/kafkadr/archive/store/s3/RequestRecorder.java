package dev.kafkadr.archive.store.s3;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * An SDK interceptor recording the operation name and headers of every request as sent, and the most UploadPart
 * calls ever outstanding at once. Thread-safe.
 */
final class RequestRecorder implements ExecutionInterceptor {

    /** One request as transmitted. */
    record Sent(String operation, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger partsNow = new AtomicInteger();
    final AtomicInteger maxPartsAtOnce = new AtomicInteger();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (isPart(attributes)) {
            int now = partsNow.incrementAndGet();
            maxPartsAtOnce.accumulateAndGet(now, Math::max);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        sent.add(new Sent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                Map.copyOf(context.httpRequest().headers())));
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (isPart(attributes)) {
            partsNow.decrementAndGet();
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (isPart(attributes)) {
            partsNow.decrementAndGet();
        }
    }

    List<Sent> of(String operation) {
        return sent.stream().filter(s -> s.operation().equals(operation)).toList();
    }

    private static boolean isPart(ExecutionAttributes attributes) {
        return "UploadPart".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
}
