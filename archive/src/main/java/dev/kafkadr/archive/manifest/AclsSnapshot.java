package dev.kafkadr.archive.manifest;

import java.util.List;

/**
 * The ACLs on the backed-up topics and groups ({@code runs/<run-id>/acls.json}); {@code authorizer} false records
 * that the cluster had no authorizer, so there were none to keep. Immutable.
 */
public record AclsSnapshot(String runId, boolean authorizer, List<AclEntry> bindings) {

    public AclsSnapshot {
        bindings = bindings == null ? List.of() : List.copyOf(bindings);
    }
}
