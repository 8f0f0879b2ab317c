package dev.kafkadr.mirror.plan;

/**
 * Backup-agent settings for one cluster, so the plan also emits that agent's config file. {@code commandConfig}
 * defaults to the cluster's secrets file. Immutable.
 */
public record AgentSpec(String storeUri, String scheduleCron, String commandConfig, Patterns topics) {
}
