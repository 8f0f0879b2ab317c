package dev.kafkadr.archive.manifest;

/** One ACL binding, in Kafka's terms (resource type/name/pattern, principal, host, operation, permission). Immutable. */
public record AclEntry(String resourceType, String resourceName, String patternType, String principal, String host,
                       String operation, String permission) {
}
