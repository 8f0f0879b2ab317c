package dev.kafkadr.archive.manifest;

import java.util.List;

/** The metadata of every topic in a run ({@code runs/<run-id>/topics.json}). Immutable. */
public record TopicsSnapshot(String runId, List<TopicMetadata> topics) {

    public TopicsSnapshot {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
